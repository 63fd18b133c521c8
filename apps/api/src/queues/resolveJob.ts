// Finds which queue holds a job id: one pipeline over every known queue
// (@opsdeck/redis jobs.ts). `?queue=` narrows the search to one queue.
import { ConflictError, NotFoundError } from "@opsdeck/core";
import { queuesHoldingJob } from "@opsdeck/redis";
import type { Queue } from "bullmq";

import type { AppDeps } from "../deps";
import { readyRedis } from "./connection";

export async function findQueue(deps: AppDeps, name: string): Promise<Queue> {
  const q = await deps.queues.find(name);
  if (!q) throw new NotFoundError("queue_not_found", `No queue named '${name}'.`);
  return q;
}

export async function resolveJobQueue(deps: AppDeps, jobId: string, queueName?: string): Promise<Queue> {
  const redis = await readyRedis(deps.queues);
  const candidates = queueName ? [(await findQueue(deps, queueName)).name] : await deps.queues.names();
  const holders = await queuesHoldingJob(redis, deps.queues.prefix, candidates, jobId);
  if (holders.length === 0) {
    const where = queueName ? `in queue '${queueName}'` : "in any queue";
    throw new NotFoundError("job_not_found", `No job '${jobId}' ${where}.`);
  }
  if (holders.length > 1) {
    throw new ConflictError(
      "ambiguous_job_id",
      `Job id '${jobId}' exists in ${holders.length} queues; pass ?queue= to choose one.`,
      { queues: holders },
    );
  }
  return deps.queues.get(holders[0] as string);
}
