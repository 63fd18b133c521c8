// The API's audit trail: on a route with `audit` in the route table, every
// call by a valid key is recorded once it ends — refused for a missing
// permission (403), invalid (400), failed or done — with the actor, action,
// target, parameters, outcome, error code, request id and IP. A refusal is a
// `failure` with the refusal's code (missing_permission). Calls without a
// valid key (401: no actor) and calls over a rate limit or quota (429: load
// being shed) are not recorded; the request log has them.
import { AppError } from "@opsdeck/core";
import { type AuditEntry, recordAudit } from "@opsdeck/db";
import type { Request } from "express";

import type { AppDeps } from "../deps";
import type { Principal } from "./auth";
import type { AuditNote, RouteAudit } from "./route";

/** Longest target recorded, characters: a kind, a 128-character queue name and a 256-character job id fit. */
const MAX_TARGET = 1_024;

export interface AuditCall {
  /** What the handler refines (ctx.audit). */
  note: AuditNote;
  /** Records the success; throws when that fails, so a call that answers success is always on record. */
  succeeded(): Promise<void>;
  /** Records the failure with its error code; a failed write is logged and the call's own error stands. */
  failed(err: unknown): Promise<void>;
}

/** Opens the audit entry of a call by `principal` to a route audited as `spec`. */
export function startAudit(deps: AppDeps, req: Request, principal: Principal, spec: RouteAudit): AuditCall {
  // Path parameters as the route names them (a wildcard's would be an array: no audited route has one).
  const params = Object.fromEntries(
    Object.entries(req.params).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const note: AuditNote = { target: spec.target({ params, query: req.query }), parameters: {} };
  const entry = (outcome: AuditEntry["outcome"], error: string | null): AuditEntry => ({
    actorKeyId: principal.keyId,
    actor: `${principal.name} (${principal.role})`,
    action: spec.action,
    target: note.target.slice(0, MAX_TARGET),
    parameters: note.parameters,
    outcome,
    error,
    requestId: req.id,
    ipAddress: req.ip ?? null,
  });
  return {
    note,
    succeeded: () => recordAudit(deps.db.prisma, entry("success", null)),
    async failed(err) {
      const code = err instanceof AppError ? err.code : "internal_error";
      await recordAudit(deps.db.prisma, entry("failure", code)).catch((e: unknown) =>
        deps.logger.error("audit write failed", { err: e, action: spec.action, request_id: req.id }),
      );
    },
  };
}
