// Sign-in and sign-out of the board. POST /login takes an API key from a
// form, checks it (rate limited per IP with the write policy), and answers
// with a session cookie holding the key id and an expiry — never the key.
// Every failure gets the same generic message, so the form reveals nothing
// about which check failed.
import type { NextFunction, Request, Response } from "express";

import type { AppDeps } from "../deps";
import { rateLimitHeaders } from "../http/rateLimit";
import { safeNext } from "./guard";
import { originCheck } from "./origin";
import { loginPage, logoutPage, sendPage } from "./pages";
import { BOARD_BASE, type SessionCodec, sessionCookie } from "./session";
import type { BoardUsers } from "./users";

const FAILED = "Sign-in failed. Check the key and try again.";

export interface LoginDeps {
  deps: AppDeps;
  codec: SessionCodec;
  users: BoardUsers;
  secureCookie: boolean;
}

function field(body: unknown, name: string): string | undefined {
  const v = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === "string" ? v : undefined;
}

export function showLogin(req: Request, res: Response): void {
  res.locals.route = `${BOARD_BASE}/login`;
  sendPage(res, 200, loginPage({ next: safeNext(req.query.next) }));
}

export function login(d: LoginDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    res.locals.route = `${BOARD_BASE}/login`;
    const next = safeNext(field(req.body, "next"));
    // Login CSRF: a form posted from another site would sign the victim in as the attacker.
    if (originCheck(req, d.deps.config.publicUrl) === "foreign") {
      sendPage(res, 403, loginPage({ error: FAILED, next }));
      return;
    }
    const w = await d.deps.limits.consumePolicy("write", `ip:${req.ip ?? "unknown"}`);
    if (w) {
      res.set(rateLimitHeaders([w]));
      if (w.limit !== null && w.used > w.limit) {
        d.deps.limits.rejected(w.name);
        res.set("Retry-After", String(w.resetInSeconds));
        sendPage(
          res,
          429,
          loginPage({ error: `Too many sign-in attempts. Try again in ${w.resetInSeconds} seconds.`, next }),
        );
        return;
      }
    }
    const raw = field(req.body, "api_key")?.trim() ?? "";
    const user = raw ? await d.users.signIn(raw) : null;
    if (!user) {
      d.deps.logger.child({ request_id: req.id }).warn("board sign-in refused", { ip: req.ip });
      sendPage(res, 401, loginPage({ error: FAILED, next }));
      return;
    }
    const ttl = d.deps.config.SESSION_TTL_SECONDS;
    const expiresAt = Math.floor(Date.now() / 1000) + ttl;
    res.locals.keyId = user.keyId;
    res.append(
      "Set-Cookie",
      sessionCookie(d.codec.encode({ keyId: user.keyId, expiresAt }), { secure: d.secureCookie, maxAge: ttl }),
    );
    res.set("Cache-Control", "no-store");
    d.deps.logger.child({ request_id: req.id }).info("board sign-in", { key_id: user.keyId, mode: user.mode });
    res.redirect(303, next ?? `${BOARD_BASE}/`);
  };
}

export function showLogout(_req: Request, res: Response): void {
  res.locals.route = `${BOARD_BASE}/logout`;
  sendPage(res, 200, logoutPage());
}

export function logout(secureCookie: boolean) {
  return (_req: Request, res: Response, _next: NextFunction): void => {
    res.locals.route = `${BOARD_BASE}/logout`;
    res.append("Set-Cookie", sessionCookie("", { secure: secureCookie, maxAge: 0 }));
    res.set("Cache-Control", "no-store");
    res.redirect(303, `${BOARD_BASE}/login`);
  };
}
