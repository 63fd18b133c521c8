// Queue minute rows. Finished-job counts come from two sources that can each
// only under-count: BullMQ's completed/failed sorted sets (ZCOUNT by finishedOn;
// every queue, but trimmed by removeOnComplete/removeOnFail) and the job
// records in Postgres (catalog queues run by Opsdeck workers; never trimmed
// within retention). A minute takes the larger of the two, and an upsert
// keeps the larger of what is stored and what is recomputed (GREATEST, never
// +=): a finished job never un-finishes, so a repeat or an overlap counts
// nothing twice and a later, trimmed view never lowers a count. Gauges
// (waiting, active) are sampled once, at the end of the minute; the first
// sample stored wins. Latency (processing and wait time, ms) comes from job
// records; the run that saw more jobs wins.
import type pg from "pg";

export interface QueueMinuteRow {
  bucket: Date;
  queue: string;
  completed: number;
  failed: number;
  /** null when not sampled (a backfilled minute). */
  waiting: number | null;
  active: number | null;
  latencySumMs: number;
  latencyCount: number;
  waitSumMs: number;
}

export async function upsertQueueMinutes(pool: pg.Pool, rows: QueueMinuteRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await pool.query(
    `INSERT INTO queue_metrics (granularity, bucket, queue, completed, failed, waiting, active,
                                latency_sum_ms, latency_count, wait_sum_ms)
     SELECT 'minute', * FROM unnest($1::timestamptz[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[],
                                   $7::float8[], $8::int[], $9::float8[])
     ON CONFLICT (granularity, queue, bucket) DO UPDATE SET
       completed = GREATEST(queue_metrics.completed, EXCLUDED.completed),
       failed = GREATEST(queue_metrics.failed, EXCLUDED.failed),
       waiting = COALESCE(queue_metrics.waiting, EXCLUDED.waiting),
       active = COALESCE(queue_metrics.active, EXCLUDED.active),
       latency_sum_ms = CASE WHEN EXCLUDED.latency_count >= queue_metrics.latency_count
                             THEN EXCLUDED.latency_sum_ms ELSE queue_metrics.latency_sum_ms END,
       wait_sum_ms = CASE WHEN EXCLUDED.latency_count >= queue_metrics.latency_count
                          THEN EXCLUDED.wait_sum_ms ELSE queue_metrics.wait_sum_ms END,
       latency_count = GREATEST(queue_metrics.latency_count, EXCLUDED.latency_count)`,
    [
      rows.map((x) => x.bucket),
      rows.map((x) => x.queue),
      rows.map((x) => x.completed),
      rows.map((x) => x.failed),
      rows.map((x) => x.waiting),
      rows.map((x) => x.active),
      rows.map((x) => x.latencySumMs),
      rows.map((x) => x.latencyCount),
      rows.map((x) => x.waitSumMs),
    ],
  );
  return r.rowCount ?? 0;
}

export interface JobRecordMinute {
  completed: number;
  failed: number;
  latencySumMs: number;
  latencyCount: number;
  waitSumMs: number;
}

/**
 * Finished jobs per (minute, queue) in [from, to) from job_records, keyed
 * `${bucketMs}|${queue}`. Filtering on updated_at >= from first lets the
 * (updated_at) index bound the scan: a record is written after its job finished.
 */
export async function jobRecordMinutes(pool: pg.Pool, from: Date, to: Date): Promise<Map<string, JobRecordMinute>> {
  const r = await pool.query<{
    b: Date;
    queue: string;
    completed: number;
    failed: number;
    latency_sum: number | null;
    latency_count: number;
    wait_sum: number | null;
  }>(
    `SELECT date_trunc('minute', finished_at, 'UTC') AS b, queue,
            (count(*) FILTER (WHERE status = 'completed'))::int AS completed,
            (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
            sum(extract(epoch FROM finished_at - processed_at) * 1000)::float8 AS latency_sum,
            (count(processed_at))::int AS latency_count,
            sum(extract(epoch FROM processed_at - created_at) * 1000)::float8 AS wait_sum
       FROM job_records
      WHERE updated_at >= $1 AND finished_at >= $1 AND finished_at < $2 AND status IN ('completed', 'failed')
      GROUP BY 1, 2`,
    [from, to],
  );
  return new Map(
    r.rows.map((x) => [
      `${x.b.getTime()}|${x.queue}`,
      {
        completed: x.completed,
        failed: x.failed,
        latencySumMs: x.latency_sum ?? 0,
        latencyCount: x.latency_count,
        waitSumMs: x.wait_sum ?? 0,
      },
    ]),
  );
}
