// Job latency rollups (job_latency_metrics, histograms of latencyHistogram.ts):
//  - minutes from job_records: every finished job with a processed time, of
//    any queue that has records, by the minute it finished — with the
//    earlier minutes (up to LATE_RECORDS_MS back) of records written since
//    the run's range began, so a record that arrives late (written back after
//    an outage, repaired by reconciliation) still counts in its minute;
//  - the hours and days those minutes fall in, rebuilt at once from the
//    finer rows by elementwise sums: every granularity is current up to the
//    last minute rolled up (the hour and day still under way included), so a
//    read of hours or days never has to add minute rows to them;
//  - each hour, once final, added to the per-queue totals the Prometheus
//    histograms are read from (exactly once: `through` says how far a
//    queue's totals go).
// Job names are bounded per (queue, bucket): the `topNames` names with the
// most jobs keep their rows and the others are summed into '(other)'; a
// coarser bucket ranks the names again.
//
// A bucket's rows are rebuilt whole (deleted, then inserted from the source)
// so a name that drops out of the top is not left behind next to the
// '(other)' that now counts it. Rebuilds and the totals run one at a time
// under a transaction-scoped advisory lock, so overlapping rollup runs cannot
// interleave a delete and an insert or add an hour to the totals twice.
import type pg from "pg";

import { BUCKET_MS, bucketsBetween, floorBucket, type Granularity } from "./buckets";
import { LATENCY_BUCKET_LOWER_BOUNDS } from "./latencyHistogram";

/** How far before a run's range a record written since the range began still brings its minute back in, ms. */
const LATE_RECORDS_MS = 60 * BUCKET_MS.minute;
/** Advisory lock key (pg_advisory_xact_lock) of latency rebuilds and totals: "late" in ASCII. */
const LATENCY_LOCK = 0x6c617465;
/** The row that sums the names outside a bucket's top. */
export const OTHER_NAMES = "(other)";

async function underLatencyLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [LATENCY_LOCK]);
    const out = await work(client);
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** One histogram per group from its (i = bucket index, n = jobs) cells: one-element arrays at subscript i + 1, summed. */
const histOf = (cells: string) => `latency_hist_sum(array_fill(${cells}.n, ARRAY[1], ARRAY[${cells}.i + 1]))`;

const FINER: Record<"hour" | "day", Granularity> = { hour: "minute", day: "hour" };

/**
 * Minutes before `from` (up to LATE_RECORDS_MS) that hold a finished job whose record was written at
 * or after `from`: the previous run, which ended its range after `from`, could not have seen it.
 */
async function lateMinutes(client: pg.PoolClient, from: Date): Promise<Date[]> {
  const r = await client.query<{ m: Date }>(
    `SELECT DISTINCT date_trunc('minute', finished_at, 'UTC') AS m FROM job_records
      WHERE updated_at >= $1 AND finished_at >= $2 AND finished_at < $1
        AND status IN ('completed', 'failed') AND processed_at IS NOT NULL`,
    [from, new Date(from.getTime() - LATE_RECORDS_MS)],
  );
  return r.rows.map((x) => x.m);
}

/**
 * Rebuilds the minute rows of `minutes` (starts, sorted) from job_records. Times are whole ms (records
 * keep ms); a negative one (clocks of two hosts apart) counts as 0. Filtering on updated_at >= the
 * first minute lets the (updated_at) index bound the scan: a record is written after its job finished.
 */
async function rebuildMinutes(client: pg.PoolClient, minutes: Date[], topNames: number): Promise<void> {
  const first = minutes[0];
  const last = minutes[minutes.length - 1];
  if (!first || !last) return;
  await client.query(`DELETE FROM job_latency_metrics WHERE granularity = 'minute' AND bucket = ANY($1)`, [minutes]);
  await client.query(
    `WITH done AS (
       SELECT date_trunc('minute', finished_at, 'UTC') AS b, queue, name,
              GREATEST(0, (extract(epoch FROM processed_at - created_at) * 1000)::bigint) AS wait_ms,
              GREATEST(0, (extract(epoch FROM finished_at - processed_at) * 1000)::bigint) AS processing_ms
         FROM job_records
        WHERE updated_at >= $1 AND finished_at >= $1 AND finished_at < $2
          AND date_trunc('minute', finished_at, 'UTC') = ANY($6)
          AND status IN ('completed', 'failed') AND processed_at IS NOT NULL),
     ranked AS (
       SELECT b, queue, name, row_number() OVER (PARTITION BY b, queue ORDER BY count(*) DESC, name) AS rank
         FROM done GROUP BY b, queue, name),
     jobs AS (
       SELECT d.b, d.queue, CASE WHEN r.rank <= $4 THEN d.name ELSE $5 END AS name, d.wait_ms, d.processing_ms
         FROM done d JOIN ranked r USING (b, queue, name)),
     wait AS (
       SELECT b, queue, name, ${histOf("c")} AS hist
         FROM (SELECT b, queue, name, width_bucket(wait_ms, $3::bigint[]) AS i, count(*)::int AS n
                 FROM jobs GROUP BY 1, 2, 3, 4) c
        GROUP BY 1, 2, 3),
     processing AS (
       SELECT b, queue, name, ${histOf("c")} AS hist
         FROM (SELECT b, queue, name, width_bucket(processing_ms, $3::bigint[]) AS i, count(*)::int AS n
                 FROM jobs GROUP BY 1, 2, 3, 4) c
        GROUP BY 1, 2, 3),
     totals AS (
       SELECT b, queue, name, count(*)::int AS jobs, sum(wait_ms)::float8 AS wait_sum,
              sum(processing_ms)::float8 AS processing_sum
         FROM jobs GROUP BY 1, 2, 3)
     INSERT INTO job_latency_metrics (granularity, bucket, queue, name, jobs, wait_sum_ms, processing_sum_ms,
                                      wait_hist, processing_hist)
     SELECT 'minute', t.b, t.queue, t.name, t.jobs, t.wait_sum, t.processing_sum, w.hist, p.hist
       FROM totals t JOIN wait w USING (b, queue, name) JOIN processing p USING (b, queue, name)`,
    [first, new Date(last.getTime() + BUCKET_MS.minute), LATENCY_BUCKET_LOWER_BOUNDS, topNames, OTHER_NAMES, minutes],
  );
}

