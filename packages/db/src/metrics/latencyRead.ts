// Reads over the job latency rollups: the buckets of a range (a series of
// summed histograms and the per-queue and per-name breakdown), the last
// minutes per queue (alert rules, current performance) and the cumulative
// per-queue histograms of the Prometheus scrape. Every granularity is current
// up to the last minute rolled up (latencyRollup.ts), so a range is read at
// its own granularity alone. Range rows are summed here rather than in SQL:
// a stored histogram is a few buckets at an offset, and adding them up in
// Postgres (a function call per row) cost more than handing them over.
import type pg from "pg";

import { BUCKET_MS, floorBucket, type Granularity } from "./buckets";
import { addHistograms } from "./latencyHistogram";
import { OTHER_NAMES } from "./latencyRollup";

export interface LatencyHistograms {
  /** Jobs timed (finished with a processed time). */
  jobs: number;
  /** Jobs per bucket of wait time (created → processed) and of processing time (processed → finished). */
  wait: number[];
  processing: number[];
}

interface LatencyPoint extends LatencyHistograms {
  bucket: Date;
}

interface QueueLatency extends LatencyHistograms {
  queue: string;
  /** Most jobs first; the rest summed into '(other)'. */
  names: (LatencyHistograms & { name: string })[];
}

const empty = (): LatencyHistograms => ({ jobs: 0, wait: [], processing: [] });

/** Adds `counts`, which start at bucket `first`, into `into`. */
function addAt(into: number[], first: number, counts: number[]): void {
  while (into.length < first + counts.length) into.push(0);
  for (let k = 0; k < counts.length; k++) into[first + k] = (into[first + k] as number) + (counts[k] as number);
}

/** Jobs and histograms of several groups added up. */
export const sumLatency = (xs: LatencyHistograms[]): LatencyHistograms =>
  xs.reduce<LatencyHistograms>(
    (a, x) => ({
      jobs: a.jobs + x.jobs,
      wait: addHistograms(a.wait, x.wait),
      processing: addHistograms(a.processing, x.processing),
    }),
    empty(),
  );

interface StoredRow {
  jobs: number;
  /** A stored histogram as Postgres writes an array: "[first:last]={n,…}", the subscripts left out from 1. */
  wait: string;
  processing: string;
}

interface Stored {
  /** Bucket of the first count. */
  first: number;
  counts: number[];
}

/**
 * A stored histogram from its array text, parsed here rather than by node-postgres: its generic array
 * parser was two thirds of a 7-day read (8,400 rows), and the text keeps the subscripts (the buckets).
 */
function parseStored(text: string): Stored {
  const open = text.indexOf("{");
  if (open + 2 >= text.length) return { first: 0, counts: [] }; // "{}"
  const subscript = text.charCodeAt(0) === 91 /* "[" */ ? Number(text.slice(1, text.indexOf(":"))) : 1;
  const parts = text.slice(open + 1, -1).split(",");
  const counts = new Array<number>(parts.length);
  for (let k = 0; k < parts.length; k++) counts[k] = Number(parts[k]);
  return { first: subscript - 1, counts };
}

/** The columns of a stored row as StoredRow reads them. */
const STORED = `jobs, wait_hist::text AS wait, processing_hist::text AS processing`;

function addStored(into: LatencyHistograms, jobs: number, wait: Stored, processing: Stored): void {
  into.jobs += jobs;
  addAt(into.wait, wait.first, wait.counts);
  addAt(into.processing, processing.first, processing.counts);
}

export interface LatencyRange {
  /** Summed histograms per bucket that has timed jobs, oldest first. */
  series: LatencyPoint[];
  /** Per queue, most timed jobs first. */
  queues: QueueLatency[];
}

/**
 * The `g` buckets in [from, to), `queues` narrowing: per bucket, and per queue and job name over the
 * range. A name counts under its own name only in the buckets where it was among the rollups' top
 * names (elsewhere it is part of '(other)'). Over the range a queue lists as many names as its
 * fullest bucket has (the bound the rollups applied), those with the most jobs; the others are summed
 * into '(other)'.
 */
