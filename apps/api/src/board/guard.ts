// Every board request past sign-in goes through here, in two steps.
// `signedIn`: the session cookie is looked up (signature, then the
// server-side record), the request is counted against the session's key (or
// the IP without one), and the key is re-read (still active, still allowed on
// the board); a session whose key no longer qualifies is ended. `boardChecks`:
// for anything but GET/HEAD, read-only sessions are refused, the Origin must
// be this host and a POST must be JSON (CSRF: a form of another site can send
// neither); then the key's quotas, the query of an API read, and the audit of
// ops changes (refused ones too). Only then does Bull Board see the request — read-only mode is
// enforced here, not by the UI hiding buttons.
import { AppError, AuthenticationError } from "@opsdeck/core";
import type { NextFunction, Request, Response } from "express";

import type { AppDeps } from "../deps";
import type { Session, Sessions } from "../sessions/sessions";
import { auditBoardCall, auditBoardRefusal } from "./audit";
import { isReadMethod, limitByQuotas, limitRequest } from "./limits";
import { originCheck } from "./origin";
import { boardQueryCheck } from "./query";
import { BOARD_BASE, readCookie, SESSION_COOKIE, sessionCookie } from "./session";
import type { BoardUser, BoardUsers } from "./users";

export interface GuardDeps {
  deps: AppDeps;
  sessions: Sessions;
  users: BoardUsers;
  secureCookie: boolean;
}

export function isBoardApi(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * Where sign-in sends the browser back to: only a path of the board or of the
 * console (which signs in through the same form), never another host (no open redirect).
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 512) return undefined;
  return /^\/(admin\/queues|console)(\/[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?$/.test(value) && !value.includes("//")
    ? value
    : undefined;
}

/** The signed-in user of a request (set by signedIn). */
export function boardUser(res: Response): BoardUser {
  return res.locals.boardUser as BoardUser;
}

/** The session cookie a request sent (undefined when none) and the live session it names (null when none). */
export async function requestSession(
  sessions: Sessions,
  req: Request,
): Promise<{ cookie: string | undefined; session: Session | null }> {
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  return { cookie, session: cookie === undefined ? null : await sessions.find(cookie) };
}

/** A Set-Cookie that makes the browser forget the session cookie. */
export function clearedCookie(secure: boolean): string {
  return sessionCookie("", { secure, maxAge: 0 });
}

export function signedIn(d: GuardDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const api = isBoardApi(req.path);
    res.locals.route = api ? `${BOARD_BASE}/api/*` : `${BOARD_BASE}/*`;
    res.set("Cache-Control", "no-store");
    const { cookie, session } = await requestSession(d.sessions, req);
    // Counted before the key is checked, as the REST API counts before its 401.
    await limitRequest(d.deps, req, res, session?.keyId ?? null);
    const user = session ? await d.users.byId(session.keyId) : null;
    // Revoked, expired or no longer allowed on the board: the session ends with the key's access.
    if (session && !user) await d.sessions.end(session);
    if (!user) {
      // A cookie that no longer works (tampered, ended, expired, key revoked) is cleared so the browser stops sending it.
      if (cookie !== undefined) res.append("Set-Cookie", clearedCookie(d.secureCookie));
      if (api || !isReadMethod(req.method)) {
        throw new AuthenticationError("board_session_required", `Sign in to the board first at ${BOARD_BASE}/login.`);
      }
      const back = req.path === "/" ? undefined : safeNext(`${BOARD_BASE}${req.path}`);
      res.redirect(302, `${BOARD_BASE}/login${back ? `?next=${encodeURIComponent(back)}` : ""}`);
      return;
    }
    res.locals.keyId = user.keyId;
    res.locals.boardUser = user;
    next();
  };
}

/** A JSON body: what the board's UI sends, and what a form of another site cannot. */
function isJson(req: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "");
}

export function boardChecks(d: GuardDeps) {
  const checkQuery = boardQueryCheck(d.deps.config.BOARD_JOBS_PER_PAGE_MAX);
  const log = d.deps.logger.child({ component: "board" });
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const user = boardUser(res);
    const read = isReadMethod(req.method);
    if (!read) {
      const refusal =
        user.mode === "read-only"
          ? new AppError(
              403,
              "board_read_only",
              "This board session is read-only: it may look at queues and jobs but not change them.",
              { details: { required_permission: "queues.write" } },
            )
          : originCheck(req, d.deps.config.publicUrl) !== "same"
            ? new AppError(
                403,
                "origin_mismatch",
                "Board changes must come from the board's own pages (Origin or Referer of this host).",
              )
            : null;
      if (refusal) {
        // Refused changes are on record too, with the refusal's code.
        await auditBoardRefusal(d.deps.db.prisma, log, req, user, refusal);
        throw refusal;
      }
      if (req.method === "POST" && !isJson(req)) {
        throw new AppError(415, "json_required", "Board changes are sent as JSON (Content-Type: application/json).");
      }
    }
    // After the refusals above, so a refused call costs no quota (as on the REST API).
    await limitByQuotas(d.deps, req, res, user);
    if (read && isBoardApi(req.path)) checkQuery(req.path, req.query as Record<string, unknown>);
    if (!read) auditBoardCall(d.deps.db.prisma, log, req, res, user);
    next();
  };
}
