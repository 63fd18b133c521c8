// Rollup watermarks and retention. A watermark is the last bucket of a
// granularity that has been rolled up; it only moves forward (GREATEST), so
// two overlapping runs cannot move it back. Retention deletes buckets past
// their granularity's age; queue minute rows leave their finished-job counts
// in queue_job_totals in the same statement (exactly once: a row is deleted
// once), so the Prometheus job counters never go backwards. Latency minute
// rows need no such step: their hour added them to job_latency_totals when it
// was compacted, long before they are this old.
import type pg from "pg";

import type { Granularity } from "./buckets";

export async function getWatermarks(pool: pg.Pool): Promise<Partial<Record<Granularity, Date>>> {
  const r = await pool.query<{ granularity: Granularity; last_bucket: Date }>(
    `SELECT granularity, last_bucket FROM metric_rollup_state`,
  );
  return Object.fromEntries(r.rows.map((x) => [x.granularity, x.last_bucket]));
}

export async function setWatermark(pool: pg.Pool, g: Granularity, bucket: Date): Promise<void> {
  await pool.query(
    `INSERT INTO metric_rollup_state (granularity, last_bucket) VALUES ($1, $2)
     ON CONFLICT (granularity) DO UPDATE SET
       last_bucket = GREATEST(metric_rollup_state.last_bucket, EXCLUDED.last_bucket), updated_at = now()`,
    [g, bucket],
  );
}

export interface RetentionResult {
  minute: number;
  hour: number;
  day: number;
}

/** Deletes buckets older than `now - retentionMs[g]`; returns rows deleted per granularity. */
export async function applyRetention(
  pool: pg.Pool,
  now: Date,
  retentionMs: Record<Granularity, number>,
): Promise<RetentionResult> {
  const cutoff = (g: Granularity) => new Date(now.getTime() - retentionMs[g]);
  const out: RetentionResult = { minute: 0, hour: 0, day: 0 };
  // Queue minutes: fold their counts into the totals as they go.
  const q = await pool.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM queue_metrics WHERE granularity = 'minute' AND bucket < $1 RETURNING queue, completed, failed),
     folded AS (
       INSERT INTO queue_job_totals (queue, completed, failed)
       SELECT queue, sum(completed), sum(failed) FROM gone GROUP BY queue
       ON CONFLICT (queue) DO UPDATE SET completed = queue_job_totals.completed + EXCLUDED.completed,
                                         failed = queue_job_totals.failed + EXCLUDED.failed, updated_at = now())
     SELECT count(*)::int AS n FROM gone`,
    [cutoff("minute")],
  );
  out.minute += q.rows[0]?.n ?? 0;
  for (const g of ["minute", "hour", "day"] as const) {
    for (const table of [
      "job_latency_metrics",
      "request_metrics",
      "worker_metrics",
      "system_metrics",
      ...(g === "minute" ? [] : ["queue_metrics"]),
    ]) {
      const r = await pool.query(`DELETE FROM ${table} WHERE granularity = $1 AND bucket < $2`, [g, cutoff(g)]);
      out[g] += r.rowCount ?? 0;
    }
  }
  return out;
}
