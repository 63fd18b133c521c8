// X-Request-Id on every response (SPEC §3). A well-formed incoming id (8–128
// of [A-Za-z0-9._:-]) is kept so a trace can cross services; anything else
// is replaced.
import { randomBytes } from "node:crypto";

import type { NextFunction, Request, Response } from "express";

declare module "express-serve-static-core" {
  interface Request {
    /** This request's id (X-Request-Id). */
    id: string;
  }
}

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export function newRequestId(): string {
  return `req_${randomBytes(12).toString("base64url")}`;
}

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers["x-request-id"];
  req.id = typeof incoming === "string" && WELL_FORMED.test(incoming) ? incoming : newRequestId();
  res.setHeader("X-Request-Id", req.id);
  next();
}
