// Samples BullMQ queues straight from Redis for the rollups and alert rules,
// in two pipelined round trips whatever the number of queues: per queue the
// wait/prioritized/paused/active lengths, the paused flag, the first active
// job ids and a ZCOUNT of the completed and failed sets (scored by finishedOn,
// ms) for every minute asked for; then one EXISTS per active job's lock
// (stalled = active without a lock). Worker connections come from one CLIENT
// LIST, the way BullMQ's Queue#getWorkers finds them.
// (The API's apps/api/src/queues/counts.ts does the same for GET /queues; the
// worker cannot import the API, hence this sampler. Both read the same keys.)
import { countWorkers, discoverQueues, type Redis } from "@opsdeck/core";

export interface QueueSample {
  queue: string;
  /** Ready to run: wait + prioritized + legacy paused list. */
  waiting: number;
  active: number;
  paused: boolean;
  /** Active jobs whose lock has lapsed (first ACTIVE_CHECK_LIMIT active jobs checked). */
  stalled: number;
  /** BullMQ worker connections; null when CLIENT LIST is refused. */
  workers: number | null;
  /** Finished jobs per minute start (ms) asked for. */
  finished: Map<number, { completed: number; failed: number }>;
}

export const ACTIVE_CHECK_LIMIT = 1_000;

/** Catalog queues plus every queue found under the prefix. */
export async function discoverQueueNames(redis: Redis, prefix: string, catalog: readonly string[]): Promise<string[]> {
  return [...new Set([...catalog, ...(await discoverQueues(redis, prefix))])];
}

/** Samples `queues`; `minutes` are minute starts (ms) whose finished jobs are counted. */
export async function sampleQueues(
  redis: Redis,
  prefix: string,
  queues: string[],
  minutes: number[] = [],
): Promise<QueueSample[]> {
  const per = 6 + minutes.length * 2;
  const p = redis.pipeline();
  for (const q of queues) {
    const k = (s: string) => `${prefix}:${q}:${s}`;
    p.llen(k("wait"));
    p.zcard(k("prioritized"));
    p.llen(k("paused"));
    p.llen(k("active"));
    p.hget(k("meta"), "paused");
    p.lrange(k("active"), 0, ACTIVE_CHECK_LIMIT - 1);
    for (const m of minutes) {
      p.zcount(k("completed"), m, `(${m + 60_000}`);
      p.zcount(k("failed"), m, `(${m + 60_000}`);
    }
  }
  p.client("LIST");
  const res = await p.exec();
  if (!res) throw new Error("Redis did not answer the queue sample");
  const values = res.map(([err, v]) => (err ? null : v));
  const clientList = values[values.length - 1];
  const workers = typeof clientList === "string" ? countWorkers(clientList, prefix, queues) : null;

  const samples = queues.map((queue, i) => {
    const v = values.slice(i * per, (i + 1) * per);
    const n = (j: number) => Number(v[j] ?? 0) || 0;
    const finished = new Map<number, { completed: number; failed: number }>();
    minutes.forEach((m, j) => finished.set(m, { completed: n(6 + j * 2), failed: n(7 + j * 2) }));
    return {
      queue,
      waiting: n(0) + n(1) + n(2),
      active: n(3),
      paused: v[4] === "1",
      stalled: 0,
      workers: workers ? (workers.get(queue) ?? 0) : null,
      finished,
      activeIds: Array.isArray(v[5]) ? (v[5] as string[]) : [],
    };
  });
  // Second round trip: which active jobs hold no lock.
  const lp = redis.pipeline();
  for (const s of samples) for (const id of s.activeIds) lp.exists(`${prefix}:${s.queue}:${id}:lock`);
  const locks = samples.some((s) => s.activeIds.length > 0) ? ((await lp.exec()) ?? []) : [];
  let at = 0;
  return samples.map(({ activeIds, ...s }) => {
    let stalled = 0;
    for (let j = 0; j < activeIds.length; j++) if (locks[at++]?.[1] === 0) stalled++;
    return { ...s, stalled };
  });
}