/** Rebuilds the `g` rows of `starts` (bucket starts, sorted) from the next finer granularity, names ranked again. */
async function rebuildCoarser(
  client: pg.PoolClient,
  g: "hour" | "day",
  starts: Date[],
  topNames: number,
): Promise<void> {
  const first = starts[0];
  const last = starts[starts.length - 1];
  if (!first || !last) return;
  await client.query(`DELETE FROM job_latency_metrics WHERE granularity = $1 AND bucket = ANY($2)`, [g, starts]);
  await client.query(
    `WITH src AS (
       SELECT date_trunc($1, bucket, 'UTC') AS b, queue, name, jobs, wait_sum_ms, processing_sum_ms,
              wait_hist, processing_hist
         FROM job_latency_metrics
        WHERE granularity = $2 AND bucket >= $3 AND bucket < $4 AND date_trunc($1, bucket, 'UTC') = ANY($7)),
     ranked AS (
       SELECT b, queue, name,
              row_number() OVER (PARTITION BY b, queue ORDER BY name = $6, sum(jobs) DESC, name) AS rank
         FROM src GROUP BY b, queue, name)
     INSERT INTO job_latency_metrics (granularity, bucket, queue, name, jobs, wait_sum_ms, processing_sum_ms,
                                      wait_hist, processing_hist)
     SELECT $1, s.b, s.queue, CASE WHEN r.name <> $6 AND r.rank <= $5 THEN r.name ELSE $6 END,
            sum(s.jobs), sum(s.wait_sum_ms), sum(s.processing_sum_ms),
            latency_hist_sum(s.wait_hist), latency_hist_sum(s.processing_hist)
       FROM src s JOIN ranked r USING (b, queue, name)
      GROUP BY 1, 2, 3, 4`,
    [g, FINER[g], first, new Date(last.getTime() + BUCKET_MS[g]), topNames, OTHER_NAMES, starts],
  );
}

/** The distinct `g` buckets holding `times`, sorted. */
function bucketsOf(times: Date[], g: Granularity): Date[] {
  return [...new Set(times.map((t) => floorBucket(t, g).getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * Rolls up the minutes in [from, to) (minute-aligned) from job_records, with the earlier minutes of
 * records written late, then rebuilds the hours and the days they fall in, so all three granularities
 * are current up to `to`.
 */
export async function rollupLatency(pool: pg.Pool, from: Date, to: Date, topNames: number): Promise<void> {
  await underLatencyLock(pool, async (client) => {
    const minutes = bucketsOf([...(await lateMinutes(client, from)), ...bucketsBetween(from, to, "minute")], "minute");
    await rebuildMinutes(client, minutes, topNames);
    await rebuildCoarser(client, "hour", bucketsOf(minutes, "hour"), topNames);
    await rebuildCoarser(client, "day", bucketsOf(minutes, "day"), topNames);
  });
}

/**
 * Rebuilds the `g` rows in [from, to) from the finer rows alone. Its finer rows must still be kept
 * (a range past their retention would be emptied).
 * @public used by bench/latency.js through the build, to compact generated minutes
 */
export async function compactLatency(
  pool: pg.Pool,
  g: "hour" | "day",
  from: Date,
  to: Date,
  topNames: number,
): Promise<void> {
  await underLatencyLock(pool, (client) => rebuildCoarser(client, g, bucketsBetween(from, to, g), topNames));
}

/**
 * Adds the hour rows in [from, to) to each queue's totals, only the part of them after the queue's
 * `through`, and moves `through` to `to`: repeating a range, or overlapping one already added, adds
 * nothing twice. The hours must be final (no minute of theirs will be rolled up again).
 */
export async function foldLatencyTotals(pool: pg.Pool, from: Date, to: Date): Promise<void> {
  await underLatencyLock(pool, (client) =>
    client.query(
      `INSERT INTO job_latency_totals AS t (queue, through, jobs, wait_sum_ms, processing_sum_ms, wait_hist,
                                            processing_hist)
       SELECT m.queue, $2, sum(m.jobs), sum(m.wait_sum_ms), sum(m.processing_sum_ms),
              latency_hist_sum(m.wait_hist)::numeric[], latency_hist_sum(m.processing_hist)::numeric[]
         FROM job_latency_metrics m LEFT JOIN job_latency_totals done ON done.queue = m.queue
        WHERE m.granularity = 'hour' AND m.bucket >= GREATEST($1, done.through) AND m.bucket < $2
        GROUP BY m.queue
       ON CONFLICT (queue) DO UPDATE SET
         through = EXCLUDED.through, jobs = t.jobs + EXCLUDED.jobs,
         wait_sum_ms = t.wait_sum_ms + EXCLUDED.wait_sum_ms,
         processing_sum_ms = t.processing_sum_ms + EXCLUDED.processing_sum_ms,
         wait_hist = latency_hist_add(t.wait_hist, EXCLUDED.wait_hist),
         processing_hist = latency_hist_add(t.processing_hist, EXCLUDED.processing_hist),
         updated_at = now()`,
      [from, to],
    ),
  );
}
