// Where a job id lives. A job's hash is `<prefix>:<queue>:<id>`; HEXISTS on
// its `timestamp` field (which every client writes when it adds a job), not
// EXISTS, so ids such as "meta" or "events" never match a queue's own keys.
import type { Redis } from "../client";
import { queueKeys } from "./keys";
import { pipelineValues } from "./pipeline";

/** The queues of `candidates` that hold a job `jobId`, in one pipeline. */
export async function queuesHoldingJob(
  redis: Redis,
  prefix: string,
  candidates: string[],
  jobId: string,
): Promise<string[]> {
  const p = redis.pipeline();
  for (const q of candidates) p.hexists(queueKeys(prefix, q).job(jobId), "timestamp");
  const found = pipelineValues(await p.exec());
  return candidates.filter((_, i) => found[i] === 1);
}

/** Jobs in one state of a sorted set, scored at or below `maxScore` (finishedOn for completed/failed, ms). */
export async function countScored(
  redis: Redis,
  prefix: string,
  queue: string,
  state: "completed" | "failed" | "delayed",
  maxScore: number | "+inf",
): Promise<number> {
  return redis.zcount(queueKeys(prefix, queue).state(state), 0, maxScore);
}
