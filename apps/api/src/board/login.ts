// Sign-in and sign-out of the board. POST /login takes an API key from a
// form and checks it. A correct key counts against its own write policy, like
// any write it makes, and starts a server-side session (sessions/) whose
// signed id is the cookie — never the key. A wrong key counts against the IP's
// failed sign-ins (RATE_LIMIT_SIGN_IN_FAILURES), a budget of its own, so no
// number of wrong keys from an IP keeps a correct key out. Every failure gets
// the same generic message, so the form reveals nothing about which check
// failed. POST /logout must come from the board's own page (Origin of this
// host and the session's CSRF token) and ends the session for every replica.
import type { Request, Response } from "express";

import { rateLimitHeaders, type WindowPolicy } from "../http/rateLimit";
import { clearedCookie, type GuardDeps, requestSession, safeNext } from "./guard";
import { limitRequest } from "./limits";
import { originCheck } from "./origin";
import { loginPage, logoutPage, sendPage } from "./pages";
import { BOARD_BASE, legacyCookieCleared, sessionCookie } from "./session";

const FAILED = "Sign-in failed. Check the key and try again.";
const FOREIGN_LOGOUT = "Sign-out must come from this board's own page: use the button below.";

function field(body: unknown, name: string): string | undefined {
  const v = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === "string" ? v : undefined;
}

export function showLogin(d: GuardDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    res.locals.route = `${BOARD_BASE}/login`;
    await limitRequest(d.deps, req, res, null);
    sendPage(res, 200, loginPage({ next: safeNext(req.query.next) }));
  };
}

/**
 * Counts one sign-in against `policy` for `subject` and sets the rate-limit
 * headers; past the limit, answers the form with 429 and returns false. (The
 * limiter failing open counts as under the limit.)
 */
async function counted(
  d: GuardDeps,
  res: Response,
  policy: WindowPolicy,
  subject: string,
  next: string | undefined,
): Promise<boolean> {
  const w = await d.deps.limits.consumePolicy(policy, subject);
  if (!w) return true;
  res.set(rateLimitHeaders([w]));
  if (w.limit === null || w.used <= w.limit) return true;
  d.deps.limits.rejected(w.name);
  res.set("Retry-After", String(w.resetInSeconds));
  sendPage(
    res,
    429,
    loginPage({ error: `Too many sign-in attempts. Try again in ${w.resetInSeconds} seconds.`, next }),
  );
  return false;
}

export function login(d: GuardDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    res.locals.route = `${BOARD_BASE}/login`;
    const next = safeNext(field(req.body, "next"));
    // Login CSRF: a form posted from another site would sign the victim in as the attacker.
    if (originCheck(req, d.deps.config.publicUrl) === "foreign") {
      sendPage(res, 403, loginPage({ error: FAILED, next }));
      return;
    }
    const log = d.deps.logger.child({ request_id: req.id });
    const raw = field(req.body, "api_key")?.trim() ?? "";
    const user = raw ? await d.users.signIn(raw) : null;
    if (!user) {
      if (!(await counted(d, res, "sign-in-failures", `ip:${req.ip ?? "unknown"}`, next))) return;
      log.warn("board sign-in refused", { ip: req.ip });
      sendPage(res, 401, loginPage({ error: FAILED, next }));
      return;
    }
    res.locals.keyId = user.keyId;
    if (!(await counted(d, res, "write", `key:${user.keyId}`, next))) return;
    // A session this browser still holds is replaced, not left behind.
    const { session: previous } = await requestSession(d.sessions, req);
    if (previous) await d.sessions.end(previous);
    const { cookie } = await d.sessions.start(user.keyId);
    const maxAge = d.deps.config.SESSION_TTL_SECONDS;
    res.append("Set-Cookie", sessionCookie(cookie, { secure: d.secureCookie, maxAge }));
    res.append("Set-Cookie", legacyCookieCleared(d.secureCookie));
    res.set("Cache-Control", "no-store");
    log.info("board sign-in", { key_id: user.keyId, mode: user.mode });
    res.redirect(303, next ?? `${BOARD_BASE}/`);
  };
}

export function showLogout(d: GuardDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    res.locals.route = `${BOARD_BASE}/logout`;
    const { cookie, session } = await requestSession(d.sessions, req);
    await limitRequest(d.deps, req, res, session?.keyId ?? null);
    if (!session) {
      if (cookie !== undefined) res.append("Set-Cookie", clearedCookie(d.secureCookie));
      res.set("Cache-Control", "no-store").redirect(302, `${BOARD_BASE}/login`);
      return;
    }
    sendPage(res, 200, logoutPage({ csrf: d.sessions.csrfToken(session) }));
  };
}

export function logout(d: GuardDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    res.locals.route = `${BOARD_BASE}/logout`;
    res.set("Cache-Control", "no-store");
    const { cookie, session } = await requestSession(d.sessions, req);
    await limitRequest(d.deps, req, res, session?.keyId ?? null);
    if (session) {
      const sameOrigin = originCheck(req, d.deps.config.publicUrl) === "same";
      if (!sameOrigin || !d.sessions.csrfValid(session, field(req.body, "csrf"))) {
        sendPage(res, 403, logoutPage({ csrf: d.sessions.csrfToken(session), error: FOREIGN_LOGOUT }));
        return;
      }
      await d.sessions.end(session);
      d.deps.logger.child({ request_id: req.id }).info("board sign-out", { key_id: session.keyId });
    }
    // Nothing (left) to end: the browser just forgets its cookie.
    if (cookie !== undefined) {
      res.append("Set-Cookie", clearedCookie(d.secureCookie));
      res.append("Set-Cookie", legacyCookieCleared(d.secureCookie));
    }
    // The console signs out through this same form and asks to land back on its own sign-in.
    res.redirect(303, safeNext(field(req.body, "next")) ?? `${BOARD_BASE}/login`);
  };
}
