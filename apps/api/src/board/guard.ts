// Every board request past sign-in goes through here: the session cookie is
// verified (signature, expiry) and its key re-read (still active, still
// allowed on the board); then, for anything but GET/HEAD, read-only sessions
// are refused, the Origin must be this host (CSRF), and ops calls are
// audited — the refused ones too. Only then does Bull Board see the
// request — read-only mode is enforced here, not by the UI hiding buttons.
import { AppError, AuthenticationError, type Logger } from "@opsdeck/core";
import type { PrismaClient } from "@opsdeck/db";
import type { NextFunction, Request, Response } from "express";

import { auditBoardCall, auditBoardRefusal } from "./audit";
import { originCheck } from "./origin";
import { BOARD_BASE, readCookie, SESSION_COOKIE, type SessionCodec, sessionCookie } from "./session";
import type { BoardUser, BoardUsers } from "./users";

const READ_METHODS = new Set(["GET", "HEAD"]);

export interface GuardDeps {
  codec: SessionCodec;
  users: BoardUsers;
  prisma: PrismaClient;
  log: Logger;
  publicUrl: string;
  secureCookie: boolean;
}

export function isBoardApi(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** Where sign-in sends the browser back to: only a path of the board itself (no open redirect). */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 512) return undefined;
  return /^\/admin\/queues(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/.test(value) && !value.includes("//")
    ? value
    : undefined;
}

/** The signed-in user of a request (set by the guard). */
export function boardUser(res: Response): BoardUser {
  return res.locals.boardUser as BoardUser;
}

export function sessionGuard(d: GuardDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const api = isBoardApi(req.path);
    res.locals.route = api ? `${BOARD_BASE}/api/*` : `${BOARD_BASE}/*`;
    res.set("Cache-Control", "no-store");
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = cookie === undefined ? null : d.codec.decode(cookie);
    const user = session ? await d.users.byId(session.keyId) : null;
    if (!user) {
      // A cookie that no longer works (tampered, expired, key revoked) is cleared so the browser stops sending it.
      if (cookie !== undefined) res.append("Set-Cookie", sessionCookie("", { secure: d.secureCookie, maxAge: 0 }));
      if (api || !READ_METHODS.has(req.method)) {
        throw new AuthenticationError("board_session_required", `Sign in to the board first at ${BOARD_BASE}/login.`);
      }
      const back = req.path === "/" ? undefined : safeNext(`${BOARD_BASE}${req.path}`);
      res.redirect(302, `${BOARD_BASE}/login${back ? `?next=${encodeURIComponent(back)}` : ""}`);
      return;
    }
    res.locals.keyId = user.keyId;
    res.locals.boardUser = user;

    if (!READ_METHODS.has(req.method)) {
      const refusal =
        user.mode === "read-only"
          ? new AppError(
              403,
              "board_read_only",
              "This board session is read-only: it may look at queues and jobs but not change them.",
              {
                details: { required_permission: "queues.write" },
              },
            )
          : originCheck(req, d.publicUrl) !== "same"
            ? new AppError(
                403,
                "origin_mismatch",
                "Board changes must come from the board's own pages (Origin or Referer of this host).",
              )
            : null;
      if (refusal) {
        await auditBoardRefusal(d.prisma, d.log, req, user, refusal);
        throw refusal;
      }
      auditBoardCall(d.prisma, d.log, req, res, user);
    }
    next();
  };
}
