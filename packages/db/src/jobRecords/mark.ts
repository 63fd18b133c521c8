// Authoritative status changes of job records, outside the fence: actions
// Opsdeck itself performed in Redis, and jobs reconciliation found gone.
import type pg from "pg";

import { FINAL_JOB_STATUSES, JOB_PHASE } from "./fence";

export interface MarkJobRecordsOptions {
  /**
   * For a retry that resets attempts (`attempts_reset: true`): fence back to
   * (attempt 0, phase 0) and clear attempts, failure and finish time, so the
   * next run's writes land whatever attemptsStarted Redis restarts from.
   * @defaultValue false
   */
  resetAttempts?: boolean;
}

/**
 * Authoritative, unfenced status change for actions Opsdeck itself performed in
 * Redis (retry, remove, promote). 'removed' moves the fence to phase 3 so a
 * stale in-flight write of the same attempt cannot bring the job back.
 * Only existing records change; returns how many did.
 */
export async function markJobRecords(
  pool: pg.Pool,
  queue: string,
  jobIds: string[],
  status: string,
  opts: MarkJobRecordsOptions = {},
): Promise<number> {
  if (jobIds.length === 0) return 0;
  const sets = ["status = $3", "updated_at = now()"];
  if (status === "removed") sets.push(`phase = ${JOB_PHASE.removed}`);
  if (opts.resetAttempts) {
    sets.push(
      "attempt = 0",
      `phase = ${JOB_PHASE.queued}`,
      "attempts_made = 0",
      "failed_reason = NULL",
      "processed_at = NULL",
      "finished_at = NULL",
      "progress = NULL",
    );
  }
  const r = await pool.query(
    `UPDATE job_records SET ${sets.join(", ")} WHERE queue = $1 AND job_id = ANY($2::text[])`,
    [queue, jobIds, status],
  );
  return r.rowCount ?? 0;
}

/**
 * Marks records 'removed' for jobs reconciliation found gone from Redis — only
 * when the record is still the version it read (same updated_at), so a write
 * that landed meanwhile wins. Phase 2 (not 3): a delayed "completed" write of
 * the same attempt may still overwrite it. Returns rows changed.
 */
export async function markVanishedJobRecords(
  pool: pg.Pool,
  queue: string,
  seen: { jobId: string; updatedAt: Date }[],
): Promise<number> {
  if (seen.length === 0) return 0;
  const r = await pool.query(
    `UPDATE job_records AS r SET status = 'removed', phase = GREATEST(r.phase, ${JOB_PHASE.finished}),
            updated_at = now()
       FROM unnest($2::text[], $3::timestamptz[]) AS s(job_id, updated_at)
      WHERE r.queue = $1 AND r.job_id = s.job_id AND r.updated_at = s.updated_at
        AND r.status <> ALL($4::text[])`,
    [queue, seen.map((s) => s.jobId), seen.map((s) => s.updatedAt), FINAL_JOB_STATUSES],
  );
  return r.rowCount ?? 0;
}
