// The log lines a worker wrote while running one job: its per-job logger
// stores the queue and job id in columns of their own, read here through the
// index (queue, job_id, timestamp).
import type pg from "pg";

export interface JobLogLine {
  id: string;
  timestamp: Date;
  level: string;
  service: string;
  message: string;
  metadata: Record<string, unknown>;
}

/**
 * A job's log lines, oldest first, at most `limit`. `from` (the job's creation) bounds the partitions
 * read: no line about a job is older than the job.
 */
export async function jobLogLines(
  pool: pg.Pool,
  q: { queue: string; jobId: string; from: Date | null; limit: number },
): Promise<JobLogLine[]> {
  const r = await pool.query<JobLogLine>(
    `SELECT id::text, timestamp, level, service, message, metadata FROM app_logs
      WHERE queue = $1 AND job_id = $2 AND ($3::timestamptz IS NULL OR timestamp >= $3::timestamptz)
      ORDER BY timestamp, id LIMIT $4`,
    [q.queue, q.jobId, q.from, q.limit],
  );
  return r.rows;
}
