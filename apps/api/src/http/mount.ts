// Mounts the route table on Express. For every request, in this order:
// authenticate (a key, or the browser's sign-in session: sessionAuth.ts) → rate limit (by key, or by IP when there is no valid key) →
// 401 if the key was bad → permission (403) → quota → validate params, query
// and body (400 listing every bad field) → handler → validate the response
// (outside production) → send. Handlers never touch req.body directly. On a
// route with `audit`, every call from the permission check on is recorded
// in the audit trail (http/audit.ts), refusals included.
import { AppError, type FieldIssue, type Logger, PermissionError, ValidationError } from "@opsdeck/core";
import type { Request, Response, Router } from "express";
import { z } from "zod";

import type { AppDeps } from "../deps";
import { type AuditCall, startAudit } from "./audit";
import type { Principal } from "./auth";
import { rateLimitError, rateLimitHeaders, type WindowState } from "./rateLimit";
import { type AnyRoute, isReply, type JsonRoute, type RatePolicy, toExpressPath } from "./route";
import { authenticateRequest } from "./sessionAuth";
import { parsePart } from "./validate";

const NoQuery = z.strictObject({});

function requestLogger(req: Request, deps: AppDeps) {
  return deps.logger.child({ request_id: req.id });
}

/**
 * Counts the request against a policy, or the key's quotas, and refreshes the
 * rate-limit headers from every window counted so far; throws 429 when one is
 * exceeded.
 */
export async function applyRateLimit(
  deps: AppDeps,
  req: Request,
  res: Response,
  what: { policy: RatePolicy } | { quotasOf: Pick<Principal, "keyId" | "quotas"> },
  principal: Pick<Principal, "keyId"> | null,
): Promise<void> {
  let counted: WindowState[] | null;
  if ("policy" in what) {
    if (what.policy === "none") return;
    const subject = principal ? `key:${principal.keyId}` : `ip:${req.ip ?? "unknown"}`;
    const w = await deps.limits.consumePolicy(what.policy, subject);
    counted = w && [w];
  } else {
    counted = await deps.limits.quotas(what.quotasOf.keyId, what.quotasOf.quotas);
  }
  if (!counted) return; // limiter unavailable: fail open
  const windows = [...((res.locals.rateWindows as WindowState[] | undefined) ?? []), ...counted];
  res.locals.rateWindows = windows;
  res.set(rateLimitHeaders(windows));
  const exceeded = counted.find((w) => w.limit !== null && w.used > w.limit);
  if (exceeded) {
    deps.limits.rejected(exceeded.name);
    throw rateLimitError(exceeded);
  }
}

export function mountRoutes(router: Router, routes: AnyRoute[], deps: AppDeps): void {
  for (const route of routes) {
    const querySchema = route.query ?? NoQuery;
    router[route.method](toExpressPath(route.path), async (req: Request, res: Response) => {
      res.locals.route = route.path;
      let principal: Principal | null = null;
      let audit: AuditCall | null = null;
      if (route.access !== "public") {
        const auth = await authenticateRequest(deps, req);
        principal = auth.ok ? auth.principal : null;
        // Bad keys are limited by IP before the 401, so guessing keys is throttled too; a
        // session's refused write (CSRF) counts against its key.
        await applyRateLimit(deps, req, res, { policy: route.rateLimit }, principal ?? auth.limitAs ?? null);
        if (!auth.ok) throw auth.error;
        res.locals.keyId = auth.principal.keyId;
        // From here the caller is known: a mutating route's call is on record however it ends.
        if (route.audit) audit = startAudit(deps, req, auth.principal, route.audit);
        if (!auth.principal.permissions.has(route.access.permission)) {
          const refused = new PermissionError(route.access.permission);
          await audit?.failed(refused);
          throw refused;
        }
        // Quotas are counted after the permission check, so refused calls don't burn a partner's quota.
        // Keys without any quota (ops and viewer by default) skip the three quota counters entirely.
        const q = auth.principal.quotas;
        if (route.consumesQuota !== false && (q.minute !== null || q.hour !== null || q.day !== null)) {
          await applyRateLimit(deps, req, res, { quotasOf: auth.principal }, principal);
        }
      } else if (route.rateLimitSubject !== "handler") {
        await applyRateLimit(deps, req, res, { policy: route.rateLimit }, null);
      }

      let answer: unknown;
      try {
        answer = await run(route, querySchema, req, res, deps, principal, audit);
      } catch (err) {
        await audit?.failed(err);
        throw err;
      }
      await audit?.succeeded();
      if (route.kind === "raw") return;
      const { status, data, headers } = resolveReply(route, answer);
      const envelope = route.response.envelope !== false;
      if (deps.config.validateResponses) {
        const r = (route.response.schema as z.ZodType).safeParse(data);
        if (!r.success) {
          requestLogger(req, deps).error("response does not match its schema", {
            route: route.path,
            issues: r.error.issues.slice(0, 10),
          });
          throw new AppError(500, "response_validation_failed", "The response did not match the documented schema.");
        }
      }
      res
        .status(status)
        .set(headers)
        .json(envelope ? { success: true, data } : data);
    });
  }
}

/** Validates params, query and body (400 listing every bad field) and runs the handler: its answer, for a JSON route. */
async function run(
  route: AnyRoute,
  querySchema: z.ZodType,
  req: Request,
  res: Response,
  deps: AppDeps,
  principal: Principal | null,
  audit: AuditCall | null,
): Promise<unknown> {
  const issues: FieldIssue[] = [];
  const params = parsePart("params", route.params, req.params, issues);
  const query = parsePart("query", querySchema, req.query, issues);
  let body: unknown;
  if (route.body) body = parsePart("body", route.body, req.body ?? undefined, issues);
  else if (req.body !== undefined && !(typeof req.body === "object" && Object.keys(req.body as object).length === 0)) {
    issues.push({ field: "body", code: "body_not_allowed", message: "this route takes no request body" });
  }
  if (issues.length) throw new ValidationError(issues);

  let log: Logger | undefined;
  const ctx = {
    params,
    query,
    body,
    principal,
    requestId: req.id,
    // A child logger per request is only built when a handler logs.
    get log() {
      return (log ??= requestLogger(req, deps));
    },
    deps,
    req,
    audit: audit?.note ?? { target: "", parameters: {} },
    // Typed only for raw routes: a JSON handler answers by what it returns (see resolveReply).
    res,
  };
  return route.handler(ctx);
}

/** The status, body and headers a JSON handler's answer means; a status or header the route does not document is a bug. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function resolveReply(route: JsonRoute<any, any, any, any, any>, answer: unknown) {
  const success = route.response.status ?? 200;
  if (!isReply(answer)) return { status: success, data: answer, headers: {} };
  const status = answer.status ?? success;
  const documented = status === success || String(status) in (route.response.sameBodyStatuses ?? {});
  const undocumentedHeader = Object.keys(answer.headers).find((h) => !(h in (route.response.headers ?? {})));
  if (!documented || undocumentedHeader !== undefined) {
    throw new Error(`${route.operationId} answered ${status} ${undocumentedHeader ?? ""}, which it does not document`);
  }
  return { status, data: answer.body, headers: answer.headers };
}
