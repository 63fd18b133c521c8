// One rollup run, idempotent and safe to overlap:
//  1. minutes from the watermark (less `overlapMinutes`, for late request logs)
//     to the last closed minute, at most `maxBackfillMinutes` per run: API
//     requests per route (exact percentiles), finished jobs per queue (BullMQ
//     sets and job records, see queueRollup.ts), wait and processing time
//     histograms per queue and job name with the hours and days they fall in
//     (job records, latencyRollup.ts), and — for the last closed minute
//     only, since they can only be measured now — queue gauges, worker
//     cpu/memory and Redis/Postgres stats;
//  2. hours whose minutes are all final, then days whose hours are: compacted
//     from the finer rows (each such hour's latency added to the latency
//     totals), request percentiles recomputed from the raw logs;
//  3. retention by granularity.
// Watermarks only move forward, so a missed run is backfilled by the next.
import { CATALOG_QUEUE_NAMES, coerceError, withDeadline } from "@opsdeck/core";
import {
  addBuckets,
  applyRetention,
  BUCKET_MS,
  bucketsBetween,
  compactBuckets,
  floorBucket,
  foldLatencyTotals,
  getWatermarks,
  jobRecordMinutes,
  postgresStats,
  type QueueMinuteRow,
  rollupLatency,
  rollupRequests,
  sampleWorkers,
  setWatermark,
  upsertQueueMinutes,
  upsertSystemMinute,
} from "@opsdeck/db";
import { listQueueNames, type QueueSample, redisStats, sampleQueues } from "@opsdeck/redis";

import { MAX_DAYS_PER_RUN, MAX_HOURS_PER_RUN, type MetricsContext } from "./context";

export interface RollupResult {
  minutes: { from: string; to: string; count: number } | null;
  queues: number;
  hours: number;
  days: number;
  retention: { minute: number; hour: number; day: number };
  warnings: string[];
}

const msg = (err: unknown) => coerceError(err).message;
const min = (a: Date, b: Date) => (a < b ? a : b);
const max = (a: Date, b: Date) => (a > b ? a : b);

/** `sampleNow`: the range ends at the last closed minute, so gauges measured now belong to it. */
async function rollupMinutes(
  ctx: MetricsContext,
  from: Date,
  to: Date,
  sampleNow: boolean,
  warnings: string[],
): Promise<number> {
  const { pool, options } = ctx;
  const minutes = bucketsBetween(from, to, "minute");
  const last = minutes[minutes.length - 1] as Date;
  await rollupRequests(pool, "minute", from, to);

  let samples: QueueSample[] = [];
  try {
    const sample = async () => {
      const names = await listQueueNames(ctx.redis, ctx.queuePrefix, CATALOG_QUEUE_NAMES);
      return sampleQueues(
        ctx.redis,
        ctx.queuePrefix,
        names,
        minutes.map((m) => m.getTime()),
      );
    };
    samples = await withDeadline(sample(), options.probeTimeoutMs * 5, "Redis");
  } catch (err) {
    warnings.push(`queues not sampled from Redis: ${msg(err)}`);
  }
  const records = await jobRecordMinutes(pool, from, to);
  const queues = new Set([
    ...samples.map((s) => s.queue),
    ...[...records.keys()].map((k) => k.split("|")[1] as string),
  ]);
  const byQueue = new Map(samples.map((s) => [s.queue, s]));
  const rows: QueueMinuteRow[] = [];
  for (const queue of queues) {
    const s = byQueue.get(queue);
    for (const m of minutes) {
      const z = s?.finished.get(m.getTime());
      const rec = records.get(`${m.getTime()}|${queue}`);
      const gauge = s !== undefined && sampleNow && m.getTime() === last.getTime();
      rows.push({
        bucket: m,
        queue,
        completed: Math.max(z?.completed ?? 0, rec?.completed ?? 0),
        failed: Math.max(z?.failed ?? 0, rec?.failed ?? 0),
        waiting: gauge ? s.waiting : null,
        active: gauge ? s.active : null,
        latencySumMs: rec?.latencySumMs ?? 0,
        latencyCount: rec?.latencyCount ?? 0,
        waitSumMs: rec?.waitSumMs ?? 0,
      });
    }
  }
  await upsertQueueMinutes(pool, rows);
  await rollupLatency(pool, from, to, options.latencyTopNames);

  if (sampleNow) {
    await sampleWorkers(pool, last);
    const [redis, postgres] = await Promise.allSettled([
      redisStats(ctx.redis, options.probeTimeoutMs),
      postgresStats(pool, options.probeTimeoutMs),
    ]);
    if (redis.status === "rejected") warnings.push(msg(redis.reason));
    await upsertSystemMinute(pool, last, {
      redis: redis.status === "fulfilled" ? redis.value : null,
      postgres: postgres.status === "fulfilled" ? postgres.value : null,
    });
  }
  return queues.size;
}

