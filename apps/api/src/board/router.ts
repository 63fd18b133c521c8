// Bull Board at /admin/queues, behind Opsdeck's own sign-in and limits:
//   GET  /admin/queues/static/*        Bull Board's JS/CSS/images — public (no data in them)
//   GET  /admin/queues/login, POST …   sign-in form / sign-in
//   GET  /admin/queues/logout, POST …  sign-out confirmation / sign-out
//   everything else                    session, rate limits and checks (guard.ts), then the
//                                      full (ops) or read-only (viewer) board, whose errors
//                                      Opsdeck's error handler answers (its retry calls
//                                      answered by board/retry.ts, clean all, empty and
//                                      obliterate by board/guardrails.ts)
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from "express";

import type { AppDeps } from "../deps";
import { notFound } from "../http/errorHandler";
import { routeLabel } from "../http/requestLog";
import { readyRedis } from "../queues/connection";
import { createBoards } from "./boards";
import { boardChecks, boardUser, type GuardDeps, isBoardApi, signedIn } from "./guard";
import { boardGuardrails } from "./guardrails";
import { login, logout, showLogin, showLogout } from "./login";
import { boardRetries } from "./retry";
import { BOARD_BASE } from "./session";
import { createBoardUsers } from "./users";

/** Sign-in form bodies are one key and a return path: 4 KiB is plenty. */
const FORM_LIMIT = "4kb";

/**
 * Bull Board's page: its scripts, styles and API calls are all first-party,
 * so nothing else may load (this also drops its Google Fonts link; the UI
 * falls back to system fonts) and it may not be framed.
 */
const BOARD_PAGE_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
};

type NextHandler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Hands the request to a Bull Board Express app, as app.use(subApp) would: the
 * sub-app swaps the req/res prototypes for its own, so they are restored when
 * it passes the request on. (An Express app is a (req, res, next) handler at
 * runtime; its type only lists two parameters.)
 */
function delegate(pick: (req: Request, res: Response) => Express): RequestHandler {
  return (req, res, next) => {
    const sub = pick(req, res);
    // Same proxy trust as the main app, so req.ip means the same thing in request logs.
    if (sub.get("trust proxy") !== req.app.get("trust proxy")) sub.set("trust proxy", req.app.get("trust proxy"));
    const orig = req.app as Express;
    (sub as unknown as NextHandler)(req, res, (err?: unknown) => {
      Object.setPrototypeOf(req, orig.request);
      Object.setPrototypeOf(res, orig.response);
      next(err);
    });
  };
}

export function createBoardRouter(deps: AppDeps): Router {
  const log = deps.logger.child({ component: "board" });
  const users = createBoardUsers(deps.db.prisma, log);
  const boards = createBoards(deps.queues, log);
  const g: GuardDeps = {
    deps,
    sessions: deps.sessions,
    users,
    secureCookie: deps.config.publicUrl.startsWith("https:"),
  };
  const form = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 10 });

  const board = express.Router({ caseSensitive: true, strict: false });
  board.get(
    /^\/static\//,
    routeLabel(`${BOARD_BASE}/static/*`),
    delegate(() => boards.app("read-only")),
    (req) => notFound(req),
  );
  board.get("/login", showLogin(g));
  board.post("/login", form, login(g));
  board.get("/logout", showLogout(g));
  board.post("/logout", form, logout(g));
  board.use(signedIn(g), boardChecks(g));
  board.use(async (req, res, next) => {
    if (isBoardApi(req.path)) {
      // Bull Board's queue handles wait for their connection without a deadline; a request must not.
      await readyRedis(deps.queues);
    } else {
      res.set(BOARD_PAGE_HEADERS);
    }
    await boards.refresh();
    next();
  });
  // Retries are answered by Opsdeck's own retry, so they reset attempts as the API's do.
  board.use(boardRetries(deps));
  // Clean all, empty and obliterate go through the API's chunked bulk path, and obliterate never forces.
  board.use(boardGuardrails(deps));
  board.use(delegate((_req, res) => boards.app(boardUser(res).mode)));

  const router = express.Router({ caseSensitive: true });
  router.use(BOARD_BASE, board);
  return router;
}