export async function latencyRange(
  pool: pg.Pool,
  g: Granularity,
  from: Date,
  to: Date,
  queues?: string[],
): Promise<LatencyRange> {
  const r = await pool.query<StoredRow & { bucket: Date; queue: string; name: string }>(
    `SELECT bucket, queue, name, ${STORED}
       FROM job_latency_metrics
      WHERE granularity = $1 AND bucket >= $2 AND bucket < $3 AND ($4::text[] IS NULL OR queue = ANY($4))`,
    [g, from, to, queues ?? null],
  );
  const byBucket = new Map<number, LatencyHistograms>();
  const byQueue = new Map<string, { names: Map<string, LatencyHistograms>; perBucket: Map<number, number> }>();
  for (const row of r.rows) {
    const t = row.bucket.getTime();
    const wait = parseStored(row.wait);
    const processing = parseStored(row.processing);
    const point = byBucket.get(t) ?? empty();
    byBucket.set(t, point);
    addStored(point, row.jobs, wait, processing);
    const q = byQueue.get(row.queue) ?? { names: new Map(), perBucket: new Map() };
    byQueue.set(row.queue, q);
    const name = q.names.get(row.name) ?? empty();
    q.names.set(row.name, name);
    addStored(name, row.jobs, wait, processing);
    if (row.name !== OTHER_NAMES) q.perBucket.set(t, (q.perBucket.get(t) ?? 0) + 1);
  }
  const series = [...byBucket].sort(([a], [b]) => a - b).map(([t, h]) => ({ bucket: new Date(t), ...h }));
  const perQueue = [...byQueue].map(([queue, q]) => {
    const top = Math.max(0, ...q.perBucket.values());
    const named = [...q.names].map(([name, h]) => ({ name, ...h }));
    const ranked = named
      .filter((n) => n.name !== OTHER_NAMES)
      .sort((a, b) => b.jobs - a.jobs || a.name.localeCompare(b.name));
    const rest = [...ranked.slice(top), ...named.filter((n) => n.name === OTHER_NAMES)];
    const kept = ranked.slice(0, top);
    return {
      queue,
      ...sumLatency(named),
      names: rest.length ? [...kept, { name: OTHER_NAMES, ...sumLatency(rest) }] : kept,
    };
  });
  perQueue.sort((a, b) => b.jobs - a.jobs || a.queue.localeCompare(b.queue));
  return { series, queues: perQueue };
}

/** Per queue, the minute rows of the last `minutes` minutes up to (and including) `upTo`, summed. */
export async function recentLatency(
  pool: pg.Pool,
  minutes: number,
  upTo: Date,
): Promise<Map<string, LatencyHistograms>> {
  const from = new Date(floorBucket(upTo, "minute").getTime() - (minutes - 1) * BUCKET_MS.minute);
  const r = await pool.query<StoredRow & { queue: string }>(
    `SELECT queue, ${STORED} FROM job_latency_metrics WHERE granularity = 'minute' AND bucket >= $1 AND bucket <= $2`,
    [from, upTo],
  );
  const out = new Map<string, LatencyHistograms>();
  for (const row of r.rows) {
    const h = out.get(row.queue) ?? empty();
    out.set(row.queue, h);
    addStored(h, row.jobs, parseStored(row.wait), parseStored(row.processing));
  }
  return out;
}

export interface LatencyTotals extends LatencyHistograms {
  queue: string;
  waitSumMs: number;
  processingSumMs: number;
}

/**
 * Per queue, every job timed since the series began: the totals of the final hours plus the minute
 * rows after them, the same on every replica. It grows as minutes gain jobs, and an hour moves into
 * the totals in the same statement that moves `through` past its minutes, so it can back cumulative
 * Prometheus histograms. (A finished job retried while its minute is still rebuilt leaves the
 * minute: the one way it shrinks.) Summed in SQL: per queue, the totals row and at most an hour or
 * two of minutes.
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
