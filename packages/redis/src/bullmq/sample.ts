// Queue samples for the metric rollups and the alert rules: the counts every
// listing uses (counts.ts: one script call per 100 queues and one CLIENT LIST)
// and, for the minutes asked for, the jobs finished in each (finished.ts).
import type { Redis } from "../client";
import { fetchQueueCounts, waitingOf } from "./counts";
import { type FinishedCount, finishedPerMinute } from "./finished";

export interface QueueSample {
  queue: string;
  /** Ready to run: wait + prioritized + legacy paused list. */
  waiting: number;
  active: number;
  paused: boolean;
  /** Active jobs whose lock has lapsed (stalled.ts). */
  stalled: number;
  /** BullMQ worker connections; null when CLIENT LIST is refused. */
  workers: number | null;
  /** Finished jobs per minute start (ms) asked for. */
  finished: Map<number, FinishedCount>;
}

/** Samples `queues`; `minutes` are minute starts (ms) whose finished jobs are counted. */
export async function sampleQueues(
  redis: Redis,
  prefix: string,
  queues: string[],
  minutes: number[] = [],
): Promise<QueueSample[]> {
  const [counts, finished] = await Promise.all([
    fetchQueueCounts(redis, prefix, queues),
    finishedPerMinute(redis, prefix, queues, minutes),
  ]);
  return queues.flatMap((queue) => {
    const c = counts.get(queue);
    if (!c) return [];
    return [
      {
        queue,
        waiting: waitingOf(c),
        active: c.active,
        paused: c.paused,
        stalled: c.stalled,
        workers: c.workers,
        finished: finished.get(queue) ?? new Map<number, FinishedCount>(),
      },
    ];
  });
}
