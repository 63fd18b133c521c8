// Reads over the job latency rollups: a series of summed histograms per
// bucket, the per-queue and per-name breakdown of a range, the last minutes
// per queue (alert rules, current performance) and the cumulative per-queue
// histograms of the Prometheus scrape. Histograms are summed in SQL
// (latency_hist_sum) and handed over dense (latency_hist_dense: array text
// drops a trimmed array's subscripts); percentiles are taken from the sums
// (latencyHistogram.ts).
import type pg from "pg";

import { BUCKET_MS, floorBucket, type Granularity } from "./buckets";
import { addHistograms } from "./latencyHistogram";
import { OTHER_NAMES } from "./latencyRollup";
import { layerPredicate, readLayers } from "./layers";

export interface LatencyHistograms {
  /** Jobs timed (finished with a processed time). */
  jobs: number;
  /** Jobs per bucket of wait time (created → processed) and of processing time (processed → finished). */
  wait: number[];
  processing: number[];
}

export interface LatencyPoint extends LatencyHistograms {
  bucket: Date;
}

interface HistRow {
  jobs: number;
  wait: number[] | null;
  processing: number[] | null;
}

const histograms = (r: HistRow): LatencyHistograms => ({
  jobs: r.jobs,
  wait: r.wait ?? [],
  processing: r.processing ?? [],
});

/** Summed histograms per `g` bucket in [from, to) that has timed jobs, across granularities; `queues` narrows. */
export async function latencySeries(
  pool: pg.Pool,
  g: Granularity,
  from: Date,
  to: Date,
  queues?: string[],
): Promise<LatencyPoint[]> {
  const params: unknown[] = [g, from, to, queues ?? null];
  const r = await pool.query<HistRow & { b: Date }>(
    `SELECT date_trunc($1, bucket, 'UTC') AS b, sum(jobs)::int AS jobs,
            latency_hist_dense(latency_hist_sum(wait_hist)) AS wait,
            latency_hist_dense(latency_hist_sum(processing_hist)) AS processing
       FROM job_latency_metrics
      WHERE ${layerPredicate(await readLayers(pool, g), params)} AND bucket >= $2 AND bucket < $3
        AND ($4::text[] IS NULL OR queue = ANY($4))
      GROUP BY 1 ORDER BY 1`,
    params,
  );
  return r.rows.map((row) => ({ bucket: row.b, ...histograms(row) }));
}

export interface QueueLatency extends LatencyHistograms {
  queue: string;
  /** Most jobs first; the rest summed into '(other)'. */
  names: (LatencyHistograms & { name: string })[];
}

/** Jobs and histograms of several groups added up. */
export const sumLatency = (xs: LatencyHistograms[]): LatencyHistograms =>
  xs.reduce<LatencyHistograms>(
    (a, x) => ({
      jobs: a.jobs + x.jobs,
      wait: addHistograms(a.wait, x.wait),
      processing: addHistograms(a.processing, x.processing),
    }),
    { jobs: 0, wait: [], processing: [] },
  );

/**
 * Per queue and per job name over [from, to), read at `g` or finer. A name counts under its own name
 * only in the buckets where it was among the rollups' top names (elsewhere it is part of '(other)').
 * Over the range a queue lists as many names as its fullest bucket has (the bound the rollups
 * applied), those with the most jobs; the others are summed into '(other)'.
 */
