// Reads over the rollups for the metrics API, the alert rules and the
// Prometheus job counters. Time series are zero-filled per bucket.
import type pg from "pg";

import { HEARTBEAT_FRESH_MS } from "../heartbeats";
import { BUCKET_MS, bucketsBetween, floorBucket, type Granularity } from "./buckets";
import { layerPredicate, readLayers } from "./layers";

export interface SeriesPoint {
  bucket: Date;
  completed: number;
  failed: number;
  cpu: number | null;
  memory: number | null;
}

export interface SeriesFilter {
  /** Jobs of these queues only (all when undefined). */
  queues?: string[] | undefined;
  /** cpu/memory of this worker only. */
  workerId?: string | undefined;
  /** cpu/memory of the workers serving this queue. */
  workerQueue?: string | undefined;
}

/** Jobs finished and worker cpu/memory per `g` bucket in [from, to). */
export async function metricSeries(
  pool: pg.Pool,
  g: Granularity,
  from: Date,
  to: Date,
  f: SeriesFilter = {},
): Promise<SeriesPoint[]> {
  const layers = await readLayers(pool, g);
  const qp: unknown[] = [g, from, to, f.queues ?? null];
  const jobs = await pool.query<{ b: Date; completed: number; failed: number }>(
    `SELECT date_trunc($1, bucket, 'UTC') AS b, sum(completed)::int AS completed, sum(failed)::int AS failed
       FROM queue_metrics
      WHERE ${layerPredicate(layers, qp)} AND bucket >= $2 AND bucket < $3 AND ($4::text[] IS NULL OR queue = ANY($4))
      GROUP BY 1`,
    qp,
  );
  const wp: unknown[] = [g, from, to, f.workerId ?? null, f.workerQueue ?? null];
  const workers = await pool.query<{ b: Date; cpu: number; memory: number }>(
    `SELECT date_trunc($1, bucket, 'UTC') AS b,
            sum(cpu_percent * samples) / sum(samples) AS cpu, sum(memory_percent * samples) / sum(samples) AS memory
       FROM worker_metrics
      WHERE ${layerPredicate(layers, wp)} AND bucket >= $2 AND bucket < $3
        AND ($4::text IS NULL OR worker_id = $4) AND ($5::text IS NULL OR $5 = ANY(queues))
      GROUP BY 1`,
    wp,
  );
  const byJobs = new Map(jobs.rows.map((r) => [r.b.getTime(), r]));
  const byWorkers = new Map(workers.rows.map((r) => [r.b.getTime(), r]));
  const round = (n: number | undefined) => (n === undefined ? null : Math.round(n * 100) / 100);
  return bucketsBetween(from, to, g).map((bucket) => {
    const j = byJobs.get(bucket.getTime());
    const w = byWorkers.get(bucket.getTime());
    return {
      bucket,
      completed: j?.completed ?? 0,
      failed: j?.failed ?? 0,
      cpu: round(w?.cpu),
      memory: round(w?.memory),
    };
  });
}

export interface QueueSeries {
  queue: string;
  /** Per `g` bucket in [from, to), zero-filled, aligned with bucketsBetween(from, to, g). */
  completed: number[];
  failed: number[];
}

/**
 * Jobs finished per queue and `g` bucket in [from, to), for every queue with
 * finished jobs in the range, by name: one read for the whole overview instead
 * of one metricSeries per queue (the same rows and layers, so equal values).
 */
