// A job's history for GET /jobs/{job_id}: its stored events plus those its
// record implies.
import type pg from "pg";

import { RECORD_COLUMNS } from "./columns";
import type { JobRecordRow } from "./read";

export interface JobEventRow {
  attempt: number;
  event: string;
  detail: string | null;
  at: Date;
}

/**
 * A job's history: the stored events plus those its record implies, oldest first. The worker stores
 * only what the record cannot tell: an ended attempt that failed or is retried (its `active`
 * at the attempt's start, and `retry` or `failed`), stalls, replays. The latest attempt's `active`
 * (record.processed_at) and a `completed` or `failed` end (record.finished_at) come from the record,
 * so the common path — a job that runs once and completes — writes no event rows at all. A record
 * repaired by reconciliation (the worker's own write lost) gets its history the same way.
 */
function historyOf(record: JobRecordRow | null, stored: JobEventRow[]): JobEventRow[] {
  if (!record || record.attempt < 1) return stored;
  const has = (attempt: number, event: string) => stored.some((e) => e.attempt === attempt && e.event === event);
  const derived: JobEventRow[] = [];
  const { attempt } = record;
  if (record.processed_at && !has(attempt, "active"))
    derived.push({ attempt, event: "active", detail: null, at: record.processed_at });
  const end = record.status === "completed" || record.status === "failed" ? record.status : null;
  if (end && record.finished_at && !has(attempt, end))
    derived.push({
      attempt,
      event: end,
      detail: end === "failed" ? record.failed_reason : null,
      at: record.finished_at,
    });
  if (derived.length === 0) return stored;
  // Attempts in order, then time within one: a retry event is stamped by the worker's clock when it
  // sees the failure, which can be after the next attempt started (stamped by Redis). Stable: equal
  // instants keep stored events first (they were written when they happened).
  return [...stored, ...derived].sort((a, b) => a.attempt - b.attempt || a.at.getTime() - b.at.getTime());
}

/** A job's record and its history (historyOf), oldest first (for GET /jobs/{job_id}). */
export async function getJobHistory(
  pool: pg.Pool,
  queue: string,
  jobId: string,
): Promise<{ record: JobRecordRow | null; events: JobEventRow[] }> {
  const [rec, ev] = await Promise.all([
    pool.query<JobRecordRow>(`SELECT ${RECORD_COLUMNS} FROM job_records WHERE queue = $1 AND job_id = $2`, [
      queue,
      jobId,
    ]),
    pool.query<JobEventRow>(
      `SELECT attempt, event, detail, at FROM job_events WHERE queue = $1 AND job_id = $2
        ORDER BY attempt, at, id LIMIT 1000`,
      [queue, jobId],
    ),
  ]);
  const record = rec.rows[0] ?? null;
  return { record, events: historyOf(record, ev.rows) };
}
