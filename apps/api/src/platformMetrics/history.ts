// GET /api/v1/platform/metrics/history and …/performance: points
// from the rollups at the range's granularity (1h by minute, 24h and 7d hourly, 30d daily;
// the current period included from finer rows) with job latency percentiles
// per point and per queue and job name over the range, and current
// performance.
import type { MetricsHistory, MetricsPerformance, MetricsRange, QueuesHistory } from "@opsdeck/core";
import {
  BUCKET_MS,
  bucketsBetween,
  currentWorkerLoad,
  floorBucket,
  type LatencyHistograms,
  latencyPercentiles,
  latencyRange,
  metricSeries,
  queueSeries,
  recentLatency,
  recentQueueStats,
  recentRequestStats,
  sumLatency,
} from "@opsdeck/db";

import type { AppDeps } from "../deps";

const RANGES: Record<MetricsRange, { granularity: "minute" | "hour" | "day"; buckets: number }> = {
  "1h": { granularity: "minute", buckets: 60 },
  "24h": { granularity: "hour", buckets: 24 },
  "7d": { granularity: "hour", buckets: 168 },
  "30d": { granularity: "day", buckets: 30 },
};

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

const EMPTY: LatencyHistograms = { jobs: 0, wait: [], processing: [] };

/** The contract's latency fields of summed histograms. */
function latencyOf(h: LatencyHistograms) {
  return {
    timed_jobs: h.jobs,
    wait_time_ms: latencyPercentiles(h.wait),
    processing_time_ms: latencyPercentiles(h.processing),
  };
}

/** The range's [from, to) of `now`: the last point is the current, partial period. */
function rangeOf(range: MetricsRange, now: Date) {
  const { granularity, buckets } = RANGES[range];
  const to = new Date(floorBucket(now, granularity).getTime() + BUCKET_MS[granularity]);
  const from = new Date(to.getTime() - buckets * BUCKET_MS[granularity]);
  return { granularity, from, to };
}

export async function metricsHistory(
  deps: AppDeps,
  q: { range: MetricsRange; queue?: string | undefined; worker?: string | undefined },
  now = new Date(),
): Promise<MetricsHistory> {
  const { granularity, from, to } = rangeOf(q.range, now);
  // A worker's jobs are those of the queues it serves (jobs are not attributed to workers).
  const workerQueues = q.worker ? (await currentWorkerLoad(deps.db.pool, { workerId: q.worker })).queues : undefined;
  const queues = q.queue ? [q.queue] : workerQueues;
  const [points, latency] = await Promise.all([
    metricSeries(deps.db.pool, granularity, from, to, { queues, workerId: q.worker, workerQueue: q.queue }),
    latencyRange(deps.db.pool, granularity, from, to, queues),
  ]);
  const latencyAt = new Map(latency.series.map((l) => [l.bucket.getTime(), l]));
  const metrics = points.map((p) => ({
    timestamp: p.bucket.toISOString(),
    cpu: p.cpu,
    memory: p.memory,
    messages: p.completed + p.failed,
    errors: p.failed,
    ...latencyOf(latencyAt.get(p.bucket.getTime()) ?? EMPTY),
  }));
  const nums = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
  return {
    timeRange: q.range,
    granularity,
    queue: q.queue ?? null,
    worker: q.worker ?? null,
    metrics,
    averages: {
      cpu: avg(nums(metrics.map((m) => m.cpu))),
      memory: avg(nums(metrics.map((m) => m.memory))),
      messages: avg(metrics.map((m) => m.messages)) ?? 0,
      errors: avg(metrics.map((m) => m.errors)) ?? 0,
    },
    latency: {
      ...latencyOf(sumLatency(latency.queues)),
      queues: latency.queues.map((b) => ({
        queue: b.queue,
        ...latencyOf(b),
        names: b.names.map((n) => ({ name: n.name, ...latencyOf(n) })),
      })),
    },
  };
}

/**
 * GET …/metrics/history/queues: jobs finished and failed per queue and period,
 * the overview's sparklines for every queue in one read (a per-queue history
 * each was one call, three queries, per queue and poll).
 */
export async function queuesHistory(
  deps: AppDeps,
  q: { range: MetricsRange },
  now = new Date(),
): Promise<QueuesHistory> {
  const { granularity, from, to } = rangeOf(q.range, now);
  const series = await queueSeries(deps.db.pool, granularity, from, to);
  return {
    time_range: q.range,
    granularity,
    periods: bucketsBetween(from, to, granularity).map((b) => b.toISOString()),
    queues: series.map((s) => ({
      queue: s.queue,
      messages: s.completed.map((c, i) => c + (s.failed[i] ?? 0)),
      errors: s.failed,
    })),
  };
}

/** Percent, two decimals. */
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0);

export async function metricsPerformance(
  deps: AppDeps,
  q: { queue?: string | undefined; worker?: string | undefined },
  now = new Date(),
): Promise<MetricsPerformance> {
  const { pool } = deps.db;
  const load = await currentWorkerLoad(pool, { workerId: q.worker, queue: q.queue });
  const subject = { queue: q.queue ?? null, worker: q.worker ?? null };
  // The last 60 minutes including the current, still open one.
  const lastHour = new Date(floorBucket(now, "minute").getTime() + BUCKET_MS.minute);
  const timed = await recentLatency(pool, 61, lastHour);
  const latencyFor = (queues: string[] | null) =>
    latencyOf(sumLatency([...timed].filter(([queue]) => queues === null || queues.includes(queue)).map(([, h]) => h)));
  if (!q.queue && !q.worker) {
    // Platform-wide: API 5xx rate and average response time over the last 5 minutes (raw request logs).
    const r = await recentRequestStats(pool, 5);
    return {
      cpu: load.cpu,
      memory: load.memory,
      errorRate: rate(r.errors, r.requests),
      responseTime: r.avgResponseMs === null ? null : Math.round(r.avgResponseMs * 100) / 100,
      latency: latencyFor(null),
      ...subject,
    };
  }
  // A queue or a worker: failed share and processing time of its jobs over the last hour of minute rows.
  const queues = q.queue ? [q.queue] : load.queues;
  const stats = await recentQueueStats(pool, 61, lastHour);
  let completed = 0;
  let failed = 0;
  let latency = 0;
  let count = 0;
  for (const name of queues) {
    const s = stats.get(name);
    completed += s?.completed ?? 0;
    failed += s?.failed ?? 0;
    latency += s?.latencySumMs ?? 0;
    count += s?.latencyCount ?? 0;
  }
  return {
    cpu: load.cpu,
    memory: load.memory,
    errorRate: rate(failed, completed + failed),
    responseTime: count > 0 ? Math.round((latency / count) * 100) / 100 : null,
    latency: latencyFor(queues),
    ...subject,
  };
}
