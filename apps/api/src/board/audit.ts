// Audit of the board's mutating calls: each one by an ops session
// lands in audit_events once its response is over, as `board.<scope>.<verb>`
// (board.job.retry, board.queue.clean, board.queues.pause, ...) derived from
// Bull Board's API path, with the queue / job as target in the API's formats
// (@opsdeck/core auditTarget) and the outcome taken from the response status.
// A call the guard refuses (a read-only session, a foreign Origin) is
// recorded at once as a failure with the refusal's code. Job data in bodies
// is never recorded: only numeric and boolean body fields (concurrency,
// delay, priority, ...).
import { type AppError, auditTarget, type Logger } from "@opsdeck/core";
import { type AuditEntry, type PrismaClient, recordAudit } from "@opsdeck/db";
import type { Request, Response } from "express";

import type { BoardUser } from "./users";

export interface BoardAction {
  action: string;
  target: string;
  parameters: Record<string, unknown>;
}

/** Verbs of Bull Board's /api/queues/<verb> routes, on every queue at once. */
const ALL_QUEUES_VERBS = new Set(["pause", "resume"]);
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
  if (segs.length === 3) {
    if (!ALL_QUEUES_VERBS.has(queue)) return fallback;
    return { action: `board.queues.${verb(queue)}`, target: auditTarget.allQueues(), parameters: {} };
  }
  const target = auditTarget.queue(queue);
  if (a === "job-schedulers" && b !== undefined) {
    return {
      action: `board.scheduler.${verb(c ?? "update")}`,
      target: auditTarget.scheduler(queue, b),
      parameters: {},
    };
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
    return { action: `board.job.${verb(b)}`, target: auditTarget.job(queue, a), parameters: {} };
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

/** What identifies a board call, captured before Bull Board sees the request (it rewrites req.url). */
interface BoardCall {
  path: string;
  method: string;
  ip: string | null;
  requestId: string;
}

function capture(req: Request): BoardCall {
  return { path: req.path, method: req.method, ip: req.ip ?? null, requestId: req.id };
}

/** The entry of a board call by `user`: what describeBoardCall makes of its path, and how it ended. */
function boardEntry(
  call: BoardCall,
  user: BoardUser,
  end: { status: number; error: string | null; body?: unknown },
): AuditEntry {
  const { action, target, parameters } = describeBoardCall(call.path);
  return {
    actorKeyId: user.keyId,
    actor: `${user.name} (${user.role})`,
    action,
    target,
    parameters: { ...parameters, ...safeBody(end.body), method: call.method, http_status: end.status },
    outcome: end.error === null ? "success" : "failure",
    error: end.error,
    requestId: call.requestId,
    ipAddress: call.ip,
  };
}

function write(prisma: PrismaClient, log: Logger, entry: AuditEntry): Promise<void> {
  return recordAudit(prisma, entry).catch((err: unknown) => {
    log.error("board audit write failed", { err, action: entry.action, request_id: entry.requestId });
  });
}

/** What a handler of Opsdeck's own adds to its board call's audit entry (e.g. how many jobs it deleted). */
export function setBoardAuditParameters(res: Response, parameters: Record<string, unknown>): void {
  res.locals.boardAuditParameters = parameters;
}

/** Records the call once its response has finished (or the client went away). */
export function auditBoardCall(prisma: PrismaClient, log: Logger, req: Request, res: Response, user: BoardUser): void {
  const call = capture(req);
  let done = false;
  const record = () => {
    if (done) return;
    done = true;
    const status = res.statusCode;
    const finished = res.writableFinished;
    const error = finished && status < 400 ? null : finished ? `http_${status}` : "client_closed";
    const entry = boardEntry(call, user, { status, error, body: req.body });
    const added: unknown = res.locals.boardAuditParameters;
    if (added && typeof added === "object") entry.parameters = { ...entry.parameters, ...added };
    void write(prisma, log, entry);
  };
  res.once("finish", record);
  res.once("close", record);
}

/** Records a call the guard refused before Bull Board saw it, with the refusal's code; it is on record before the answer. */
export function auditBoardRefusal(
  prisma: PrismaClient,
  log: Logger,
  req: Request,
  user: BoardUser,
  refusal: AppError,
): Promise<void> {
  return write(prisma, log, boardEntry(capture(req), user, { status: refusal.status, error: refusal.code }));
}
