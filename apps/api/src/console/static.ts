// The ops console (apps/console, a single-page app built by Vite) served at
// /console as static files. Vite names every asset by a hash of its content,
// so /console/assets/* is cached for a year and never revalidated; index.html
// names the current hashes, so it is revalidated on every load (no-cache) and a
// new build is picked up at once. Any other path under /console that is not a
// file is a page of the app (a deep link such as /console/jobs?state=failed):
// it gets index.html and the app's router takes it from there. The files
// need no session and hold no data — the app reads everything through the
// public API — except one thing: for a signed-in browser, the page carries
// who is signed in (console/embeddedSession.ts), which saves the app a round
// trip before its first data call.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import express, { type Request, type Response, type Router } from "express";

import type { AppDeps } from "../deps";
import { notFound } from "../http/errorHandler";
import { routeLabel } from "../http/requestLog";
import { withEmbeddedSession } from "./embeddedSession";

const CONSOLE_BASE = "/console";
/** Where `npm run build` of apps/console writes (Vite's default outDir), from apps/api/{src,dist}/console. */
const CONSOLE_DIST = path.resolve(__dirname, "../../../console/dist");
/** One year, seconds: hashed file names never change content. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Everything the app loads is its own (scripts, styles, fonts, API calls): no
 * inline script, no other origin, no framing. Inline style *attributes* are not
 * needed either — React and uPlot set styles through the DOM.
 */
const PAGE_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

export function createConsoleRouter(deps: AppDeps, dist: string = CONSOLE_DIST): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const indexFile = path.join(dist, "index.html");
  // Read once: it is small, and a build replaces the whole folder (restart to serve a new one).
  const index = existsSync(indexFile) ? readFileSync(indexFile) : null;

  const sendIndex = async (req: Request, res: Response): Promise<void> => {
    // Not built (`npm run build` makes it): the one error shape, as for any unknown path.
    if (!index) notFound(req);
    const page = await withEmbeddedSession(deps, req, index);
    res
      .status(200)
      .set(PAGE_HEADERS)
      .set({
        // A page naming its signed-in caller is that browser's alone: never stored, by it or any cache between.
        "Cache-Control": page === index ? "no-cache" : "no-store",
        Vary: "Cookie",
        "Content-Type": "text/html; charset=utf-8",
      });
    res.send(page);
  };

  router.use(
    `${CONSOLE_BASE}/assets`,
    routeLabel(`${CONSOLE_BASE}/assets/*`),
    express.static(path.join(dist, "assets"), {
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.set(PAGE_HEADERS).set("Cache-Control", IMMUTABLE),
    }),
    // A missing asset is a 404, never the app's page (a stale hash must not be cached as HTML).
    (req) => notFound(req),
  );
  router.get(CONSOLE_BASE, (_req, res) => res.redirect(301, `${CONSOLE_BASE}/`));
  router.get(`${CONSOLE_BASE}/{*page}`, routeLabel(`${CONSOLE_BASE}/*`), sendIndex);
  return router;
}
