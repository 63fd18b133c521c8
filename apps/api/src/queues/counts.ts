// Counts for many queues in ONE pipelined round trip (SPEC §4): LLEN / ZCARD
// / ZCOUNT / HGET on BullMQ's keys, one probe script per queue, and a single
// CLIENT LIST for the workers. Never a job listing, never a call per queue.
import { countWorkers, type Redis } from "@opsdeck/core";

import { pipelineValues } from "./connection";
import { addProbe, defineProbe, parseProbe } from "./probe";

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

/** Commands per queue, in the order they are read back. */
const PER_QUEUE = 11;
const HOUR_MS = 3_600_000;

export async function fetchQueueCounts(
  redis: Redis,
  prefix: string,
  names: string[],
  now = Date.now(),
): Promise<Map<string, QueueCounts>> {
  defineProbe(redis);
  const p = redis.pipeline();
  for (const name of names) {
    const k = (s: string) => `${prefix}:${name}:${s}`;
    p.llen(k("wait"));
    p.llen(k("paused"));
    p.zcard(k("prioritized"));
    p.llen(k("active"));
    p.zcard(k("delayed"));
    p.zcard(k("failed"));
    p.zcard(k("completed"));
    p.zcard(k("waiting-children"));
    // The completed zset is scored by finishedOn (ms).
    p.zcount(k("completed"), now - HOUR_MS, "+inf");
    p.hget(k("meta"), "paused");
    addProbe(p, prefix, name);
  }
  p.client("LIST");
  const values = pipelineValues(await p.exec());
  const clientList = values[values.length - 1];
  const workers = typeof clientList === "string" ? countWorkers(clientList, prefix, names) : null;

  const out = new Map<string, QueueCounts>();
  names.forEach((name, i) => {
    const v = values.slice(i * PER_QUEUE, (i + 1) * PER_QUEUE);
    const n = (j: number) => Number(v[j] ?? 0) || 0;
    const probe = parseProbe(v[10]);
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
      paused: v[9] === "1",
      oldestWaitingTimestamp: probe?.oldestTimestamp ?? null,
      stalled: probe?.stalled ?? 0,
      workers: workers ? (workers.get(name) ?? 0) : null,
    });
  });
  return out;
}

/** Jobs ready to run: the wait list, the prioritized set and a legacy paused list. */
export function waitingOf(c: QueueCounts): number {
  return c.wait + c.prioritized + c.pausedList;
}
