// Reads of job records: by key, and the stale unfinished ones reconciliation
// compares with Redis.
import type pg from "pg";

import { RECORD_COLUMNS } from "./columns";
import { FINAL_JOB_STATUSES } from "./fence";

const FINAL_STATUSES_SQL = `ARRAY[${FINAL_JOB_STATUSES.map((x) => `'${x}'`).join(", ")}]::text[]`;

export interface JobRecordRow {
  queue: string;
  job_id: string;
  name: string;
  status: string;
  attempt: number;
  phase: number;
  attempts_made: number;
  progress: unknown;
  failed_reason: string | null;
  payload: unknown;
  created_at: Date;
  processed_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
  /** The job (same queue) this one replays. */
  replay_of: string | null;
  /** This job's replays, newest last (null: none). */
  replays: string[] | null;
  /** The job options a replay re-uses (attempts, backoff); null when not recorded. */
  options: unknown;

  /** Written by gap repair of a followed event stream: job_events may miss attempts. */
  history_incomplete: boolean;
}

/** Records of the given jobs (reconciliation compares them with Redis). */
export async function getJobRecords(pool: pg.Pool, queue: string, jobIds: string[]): Promise<JobRecordRow[]> {
  if (jobIds.length === 0) return [];
  const r = await pool.query<JobRecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM job_records WHERE queue = $1 AND job_id = ANY($2::text[])`,
    [queue, jobIds],
  );
  return r.rows;
}

/** What the stream follower counts a job's attempts from (JobRecordRow columns). */
export type JobRecordState = Pick<
  JobRecordRow,
  "job_id" | "name" | "status" | "attempt" | "phase" | "attempts_made" | "created_at" | "processed_at" | "finished_at"
>;

/**
 * The state columns of the given jobs' records, without payload, progress and options: the stream
 * follower reads this for most jobs of every batch (and gap repair for every job it walks), and parsing their JSON would be wasted.
 */
export async function getJobRecordStates(pool: pg.Pool, queue: string, jobIds: string[]): Promise<JobRecordState[]> {
  if (jobIds.length === 0) return [];
  const r = await pool.query<JobRecordState>(
    `SELECT job_id, name, status, attempt, phase, attempts_made, created_at, processed_at, finished_at
       FROM job_records WHERE queue = $1 AND job_id = ANY($2::text[])`,
    [queue, jobIds],
  );
  return r.rows;
}

export interface StaleRecordCursor {
  updatedAt: Date;
  queue: string;
  jobId: string;
}

/**
 * Records of `queues` not in a final status and not written for `olderThanMs`,
 * in (updated_at, queue, job_id) order after `after` — keyset paging, so a
 * reconciliation run walks forward instead of re-reading the same long-running
 * jobs. The final statuses go in as a literal array, so the planner can prove that the
 * partial (status, updated_at) index (completed records left out) covers the query and
 * use it when unfinished records are few among many (it costs that against the
 * (updated_at) index).
 */
export async function listStaleJobRecords(
  pool: pg.Pool,
  queues: string[],
  olderThanMs: number,
  limit: number,
  after: StaleRecordCursor | null,
): Promise<{ rows: JobRecordRow[]; next: StaleRecordCursor | null }> {
  const r = await pool.query<JobRecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM job_records
      WHERE queue = ANY($1::text[]) AND status <> ALL(${FINAL_STATUSES_SQL})
        AND updated_at < now() - make_interval(secs => $2::double precision / 1000)
        AND ($3::timestamptz IS NULL OR (updated_at, queue, job_id) > ($3::timestamptz, $4::text, $5::text))
      ORDER BY updated_at, queue, job_id LIMIT $6`,
    [queues, olderThanMs, after?.updatedAt ?? null, after?.queue ?? "", after?.jobId ?? "", limit],
  );
  const last = r.rows[r.rows.length - 1];
  return {
    rows: r.rows,
    next:
      last && r.rows.length === limit ? { updatedAt: last.updated_at, queue: last.queue, jobId: last.job_id } : null,
  };
}
