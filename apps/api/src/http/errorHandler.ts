// Renders every error in the one error shape. AppErrors carry their own
// status and code; Redis or Postgres being unreachable (down, restarting, no
// pooled connection free in time) is a 503 with Retry-After and a fixed
// message; body-parser errors (malformed JSON, too large, wrong charset) map
// to 400/413/415; anything else is a generic 500 whose message says nothing
// about internals unless EXPOSE_ERRORS is on. Expected errors log at warn
// (5xx at error), with the request id.
import { AppError, type ErrorBody, UnavailableError } from "@opsdeck/core";
import { pgErrorKind } from "@opsdeck/db";
import { isRedisUnavailableError } from "@opsdeck/redis";
import type { NextFunction, Request, Response } from "express";

import type { AppDeps } from "../deps";

interface HttpishError {
  type?: string;
  status?: number;
  expose?: boolean;
}

function fromBodyParser(err: HttpishError): AppError | null {
  switch (err.type) {
    case "entity.parse.failed":
      return new AppError(400, "invalid_json", "The request body is not valid JSON.");
    case "entity.too.large":
      return new AppError(413, "body_too_large", "The request body is too large.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError(415, "unsupported_encoding", "The request body's encoding or charset is not supported.");
    case "request.aborted":
      return new AppError(400, "request_aborted", "The request was aborted.");
    default:
      if (typeof err.status === "number" && err.status >= 400 && err.status < 500 && err.expose) {
        return new AppError(400, "bad_request", "The request could not be read.");
      }
      return null;
  }
}

export function notFound(req: Request): never {
  throw new AppError(404, "route_not_found", `No route ${req.method} ${req.path.slice(0, 200)}.`);
}

/** The AppError `err` is answered with; Redis's and Postgres's error texts never reach the response. */
function asAppError(err: unknown, exposeErrors: boolean): AppError {
  if (err instanceof AppError) return err;
  if (isRedisUnavailableError(err)) {
    return new UnavailableError("redis_unavailable", "Redis is not reachable right now; try again shortly.");
  }
  if (pgErrorKind(err) === "unavailable") {
    return new UnavailableError("database_unavailable", "The database is not reachable right now; try again shortly.");
  }
  return (
    fromBodyParser(err as HttpishError) ??
    new AppError(
      500,
      "internal_error",
      exposeErrors && err instanceof Error ? err.message : "Something went wrong on our side.",
    )
  );
}

export function errorHandler(deps: AppDeps) {
  // Express recognises error middleware by its four parameters.
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appErr = asAppError(err, deps.config.EXPOSE_ERRORS);
    const log = deps.logger.child({ request_id: req.id });
    if (appErr.status >= 500) log.error("request failed", { err, route: res.locals.route, status: appErr.status });
    else log.warn("request refused", { code: appErr.code, status: appErr.status, route: res.locals.route });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body: ErrorBody = {
      success: false,
      error: {
        type: appErr.type,
        code: appErr.code,
        message: appErr.message,
        request_id: req.id,
        ...(appErr.details === undefined ? {} : { details: appErr.details }),
        ...(appErr.retryAfter === undefined ? {} : { retryAfter: appErr.retryAfter }),
      },
    };
    if (appErr.headers) res.set(appErr.headers);
    if (appErr.retryAfter !== undefined) res.set("Retry-After", String(appErr.retryAfter));
    res.status(appErr.status).json(body);
  };
}
