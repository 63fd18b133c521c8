// The board under the REST API's limits. A request with a live session counts
// against its key's read (GET, HEAD) or write policy — the very counters the
// key's REST calls use, so a key at 429 on one is at 429 on the other — and
// its quotas when the key has any; a request without one counts against its
// IP, as a REST call without a valid key does. Over a limit, the answer is the
// REST API's 429: the error shape, Retry-After and the rate-limit headers.
import type { Request, Response } from "express";

import type { AppDeps } from "../deps";
import { applyRateLimit } from "../http/mount";
import type { BoardUser } from "./users";

const READ_METHODS = new Set(["GET", "HEAD"]);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method);
}

/** Counts the request against the read or write policy of `keyId`, or of the IP when null; throws 429 past it. */
export function limitRequest(deps: AppDeps, req: Request, res: Response, keyId: string | null): Promise<void> {
  const policy = isReadMethod(req.method) ? "read" : "write";
  return applyRateLimit(deps, req, res, { policy }, keyId === null ? null : { keyId });
}

/** Counts the request against the user's key quotas, when it has any (as mount.ts does for REST calls). */
export async function limitByQuotas(deps: AppDeps, req: Request, res: Response, user: BoardUser): Promise<void> {
  const q = user.quotas;
  if (q.minute === null && q.hour === null && q.day === null) return;
  await applyRateLimit(deps, req, res, { quotasOf: user }, user);
}
