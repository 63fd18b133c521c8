// Counts for many queues in ONE pipelined round trip (SPEC §4): one counts
// script call per QUEUES_PER_CALL queues (probe.ts: every count and extra of
// those queues) and a single CLIENT LIST for the workers. Never a job listing,
// never a call per queue.
import { countWorkers, type Redis, UnavailableError } from "@opsdeck/core";

import { addCounts, defineCountsScript, QUEUES_PER_CALL, VALUES_PER_QUEUE } from "./probe";

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
  p.client("LIST");
  const results = await p.exec();
  if (!results) throw new UnavailableError("redis_unavailable", "Redis did not answer; try again shortly.");
  // CLIENT LIST may be refused (some managed Redis): the worker counts are then unknown (null).
  const [listErr, clientList] = results[batches.length] ?? [];
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

/**
 * Lets concurrent callers share reads without ever getting one that started
 * before they called: a caller joins the next read not yet started, which starts
 * as soon as the one in flight (if any) settles, so at most one read is in
 * flight and one waiting. Under N concurrent dashboard polls that is about two
 * reads instead of N. If the read in flight fails, the waiting callers get its
 * error instead of a second attempt, so a stalled Redis still answers them 503
 * within one command deadline.
 */
export function coalesce<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    next = null; // from here on, callers wait for a later read
    const p = read();
    inFlight = p;
    const clear = () => {
      if (inFlight === p) inFlight = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (next) return next;
    if (!inFlight) return start();
    const waiting: Promise<T> = inFlight.then(start, (err: unknown) => {
      if (next === waiting) next = null;
      throw err;
    });
    next = waiting;
    return waiting;
  };
}
