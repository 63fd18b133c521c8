// GET /queues/{queue_name}/jobs: one bounded page of a state. `stalled` is
// computed (@opsdeck/redis stalled.ts): active jobs whose lock is gone, with
// the same bound as the stalled count of the queue listing.
import type { JobListStatus, QueueJobs } from "@opsdeck/core";
import { type Redis, stalledJobIds } from "@opsdeck/redis";
import { Job, type JobType, type Queue } from "bullmq";

import { jobView } from "./jobView";

export async function listJobs(
  redis: Redis,
  prefix: string,
  queue: Queue,
  status: JobListStatus,
  limit: number,
  offset: number,
): Promise<QueueJobs> {
  let jobs: Job[];
  let total: number;
  if (status === "stalled") {
    const ids = await stalledJobIds(redis, prefix, queue.name);
    total = ids.length;
    const page = ids.slice(offset, offset + limit);
    jobs = (await Promise.all(page.map((id) => Job.fromId(queue, id)))).filter((j): j is Job => j !== undefined);
  } else {
    const type = status as JobType;
    [jobs, total] = await Promise.all([
      queue.getJobs([type], offset, offset + limit - 1),
      queue.getJobCountByTypes(type),
    ]);
  }
  return {
    jobs: jobs.map((j) => jobView(j, queue.name, status)),
    pagination: { total, limit, offset },
  };
}
