// Records every request when its response finishes, into a bounded
// in-memory buffer that a timer flushes to Postgres in batches — never on the
// request path. Also feeds the HTTP latency histogram.
//
// The route label is res.locals.route, set by whatever handles the request:
// the route table (mount.ts), the board's sign-in and guard, and routeLabel()
// for mounts that serve files themselves. Only a request nothing took is
// "unmatched" (in the histogram; null in the log row).
import type { NextFunction, Request, RequestHandler, Response } from "express";

import type { AppDeps } from "../deps";

function size(header: unknown): number {
  const n = Number(header);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 2_147_483_647) : 0;
}

/**
 * Labels the requests a mount serves itself (static files, a sub-app) so they
 * are counted as that mount's traffic, their 404s included, rather than as
 * unmatched paths. `label` is a template such as /docs/assets/*, never the
 * raw path (bounded label values).
 */
export function routeLabel(label: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.route = label;
    next();
  };
}

export function requestLog(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const route = (res.locals.route as string | undefined) ?? null;
      deps.metrics.httpDuration.observe(
        { route: route ?? "unmatched", method: req.method, status_class: `${Math.floor(res.statusCode / 100)}xx` },
        ms / 1000,
      );
      deps.requestLogs.push({
        timestamp: new Date(),
        requestId: req.id,
        method: req.method,
        // originalUrl: sub-apps (Bull Board) rewrite req.url/req.path while they handle a request.
        endpoint: (req.originalUrl.split("?")[0] ?? "").slice(0, 2048),
        route,
        statusCode: res.statusCode,
        responseTime: Math.round(ms * 100) / 100,
        requestSize: size(req.headers["content-length"]),
        responseSize: size(res.getHeader("content-length")),
        ipAddress: req.ip ?? null,
        userAgent: req.headers["user-agent"]?.slice(0, 512) ?? null,
        keyId: (res.locals.keyId as string | undefined) ?? null,
      });
    });
    next();
  };
}
