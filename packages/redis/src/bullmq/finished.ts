// Jobs finished per minute, counted from a queue's completed and failed sorted
// sets, which BullMQ scores by finishedOn (ms): one ZCOUNT per set and minute,
// all in one pipeline. Only jobs still in Redis count (removeOnComplete /
// removeOnFail prune them), so callers that need the full count merge it with
// the job records.
import type { Redis } from "../client";
import { queueKeys } from "./keys";
import { pipelineValues } from "./pipeline";

const MINUTE_MS = 60_000;

export interface FinishedCount {
  completed: number;
  failed: number;
}

/** For each queue, finished jobs per minute start (ms) of `minutes`. */
export async function finishedPerMinute(
  redis: Redis,
  prefix: string,
  queues: string[],
  minutes: number[],
): Promise<Map<string, Map<number, FinishedCount>>> {
  const out = new Map<string, Map<number, FinishedCount>>();
  if (queues.length === 0 || minutes.length === 0) {
    for (const q of queues) out.set(q, new Map());
    return out;
  }
  const p = redis.pipeline();
  for (const q of queues) {
    const k = queueKeys(prefix, q);
    for (const m of minutes) {
      p.zcount(k.state("completed"), m, `(${m + MINUTE_MS}`);
      p.zcount(k.state("failed"), m, `(${m + MINUTE_MS}`);
    }
  }
  const v = pipelineValues(await p.exec());
  let i = 0;
  const n = () => Number(v[i++] ?? 0) || 0;
  for (const q of queues) {
    const perMinute = new Map<number, FinishedCount>();
    for (const m of minutes) perMinute.set(m, { completed: n(), failed: n() });
    out.set(q, perMinute);
  }
  return out;
}
