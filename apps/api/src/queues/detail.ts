// One queue in depth (GET /queues/{queue_name}): every state's count, global
// concurrency and rate limit, job schedulers, and per-minute throughput for
// the last 60 minutes counted from the completed and failed sets (scored by
// finishedOn, ms), all in two pipelines plus BullMQ's own getters.
import type { QueueDetail } from "@opsdeck/core";
import { fetchQueueCounts, finishedPerMinute, type Redis } from "@opsdeck/redis";
import type { Queue } from "bullmq";

import type { ApiConfig } from "../config";
import { queueSummary } from "./summary";

const MINUTE_MS = 60_000;
/** Schedulers listed in the detail (the total is always given). */
const SCHEDULERS_SHOWN = 50;

async function throughput(redis: Redis, prefix: string, queue: string, now: number) {
  const end = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS; // end of the current minute
  const starts = Array.from({ length: 60 }, (_, i) => end - (60 - i) * MINUTE_MS);
  const perMinute = (await finishedPerMinute(redis, prefix, [queue], starts)).get(queue);
  return starts.map((s) => ({
    minute: new Date(s).toISOString(),
    completed: perMinute?.get(s)?.completed ?? 0,
    failed: perMinute?.get(s)?.failed ?? 0,
  }));
}

export async function queueDetail(
  config: ApiConfig,
  redis: Redis,
  queue: Queue,
  prefix: string,
  now = Date.now(),
): Promise<QueueDetail> {
  const [countsByQueue, points, concurrency, rateLimit, schedulers, schedulerTotal] = await Promise.all([
    fetchQueueCounts(redis, prefix, [queue.name], now),
    throughput(redis, prefix, queue.name, now),
    queue.getGlobalConcurrency(),
    queue.getGlobalRateLimit(),
    queue.getJobSchedulers(0, SCHEDULERS_SHOWN - 1, true),
    queue.getJobSchedulersCount(),
  ]);
  const c = countsByQueue.get(queue.name);
  if (!c) throw new Error(`no counts for ${queue.name}`);
  return {
    ...queueSummary(config, queue.name, c, now),
    counts: {
      active: c.active,
      waiting: c.wait,
      prioritized: c.prioritized,
      delayed: c.delayed,
      paused: c.pausedList,
      "waiting-children": c.waitingChildren,
      completed: c.completed,
      failed: c.failed,
      stalled: c.stalled,
    },
    global_concurrency: concurrency,
    global_rate_limit: rateLimit ? { max: rateLimit.max, duration_ms: rateLimit.duration } : null,
    schedulers: {
      total: schedulerTotal,
      items: schedulers.map((s) => ({
        id: s.key,
        name: s.name,
        pattern: s.pattern ?? null,
        every: s.every ?? null,
        next_run_at: s.next ? new Date(s.next).toISOString() : null,
      })),
    },
    throughput_last_60_minutes: points,
  };
}
