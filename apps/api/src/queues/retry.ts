// One job's manual retry, whichever way it comes: POST …/jobs/{job_id}/retry
// and Bull Board's retry button (board/retry.ts). A manual retry puts the job
// back in wait with a fresh set of attempts — attemptsMade and attemptsStarted
// back to 0, in Redis and in its Postgres record — so a job retried after its
// cause was fixed gets as many tries as a new one; `resetAttempts: false`
// keeps the attempts it has used. The queue-wide retries (bulk.ts
// retryFinished) do the same to each job they move.
import { markJobRecords } from "@opsdeck/db";
import type { Job } from "bullmq";
import type pg from "pg";

export type FinishedState = "failed" | "completed";

export interface RetryOptions {
  resetAttempts: boolean;
}

/** Retries a job in `state`; false when it left that state (another retry, a clean) before it could be moved. */
export async function retryJob(pool: pg.Pool, job: Job, state: FinishedState, opts: RetryOptions): Promise<boolean> {
  try {
    await job.retry(state, { resetAttemptsMade: opts.resetAttempts, resetAttemptsStarted: opts.resetAttempts });
  } catch (err) {
    if ((await job.getState()) !== state) return false;
    throw err;
  }
  await markJobRecords(pool, job.queueName, [job.id as string], "waiting", { resetAttempts: opts.resetAttempts });
  return true;
}