export async function queueSeries(pool: pg.Pool, g: Granularity, from: Date, to: Date): Promise<QueueSeries[]> {
  const layers = await readLayers(pool, g);
  const qp: unknown[] = [g, from, to];
  const r = await pool.query<{ queue: string; b: Date; completed: number; failed: number }>(
    `SELECT queue, date_trunc($1, bucket, 'UTC') AS b, sum(completed)::int AS completed, sum(failed)::int AS failed
       FROM queue_metrics
      WHERE ${layerPredicate(layers, qp)} AND bucket >= $2 AND bucket < $3
      GROUP BY 1, 2`,
    qp,
  );
  const index = new Map(bucketsBetween(from, to, g).map((b, i) => [b.getTime(), i]));
  const byQueue = new Map<string, QueueSeries>();
  for (const row of r.rows) {
    const i = index.get(row.b.getTime());
    if (i === undefined) continue;
    let s = byQueue.get(row.queue);
    if (!s) {
      s = {
        queue: row.queue,
        completed: new Array<number>(index.size).fill(0),
        failed: new Array<number>(index.size).fill(0),
      };
      byQueue.set(row.queue, s);
    }
    s.completed[i] = row.completed;
    s.failed[i] = row.failed;
  }
  return [...byQueue.values()].sort((a, b) => (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0));
}

/**
 * The coarsest granularity whose buckets `from` is aligned to (day rows for a
 * day-aligned start, else hour rows from `from` floored to its hour), so no
 * coarse bucket straddles the start of the range.
 */
function alignedTarget(from: Date): { target: Granularity; from: Date } {
  if (from.getTime() % BUCKET_MS.day === 0) return { target: "day", from };
  return { target: "hour", from: floorBucket(from, "hour") };
}

/** Jobs finished (completed, failed) in [from, now), across granularities. */
export async function jobTotals(pool: pg.Pool, start: Date): Promise<{ completed: number; failed: number }> {
  const { target, from } = alignedTarget(start);
  const params: unknown[] = [from];
  const r = await pool.query<{ completed: number; failed: number }>(
    `SELECT COALESCE(sum(completed), 0)::bigint::float8 AS completed, COALESCE(sum(failed), 0)::bigint::float8 AS failed
       FROM queue_metrics WHERE ${layerPredicate(await readLayers(pool, target), params)} AND bucket >= $1`,
    params,
  );
  return { completed: r.rows[0]?.completed ?? 0, failed: r.rows[0]?.failed ?? 0 };
}

/** All-route API requests in [from, now) (unaligned starts: from the start of the hour): count, 5xx, duration sum (ms). */
export async function requestTotals(
  pool: pg.Pool,
  start: Date,
): Promise<{ requests: number; errors: number; durationSumMs: number }> {
  const { target, from } = alignedTarget(start);
  const params: unknown[] = [from];
  const r = await pool.query<{ requests: number; errors: number; duration: number }>(
    `SELECT COALESCE(sum(requests), 0)::float8 AS requests, COALESCE(sum(errors), 0)::float8 AS errors,
            COALESCE(sum(duration_sum_ms), 0)::float8 AS duration
       FROM request_metrics
      WHERE route = '*' AND ${layerPredicate(await readLayers(pool, target), params)} AND bucket >= $1`,
    params,
  );
  const row = r.rows[0];
  return { requests: row?.requests ?? 0, errors: row?.errors ?? 0, durationSumMs: row?.duration ?? 0 };
}

export interface RecentQueueStats {
  completed: number;
  failed: number;
  /** Minute rows present in the window (a queue's rows exist from its first sampled minute). */
  minutes: number;
  latencySumMs: number;
  latencyCount: number;
}

/** Per queue, minute rows in the last `minutes` minutes up to (and including) `upTo`. */
export async function recentQueueStats(
  pool: pg.Pool,
  minutes: number,
  upTo: Date,
): Promise<Map<string, RecentQueueStats>> {
  const from = new Date(floorBucket(upTo, "minute").getTime() - (minutes - 1) * BUCKET_MS.minute);
  const r = await pool.query<{ queue: string } & RecentQueueStats>(
    `SELECT queue, sum(completed)::int AS completed, sum(failed)::int AS failed, count(*)::int AS minutes,
            sum(latency_sum_ms)::float8 AS "latencySumMs", sum(latency_count)::int AS "latencyCount"
       FROM queue_metrics WHERE granularity = 'minute' AND bucket >= $1 AND bucket <= $2 GROUP BY queue`,
    [from, upTo],
  );
  return new Map(r.rows.map(({ queue, ...s }) => [queue, s]));
}

