// Who is calling a keyed route: a key (Authorization / X-API-Key, http/auth.ts)
// or, without one, the browser sign-in session that Bull Board and the console
// share (sessions/). A session stands for its key: the key is re-read on every
// call (one primary-key read, never cached, as the board does) so revoking it
// ends the session at once; its permissions, rate limits and quotas are the
// key's own. Integration keys never get a session.
//
// A cookie goes with any request the browser makes, so session calls carry the
// board's CSRF defences on top of SameSite=Strict: a request the browser marks
// cross-site (Sec-Fetch-Site) or whose Origin/Referer names another host is
// refused, and a write (anything but GET/HEAD) must also come from this host
// and carry X-CSRF-Token with the session's token — a header no form of
// another site can send, and a value no page of another site can read.
import { AppError, AuthenticationError } from "@opsdeck/core";
import { getKey, keyIsActive } from "@opsdeck/db";
import type { Request } from "express";

import { originCheck } from "../board/origin";
import { readCookie, SESSION_COOKIE } from "../board/session";
import type { AppDeps } from "../deps";
import type { Session } from "../sessions/sessions";
import { type AuthResult, presentedKey, type Principal, principalOf } from "./auth";

const CSRF_HEADER = "x-csrf-token";

/** What authentication decided, and whom a refused request counts against (its key, when it is known). */
type RequestAuth = (AuthResult | { ok: false; error: AppError }) & { limitAs?: { keyId: string } };

/** The session a request was authenticated by, for the routes that describe it (GET …/session). */
const sessionsByRequest = new WeakMap<Request, Session>();

export function sessionOf(req: Request): Session | undefined {
  return sessionsByRequest.get(req);
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/** "cross" when the browser says so or the request names another host; "same" only when it proves this host. */
function site(req: Request, publicUrl: string): "same" | "cross" | "unknown" {
  const fetchSite = req.headers["sec-fetch-site"];
  const origin = originCheck(req, publicUrl);
  if (origin === "foreign" || (fetchSite !== undefined && fetchSite !== "same-origin")) return "cross";
  return origin === "same" || fetchSite === "same-origin" ? "same" : "unknown";
}

const SESSION_ENDED = () => new AuthenticationError("session_expired", "The sign-in session has ended: sign in again.");

/**
 * The live session a cookie names and who it stands for, or null when it has
 * ended. A revoked, expired (a rotated key's grace over) or never allowed
 * (integration) key ends the session with it. No origin check: callers add theirs.
 */
export async function sessionPrincipal(
  deps: AppDeps,
  cookie: string,
): Promise<{ session: Session; principal: Principal } | null> {
  const session = await deps.sessions.find(cookie);
  if (!session) return null;
  const key = await getKey(deps.db.prisma, session.keyId);
  if (!key || !keyIsActive(key) || key.role === "integration") {
    await deps.sessions.end(session);
    return null;
  }
  const principal = principalOf(key, {
    integration: {
      minute: deps.config.INTEGRATION_QUOTA_MINUTE,
      hour: deps.config.INTEGRATION_QUOTA_HOUR,
      day: deps.config.INTEGRATION_QUOTA_DAY,
    },
  });
  return { session, principal };
}

export async function authenticateRequest(deps: AppDeps, req: Request): Promise<RequestAuth> {
  const cookie = presentedKey(req) === undefined ? readCookie(req.headers.cookie, SESSION_COOKIE) : undefined;
  // Bearer keys (and calls with no credentials at all) work exactly as they always have.
  if (cookie === undefined) return deps.keys.authenticate(req);

  const found = await sessionPrincipal(deps, cookie);
  if (!found) return { ok: false, error: SESSION_ENDED() };
  const { session, principal } = found;
  const limitAs = { keyId: principal.keyId };
  const where = site(req, deps.config.publicUrl);
  if (where === "cross") {
    return {
      ok: false,
      limitAs,
      error: new AppError(403, "origin_mismatch", "Session calls must come from this host's own pages."),
    };
  }
  if (
    !READ_METHODS.has(req.method) &&
    (where !== "same" || !deps.sessions.csrfValid(session, req.headers[CSRF_HEADER]))
  ) {
    return {
      ok: false,
      limitAs,
      error: new AppError(
        403,
        "csrf_token_required",
        "Changes made with a sign-in session need the X-CSRF-Token header from GET /api/v1/platform/session, sent from this host.",
      ),
    };
  }
  sessionsByRequest.set(req, session);
  return { ok: true, principal };
}
