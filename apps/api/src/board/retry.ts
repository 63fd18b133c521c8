// Bull Board's two retry calls, answered here before Bull Board sees them, so
// a retry from the board is the same retry as through the API: the job goes
// back to wait with a fresh set of attempts and its job record says so
// (queues/retry.ts, and bulk.ts retryFinished for a whole state). Left to
// itself Bull Board calls Job#retry without a reset — a job that used all its
// attempts would get a single try — and leaves the record alone. Paths,
// statuses and bodies are Bull Board's own (@bull-board/api retryJob and
// retryAll), errors in its { error: { key } } shape so its UI shows them:
//   PUT /api/queues/:queueName/retry/:queueStatus  every failed (or completed) job → 200 {retried, skipped}
//   PUT /api/queues/:queueName/:jobId/retry        one failed or completed job → 204
// They are declared in Bull Board's order, so a job whose id is "retry" is
// routed as Bull Board would route it. The guard has already refused
// read-only sessions and recorded the call for the audit trail.
import express, { type Response, type Router } from "express";

import type { AppDeps } from "../deps";
import { countFinished, retryFinished } from "../queues/bulk";
import { readyRedis } from "../queues/connection";
import { type FinishedState, retryJob } from "../queues/retry";

const isFinished = (state: string): state is FinishedState => state === "failed" || state === "completed";

/** A manual retry from the board, as from the API by default: a fresh set of attempts. */
const RESET = { resetAttempts: true };

function boardError(res: Response, status: number, key: string, options?: Record<string, string>): void {
  res.status(status).json({ error: options ? { key, options } : { key } });
}

export function boardRetries(deps: AppDeps): Router {
  // Bull Board's own router options (case-insensitive, non-strict), so every path it would take is taken here first.
  const router = express.Router();

  router.put("/api/queues/:queueName/retry/:queueStatus", async (req, res) => {
    const { queueName, queueStatus } = req.params;
    const queue = await deps.queues.find(queueName);
    if (!queue) return boardError(res, 404, "ERRORS.QUEUE_NOT_FOUND");
    if (!isFinished(queueStatus)) return boardError(res, 400, "ERRORS.STATUS_NOT_RETRIABLE", { status: queueStatus });
    const c = { queue, redis: await readyRedis(deps.queues), pool: deps.db.pool, prefix: deps.queues.prefix };
    // Counted first, as Bull Board does: jobs finishing during the retry are neither retried nor counted.
    const cutoff = Date.now();
    const total = await countFinished(c, queueStatus, cutoff, Number.MAX_SAFE_INTEGER);
    const retried = await retryFinished(c, queueStatus, cutoff, total, RESET);
    res.status(200).json({ retried, skipped: Math.max(0, total - retried) });
  });

  router.put("/api/queues/:queueName/:jobId/retry", async (req, res) => {
    const { queueName, jobId } = req.params;
    const queue = await deps.queues.find(queueName);
    if (!queue) return boardError(res, 404, "ERRORS.QUEUE_NOT_FOUND");
    const job = await queue.getJob(jobId);
    if (!job) return boardError(res, 404, "ERRORS.JOB_NOT_FOUND");
    const state = await job.getState();
    if (!isFinished(state)) return boardError(res, 400, "ERRORS.JOB_NOT_RETRIABLE", { state });
    if (!(await retryJob(deps.db.pool, job, state, RESET))) {
      return boardError(res, 400, "ERRORS.JOB_NOT_RETRIABLE", { state: await job.getState() });
    }
    res.status(204).end();
  });

  return router;
}
