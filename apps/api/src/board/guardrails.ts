// Bull Board's destructive queue-wide buttons, answered here before Bull
// Board sees them. Left to itself, its "clean all" is one
// queue.clean(grace, MAX_SAFE_INTEGER, state) — one Lua call over the whole
// state while Redis serves no one else — and "empty" and "obliterate" are as
// unbounded, none of them touching the job records. Here they go through the
// API's bulk path (queues/bulk.ts cleanState): chunked to ~8 ms of Redis
// time a call, records marked removed, and the counts put on the call's audit
// entry (board/audit.ts records it). Paths, statuses and bodies are Bull
// Board's own (@bull-board/api cleanAll, emptyQueue, obliterateQueue), errors
// in its { error: { key } } shape so its UI shows them:
//   PUT /api/queues/:queueName/clean/:queueStatus  every job of a state older than 5 s → 200 {}
//   PUT /api/queues/:queueName/empty               every waiting, paused and prioritized job → 200 {}
//   PUT /api/queues/:queueName/obliterate          the paused queue, every job and key → 200 {};
//                                                  refused (409) while any job is active, `force` or not
// The guard has already refused read-only sessions and opened the audit entry.
import express, { type Response, type Router } from "express";

import type { AppDeps } from "../deps";
import { type BulkCtx, type CleanState, cleanState } from "../queues/bulk";
import { readyRedis } from "../queues/connection";
import { setBoardAuditParameters } from "./audit";

/** Bull Board's clean-all grace period (its cleanAll handler), ms: jobs newer than this are kept. */
const CLEAN_ALL_GRACE_MS = 5_000;
/** Every job, in as many chunks as it takes. */
const ALL = Number.MAX_SAFE_INTEGER;
/** What Bull Board's empty (BullMQ drain without delayed) removes. */
const EMPTY_STATES: CleanState[] = ["wait", "paused", "prioritized"];
/** Every state a job can rest in; obliterate deletes them all before BullMQ removes the queue's keys. */
const ALL_STATES: CleanState[] = ["wait", "paused", "prioritized", "delayed", "completed", "failed"];

/** The board's state names → Opsdeck's clean states (active jobs are never cleaned). */
const CLEAN_STATES: Record<string, CleanState> = {
  completed: "completed",
  failed: "failed",
  delayed: "delayed",
  wait: "wait",
  waiting: "wait",
  paused: "paused",
  prioritized: "prioritized",
};

function boardError(res: Response, status: number, key: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error: { key }, ...extra });
}

/** The refusal Bull Board itself gives for a queue with active jobs, so its UI explains it. */
function activeJobsRefusal(res: Response, active: number): void {
  setBoardAuditParameters(res, { active });
  boardError(res, 409, "ERRORS.QUEUE_HAS_ACTIVE_JOBS", { message: { key: "ERRORS.QUEUE_HAS_ACTIVE_JOBS_DETAILS" } });
}

export function boardGuardrails(deps: AppDeps): Router {
  // Bull Board's own router options (case-insensitive, non-strict), so every path it would take is taken here first.
  const router = express.Router();

  async function bulk(queueName: string): Promise<BulkCtx | null> {
    const queue = await deps.queues.find(queueName);
    if (!queue) return null;
    return { queue, redis: await readyRedis(deps.queues), pool: deps.db.pool, prefix: deps.queues.prefix };
  }

  async function cleanAll(c: BulkCtx, states: CleanState[], graceMs: number): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const s of states) deleted[s] = await cleanState(c, s, graceMs, ALL);
    return deleted;
  }

  router.put("/api/queues/:queueName/clean/:queueStatus", async (req, res) => {
    const c = await bulk(req.params.queueName);
    if (!c) return boardError(res, 404, "ERRORS.QUEUE_NOT_FOUND");
    // Own keys only: a state named like an Object.prototype member is no state.
    const state = Object.hasOwn(CLEAN_STATES, req.params.queueStatus)
      ? CLEAN_STATES[req.params.queueStatus]
      : undefined;
    if (!state) return boardError(res, 400, "ERRORS.STATUS_NOT_CLEANABLE");
    const deleted = await cleanState(c, state, CLEAN_ALL_GRACE_MS, ALL);
    setBoardAuditParameters(res, { deleted, grace_ms: CLEAN_ALL_GRACE_MS });
    res.status(200).json({});
  });

  router.put("/api/queues/:queueName/empty", async (req, res) => {
    const c = await bulk(req.params.queueName);
    if (!c) return boardError(res, 404, "ERRORS.QUEUE_NOT_FOUND");
    const deleted = await cleanAll(c, EMPTY_STATES, 0);
    setBoardAuditParameters(res, { deleted: Object.values(deleted).reduce((a, b) => a + b, 0), by_state: deleted });
    res.status(200).json({});
  });

  router.put("/api/queues/:queueName/obliterate", async (req, res) => {
    const c = await bulk(req.params.queueName);
    if (!c) return boardError(res, 404, "ERRORS.QUEUE_NOT_FOUND");
    if (!(await c.queue.isPaused())) return boardError(res, 400, "ERRORS.QUEUE_NOT_PAUSED");
    // Bull Board's `force` would delete jobs workers are running; here active jobs always refuse.
    const active = await c.queue.getActiveCount();
    if (active > 0) return activeJobsRefusal(res, active);
    const deleted = await cleanAll(c, ALL_STATES, 0);
    try {
      // What is left (the queue's own keys, schedulers, jobs waiting for children, a job that arrived
      // meanwhile): BullMQ's obliterate, itself in calls of 1000 keys, never forced.
      await c.queue.obliterate({ force: false });
    } catch (err) {
      if (err instanceof Error && err.message === "Cannot obliterate queue with active jobs") {
        return activeJobsRefusal(res, await c.queue.getActiveCount());
      }
      throw err;
    }
    setBoardAuditParameters(res, { deleted: Object.values(deleted).reduce((a, b) => a + b, 0), by_state: deleted });
    res.status(200).json({});
  });

  return router;
}