export async function latencyBreakdown(
  pool: pg.Pool,
  g: Granularity,
  from: Date,
  to: Date,
  queues?: string[],
): Promise<QueueLatency[]> {
  const params: unknown[] = [from, to, queues ?? null, OTHER_NAMES];
  const r = await pool.query<HistRow & { queue: string; name: string; top: number }>(
    `WITH src AS (
       SELECT granularity, bucket, queue, name, jobs, wait_hist, processing_hist
         FROM job_latency_metrics
        WHERE ${layerPredicate(await readLayers(pool, g), params)} AND bucket >= $1 AND bucket < $2
          AND ($3::text[] IS NULL OR queue = ANY($3))),
     bound AS (
       SELECT queue, max(n)::int AS top
         FROM (SELECT queue, count(*) FILTER (WHERE name <> $4) AS n FROM src GROUP BY granularity, bucket, queue) c
        GROUP BY queue)
     SELECT queue, name, top, sum(jobs)::int AS jobs,
            latency_hist_dense(latency_hist_sum(wait_hist)) AS wait,
            latency_hist_dense(latency_hist_sum(processing_hist)) AS processing
       FROM src JOIN bound USING (queue)
      GROUP BY queue, name, top`,
    params,
  );
  const byQueue = new Map<string, { top: number; names: (LatencyHistograms & { name: string })[] }>();
  for (const row of r.rows) {
    const q = byQueue.get(row.queue) ?? { top: row.top, names: [] };
    q.names.push({ name: row.name, ...histograms(row) });
    byQueue.set(row.queue, q);
  }
  return [...byQueue]
    .map(([queue, { top, names }]) => {
      const ranked = names
        .filter((n) => n.name !== OTHER_NAMES)
        .sort((a, b) => b.jobs - a.jobs || a.name.localeCompare(b.name));
      const rest = [...ranked.slice(top), ...names.filter((n) => n.name === OTHER_NAMES)];
      const kept = ranked.slice(0, top);
      return {
        queue,
        ...sumLatency(names),
        names: rest.length ? [...kept, { name: OTHER_NAMES, ...sumLatency(rest) }] : kept,
      };
    })
    .sort((a, b) => b.jobs - a.jobs || a.queue.localeCompare(b.queue));
}

/** Per queue, the minute rows of the last `minutes` minutes up to (and including) `upTo`, summed. */
export async function recentLatency(
  pool: pg.Pool,
  minutes: number,
  upTo: Date,
): Promise<Map<string, LatencyHistograms>> {
  const from = new Date(floorBucket(upTo, "minute").getTime() - (minutes - 1) * BUCKET_MS.minute);
  const r = await pool.query<HistRow & { queue: string }>(
    `SELECT queue, sum(jobs)::int AS jobs,
            latency_hist_dense(latency_hist_sum(wait_hist)) AS wait,
            latency_hist_dense(latency_hist_sum(processing_hist)) AS processing
       FROM job_latency_metrics WHERE granularity = 'minute' AND bucket >= $1 AND bucket <= $2
      GROUP BY queue`,
    [from, upTo],
  );
  return new Map(r.rows.map((row) => [row.queue, histograms(row)]));
}

export interface LatencyTotals extends LatencyHistograms {
  queue: string;
  waitSumMs: number;
  processingSumMs: number;
}

/**
 * Per queue, every job timed since the series began: the totals of the compacted hours plus the
 * minute rows after them. It only grows (minutes only gain jobs, and an hour moves into the totals
 * in the same transaction that leaves its minutes out of this read), so it can back cumulative
 * Prometheus histograms; every replica reads the same figures.
 */
export async function latencyTotals(pool: pg.Pool): Promise<LatencyTotals[]> {
  const r = await pool.query<{
    queue: string;
    jobs: string;
    wait_sum: number;
    processing_sum: number;
    wait: string[];
    processing: string[];
  }>(
    `SELECT queue, sum(jobs)::text AS jobs, sum(wait_sum_ms)::float8 AS wait_sum,
            sum(processing_sum_ms)::float8 AS processing_sum,
            latency_hist_dense(latency_hist_sum(wait_hist)) AS wait,
            latency_hist_dense(latency_hist_sum(processing_hist)) AS processing
       FROM (SELECT queue, jobs, wait_sum_ms, processing_sum_ms, wait_hist, processing_hist FROM job_latency_totals
             UNION ALL
             SELECT m.queue, m.jobs, m.wait_sum_ms, m.processing_sum_ms, m.wait_hist::numeric[], m.processing_hist::numeric[]
               FROM job_latency_metrics m LEFT JOIN job_latency_totals t ON t.queue = m.queue
              WHERE m.granularity = 'minute' AND (t.through IS NULL OR m.bucket >= t.through)) x
      GROUP BY queue ORDER BY queue`,
  );
  return r.rows.map((row) => ({
    queue: row.queue,
    jobs: Number(row.jobs),
    waitSumMs: row.wait_sum,
    processingSumMs: row.processing_sum,
    wait: row.wait.map(Number),
    processing: row.processing.map(Number),
  }));
}