/** Rolls up what has closed since the last run (see the file header). */
export async function runRollups(ctx: MetricsContext): Promise<RollupResult> {
  const { pool, options } = ctx;
  const now = ctx.now?.() ?? new Date();
  const warnings: string[] = [];
  const marks = await getWatermarks(pool);
  const result: RollupResult = {
    minutes: null,
    queues: 0,
    hours: 0,
    days: 0,
    retention: { minute: 0, hour: 0, day: 0 },
    warnings,
  };

  // 1. Minutes: [from, to) where `to` is the end of the last closed minute.
  const closedEnd = floorBucket(now.getTime() - options.lagMs, "minute");
  const oldest = floorBucket(now.getTime() - options.retentionMs.minute, "minute");
  let from = marks.minute
    ? addBuckets(marks.minute, "minute", 1 - options.overlapMinutes)
    : addBuckets(closedEnd, "minute", -options.overlapMinutes);
  from = max(from, oldest);
  const to = min(closedEnd, addBuckets(from, "minute", options.maxBackfillMinutes));
  if (from < to) {
    result.queues = await rollupMinutes(ctx, from, to, to.getTime() === closedEnd.getTime(), warnings);
    const lastMinute = addBuckets(to, "minute", -1);
    await setWatermark(pool, "minute", lastMinute);
    result.minutes = {
      from: from.toISOString(),
      to: to.toISOString(),
      count: bucketsBetween(from, to, "minute").length,
    };
  }
  const minuteEnd = to > (marks.minute ?? new Date(0)) ? to : addBuckets(marks.minute ?? to, "minute", 1);

  // 2. Hours whose minutes are final (past the overlap), then days whose hours are all compacted.
  const hourEnd = floorBucket(minuteEnd.getTime() - options.overlapMinutes * BUCKET_MS.minute, "hour");
  const hourFrom = max(
    marks.hour ? addBuckets(marks.hour, "hour", 1) : addBuckets(hourEnd, "hour", -1),
    floorBucket(oldest, "hour"),
  );
  const hourTo = min(hourEnd, addBuckets(hourFrom, "hour", MAX_HOURS_PER_RUN));
  if (hourFrom < hourTo) {
    await compactBuckets(pool, "hour", hourFrom, hourTo);
    await foldLatencyTotals(pool, hourFrom, hourTo);
    await rollupRequests(pool, "hour", hourFrom, hourTo);
    await setWatermark(pool, "hour", addBuckets(hourTo, "hour", -1));
    result.hours = bucketsBetween(hourFrom, hourTo, "hour").length;
  }
  const hoursDone = hourFrom < hourTo ? hourTo : marks.hour ? addBuckets(marks.hour, "hour", 1) : null;
  if (hoursDone) {
    const dayEnd = floorBucket(hoursDone, "day");
    const dayFrom = marks.day ? addBuckets(marks.day, "day", 1) : addBuckets(dayEnd, "day", -1);
    const dayTo = min(dayEnd, addBuckets(dayFrom, "day", MAX_DAYS_PER_RUN));
    if (dayFrom < dayTo) {
      await compactBuckets(pool, "day", dayFrom, dayTo);
      await rollupRequests(pool, "day", dayFrom, dayTo);
      await setWatermark(pool, "day", addBuckets(dayTo, "day", -1));
      result.days = bucketsBetween(dayFrom, dayTo, "day").length;
    }
  }

  // 3. Retention.
  result.retention = await applyRetention(pool, now, options.retentionMs);
  if (warnings.length) ctx.log.warn("metric rollup incomplete", { warnings });
  return result;
}
