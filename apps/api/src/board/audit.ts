// Audit of the board's mutating calls: each one by an ops session
// lands in audit_events once its response is over, as `board.<scope>.<verb>`
// (board.job.retry, board.queue.clean, board.queues.pause, ...) derived from
// Bull Board's API path, with the queue / job as target and the outcome taken
// from the response status. Job data in bodies is never recorded: only
// numeric and boolean body fields (concurrency, delay, priority, ...).
import type { Logger } from "@opsdeck/core";
import { type PrismaClient, recordAudit } from "@opsdeck/db";
import type { Request, Response } from "express";

import type { BoardUser } from "./users";

export interface BoardAction {
  action: string;
  target: string;
  parameters: Record<string, unknown>;
}

/** Queue-level verbs of Bull Board's /api/queues/:queueName/<verb> routes (matched before job ids, as Bull Board does). */
const QUEUE_VERBS = new Set(["add", "promote", "pause", "resume", "concurrency", "rate-limit", "empty", "obliterate"]);
/** Queue-level verbs that take a job state: /api/queues/:queueName/<verb>/:queueStatus. */
const QUEUE_STATE_VERBS = new Set(["retry", "clean"]);

const verb = (s: string) => s.replace(/-/g, "_");

/** The action a board API path (relative to the board, e.g. /api/queues/q/123/retry) stands for. */
export function describeBoardCall(path: string): BoardAction {
  let segs: string[];
  try {
    segs = path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    segs = [];
  }
  const [api, queues, queue, a, b, c] = segs;
  const fallback = { action: "board.unknown", target: "board", parameters: { path: path.slice(0, 512) } };
  if (api !== "api" || queues !== "queues" || queue === undefined) return fallback;
  if (segs.length === 3) return { action: `board.queues.${verb(queue)}`, target: "queue:*", parameters: {} };
  const target = `queue:${queue}`;
  if (a === "job-schedulers" && b !== undefined) {
    return { action: `board.scheduler.${verb(c ?? "update")}`, target: `scheduler:${queue}/${b}`, parameters: {} };
  }
  if (a === undefined) return fallback;
  if (segs.length === 4 && QUEUE_VERBS.has(a)) {
    return { action: a === "add" ? "board.job.add" : `board.queue.${verb(a)}`, target, parameters: {} };
  }
  if (segs.length === 5 && QUEUE_STATE_VERBS.has(a) && b !== undefined) {
    return { action: `board.queue.${a}`, target, parameters: { state: b } };
  }
  if (segs.length === 5 && a === "rate-limit" && b === "release") {
    return { action: "board.queue.rate_limit_release", target, parameters: {} };
  }
  if (segs.length === 5 && b !== undefined) {
    return { action: `board.job.${verb(b)}`, target: `job:${queue}/${a}`, parameters: {} };
  }
  return fallback;
}

/** Numeric and boolean body fields only: enough to know what was set, never job data. */
function safeBody(body: unknown): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  if (body && typeof body === "object" && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>).slice(0, 20)) {
      if (typeof v === "number" || typeof v === "boolean") out[k.slice(0, 64)] = v;
    }
  }
  return out;
}

/** Records the call once its response has finished (or the client went away). */
export function auditBoardCall(prisma: PrismaClient, log: Logger, req: Request, res: Response, user: BoardUser): void {
  // Captured now: the mounted board rewrites req.url while it handles the request.
  const path = req.path;
  const method = req.method;
  const ip = req.ip ?? null;
  const requestId = req.id;
  let done = false;
  const record = () => {
    if (done) return;
    done = true;
    const { action, target, parameters } = describeBoardCall(path);
    const status = res.statusCode;
    const finished = res.writableFinished;
    const ok = finished && status < 400;
    recordAudit(prisma, {
      actorKeyId: user.keyId,
      actor: `${user.name} (${user.role})`,
      action,
      target,
      parameters: { ...parameters, ...safeBody(req.body), method, http_status: status },
      outcome: ok ? "success" : "failure",
      error: ok ? null : finished ? `http_${status}` : "client_closed",
      requestId,
      ipAddress: ip,
    }).catch((err: unknown) => log.error("board audit write failed", { err, action, request_id: requestId }));
  };
  res.once("finish", record);
  res.once("close", record);
}