/** Finished jobs per queue since the series began: folded totals + minute rows still kept. */
export async function jobCounters(pool: pg.Pool): Promise<{ queue: string; completed: number; failed: number }[]> {
  const r = await pool.query<{ queue: string; completed: number; failed: number }>(
    `SELECT queue, sum(completed)::float8 AS completed, sum(failed)::float8 AS failed FROM (
       SELECT queue, completed, failed FROM queue_job_totals
       UNION ALL
       SELECT queue, completed, failed FROM queue_metrics WHERE granularity = 'minute') t
     GROUP BY queue ORDER BY queue`,
  );
  return r.rows;
}

/** Workers by state and their average uptime over the last 24 h, percent. */
export async function workerCounts(
  pool: pg.Pool,
): Promise<{ total: number; active: number; inactive: number; failed: number; averageUptime: number }> {
  const r = await pool.query<{
    total: number;
    active: number;
    inactive: number;
    failed: number;
    uptime: number | null;
  }>(
    `SELECT count(*)::int AS total,
            (count(*) FILTER (WHERE stopped_at IS NULL AND last_seen_at >= now() - $1 * interval '1 ms'))::int AS active,
            (count(*) FILTER (WHERE stopped_at IS NOT NULL))::int AS inactive,
            (count(*) FILTER (WHERE stopped_at IS NULL AND last_seen_at < now() - $1 * interval '1 ms'))::int AS failed,
            avg(extract(epoch FROM LEAST(COALESCE(stopped_at, last_seen_at), now())
                                   - GREATEST(started_at, now() - interval '24 hours')) / 864)
              FILTER (WHERE COALESCE(stopped_at, last_seen_at) >= now() - interval '24 hours')::float8 AS uptime
       FROM worker_heartbeats`,
    [HEARTBEAT_FRESH_MS],
  );
  const row = r.rows[0];
  return {
    total: row?.total ?? 0,
    active: row?.active ?? 0,
    inactive: row?.inactive ?? 0,
    failed: row?.failed ?? 0,
    averageUptime: Math.round(Math.max(0, Math.min(100, row?.uptime ?? 0)) * 100) / 100,
  };
}

/** Percent of the minutes of the last 24 h whose sample found both Redis and Postgres answering. */
export async function platformUptime(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ up: number }>(
    `SELECT (count(*) FILTER (WHERE redis_samples > 0 AND postgres_samples > 0))::int AS up
       FROM system_metrics WHERE granularity = 'minute' AND bucket >= now() - interval '24 hours'`,
  );
  return Math.round(((r.rows[0]?.up ?? 0) / 1_440) * 10_000) / 100;
}

/** Current cpu/memory of the workers online: one worker (whatever its state), those serving a queue, or all. */
export async function currentWorkerLoad(
  pool: pg.Pool,
  f: { workerId?: string | undefined; queue?: string | undefined },
): Promise<{ cpu: number | null; memory: number | null; queues: string[]; found: number }> {
  const r = await pool.query<{ cpu_percent: number; memory_percent: number; queues: string[] }>(
    `SELECT cpu_percent, memory_percent, queues FROM worker_heartbeats
      WHERE ($1::text IS NULL OR id = $1) AND ($2::text IS NULL OR $2 = ANY(queues))
        AND ($1::text IS NOT NULL OR (stopped_at IS NULL AND last_seen_at >= now() - $3 * interval '1 ms'))`,
    [f.workerId ?? null, f.queue ?? null, HEARTBEAT_FRESH_MS],
  );
  const n = r.rows.length;
  const avg = (k: "cpu_percent" | "memory_percent") =>
    n ? Math.round((r.rows.reduce((a, x) => a + x[k], 0) / n) * 100) / 100 : null;
  return {
    cpu: avg("cpu_percent"),
    memory: avg("memory_percent"),
    queues: [...new Set(r.rows.flatMap((x) => x.queues))],
    found: n,
  };
}
