// GET /queues/{queue_name}/jobs: one bounded page of a state. `stalled` is
// computed: active jobs whose lock key `<prefix>:<queue>:<id>:lock` is gone,
// checked for the first STALLED_SCAN active ids in one pipeline.
import type { JobListStatus, QueueJobs, Redis } from "@opsdeck/core";
import { Job, type JobType, type Queue } from "bullmq";

import { pipelineValues } from "./connection";
import { jobView } from "./jobView";

/** Active ids scanned for lapsed locks; active lists are bounded by worker concurrency. */
const STALLED_SCAN = 10_000;

export async function stalledJobIds(redis: Redis, prefix: string, queue: string): Promise<string[]> {
  const ids = await redis.lrange(`${prefix}:${queue}:active`, 0, STALLED_SCAN - 1);
  if (ids.length === 0) return [];
  const p = redis.pipeline();
  for (const id of ids) p.exists(`${prefix}:${queue}:${id}:lock`);
  const locked = pipelineValues(await p.exec());
  return ids.filter((_, i) => locked[i] === 0);
}

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
