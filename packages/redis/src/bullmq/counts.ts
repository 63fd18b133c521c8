// Counts for many queues in ONE pipelined round trip: one counts script call
// per QUEUES_PER_CALL queues (countsScript.ts: every count and extra of those
// queues) and a single CLIENT LIST for the workers. Never a job listing,
// never a call per queue. Under Redis Cluster CLIENT LIST is read apart, from
// the master holding the queues (workers.ts): a pipeline is retried on MOVED,
// ASK or TRYAGAIN only when every command in it got that same answer, which a
// keyless CLIENT LIST sent along would prevent. Used for GET /queues, a queue's detail, the
// Prometheus gauges, the rollups and the alert rules alike.
import { Cluster } from "ioredis";

import type { Redis } from "../client";
import { addCounts, defineCountsScript, QUEUES_PER_CALL, VALUES_PER_QUEUE } from "./countsScript";
import { noReply } from "./pipeline";
import { countWorkers, readClientList } from "./workers";

export interface QueueCounts {
  wait: number;
  /** Legacy paused list (BullMQ < 5 moved jobs there while paused). */
  pausedList: number;
  prioritized: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  waitingChildren: number;
  completedLastHour: number;
  paused: boolean;
  /** Timestamp of the next job to run from the wait list, ms; null when none. */
  oldestWaitingTimestamp: number | null;
  stalled: number;
  /** Worker connections; null when CLIENT LIST is refused (some managed Redis). */
  workers: number | null;
}

const HOUR_MS = 3_600_000;

export async function fetchQueueCounts(
  redis: Redis,
  prefix: string,
  names: string[],
  now = Date.now(),
): Promise<Map<string, QueueCounts>> {
  defineCountsScript(redis);
  const p = redis.pipeline();
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += QUEUES_PER_CALL) batches.push(names.slice(i, i + QUEUES_PER_CALL));
  for (const batch of batches) addCounts(p, prefix, batch, now - HOUR_MS);
  const clustered = redis instanceof Cluster;
  if (!clustered) p.client("LIST");
  const [results, apart] = await Promise.all([p.exec(), clustered ? readClientList(redis, prefix) : null]);
  if (!results) throw noReply();
  // CLIENT LIST may be refused (some managed Redis): the worker counts are then unknown (null).
  const [listErr, clientList] = clustered ? [null, apart] : (results[batches.length] ?? []);
  const workers = !listErr && typeof clientList === "string" ? countWorkers(clientList, prefix, names) : null;

  const out = new Map<string, QueueCounts>();
  batches.forEach((batch, b) => {
    // A key of the wrong type cannot fail the script (it reads with pcall), so an error here is Redis
    // itself (timed out, gone): raise it (503) rather than answer zeros as if they were counts.
    const [err, reply] = results[b] ?? [];
    if (err) throw err;
    const v: unknown[] = Array.isArray(reply) ? reply : [];
    batch.forEach((name, i) => {
      const n = (j: number) => Number(v[i * VALUES_PER_QUEUE + j] ?? 0) || 0;
      const oldest = n(10);
      out.set(name, {
        wait: n(0),
        pausedList: n(1),
        prioritized: n(2),
        active: n(3),
        delayed: n(4),
        failed: n(5),
        completed: n(6),
        waitingChildren: n(7),
        completedLastHour: n(8),
        paused: n(9) === 1,
        oldestWaitingTimestamp: oldest >= 0 ? oldest : null,
        stalled: n(11),
        workers: workers ? (workers.get(name) ?? 0) : null,
      });
    });
  });
  return out;
}

/** Jobs ready to run: the wait list, the prioritized set and a legacy paused list. */
export function waitingOf(c: QueueCounts): number {
  return c.wait + c.prioritized + c.pausedList;
}
