// Stalled jobs: active jobs whose lock has lapsed. A worker holds
// `<prefix>:<queue>:<id>:lock` (renewed every lockDuration / 2) for every job
// it runs; an active job without one belongs to a worker that died or froze,
// and BullMQ's stalled check will move it back to wait (or fail it).
// Counted in the queue counts script (countsScript.ts) and listed here with
// the same bound, so `stalled_jobs` in a listing and the total of
// `?status=stalled` always agree.
import type { Redis } from "../client";
import { queueKeys } from "./keys";
import { noReply } from "./pipeline";

/**
 * Active jobs checked per queue (the head of the active list, where BullMQ
 * pushes the jobs it starts). Active lists are bounded by the workers'
 * concurrency, so this is every active job of any reasonable deployment; a
 * queue past it has only its first STALLED_SCAN_LIMIT checked. One EXISTS
 * each: 1,000 keep the counts script near a millisecond per queue.
 */
export const STALLED_SCAN_LIMIT = 1_000;

/** Ids of the queue's stalled jobs (of the first STALLED_SCAN_LIMIT active ones), in active-list order. */
export async function stalledJobIds(redis: Redis, prefix: string, queue: string): Promise<string[]> {
  const k = queueKeys(prefix, queue);
  const ids = await redis.lrange(k.state("active"), 0, STALLED_SCAN_LIMIT - 1);
  if (ids.length === 0) return [];
  const p = redis.pipeline();
  for (const id of ids) p.exists(k.lock(id));
  const results = await p.exec();
  if (!results) throw noReply();
  return ids.filter((_, i) => {
    const [err, locked] = results[i] ?? [];
    if (err) throw err;
    return locked === 0;
  });
}

/** Whether a worker holds the job's lock now. */
export async function isJobLocked(redis: Redis, prefix: string, queue: string, jobId: string): Promise<boolean> {
  return (await redis.exists(queueKeys(prefix, queue).lock(jobId))) === 1;
}
