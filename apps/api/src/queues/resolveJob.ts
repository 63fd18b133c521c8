// Finds which queue holds a job id (SPEC §4): one pipeline of HEXISTS over
// every known queue's `<prefix>:<queue>:<id>` hash. HEXISTS on the job's
// `timestamp` field rather than EXISTS, so ids such as "meta" or "events"
// never match a queue's own keys. `?queue=` narrows the search to one queue.
import { ConflictError, NotFoundError } from "@opsdeck/core";
import type { Queue } from "bullmq";

import type { AppDeps } from "../deps";
import { pipelineValues, readyRedis } from "./connection";

export async function findQueue(deps: AppDeps, name: string): Promise<Queue> {
  const q = await deps.queues.find(name);
  if (!q) throw new NotFoundError("queue_not_found", `No queue named '${name}'.`);
  return q;
}

export async function resolveJobQueue(deps: AppDeps, jobId: string, queueName?: string): Promise<Queue> {
  const redis = await readyRedis(deps.queues);
  const prefix = deps.queues.prefix;
  const candidates = queueName ? [(await findQueue(deps, queueName)).name] : await deps.queues.names();
  const p = redis.pipeline();
  for (const q of candidates) p.hexists(`${prefix}:${q}:${jobId}`, "timestamp");
  const found = pipelineValues(await p.exec());
  const holders = candidates.filter((_, i) => found[i] === 1);
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
