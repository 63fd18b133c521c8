// The Idempotency-Key header of the send routes: at most one campaign per
// key (per API key), the first answer replayed for the same request, 409 for
// another. The request is identified by the SHA-256 of the route and the
// validated body (zod's output: fields in schema order, defaults applied), so
// two JSON texts that mean the same are the same request.
import { createHash } from "node:crypto";

import { ValidationError } from "@opsdeck/core";
import type { Request } from "express";

/** The header's value: 1–255 visible ASCII characters (a UUID is typical). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or null without one; 400 when malformed. */
export function idempotencyKeyOf(req: Request): string | null {
  const v = req.header("Idempotency-Key");
  if (v === undefined) return null;
  if (!KEY_FORMAT.test(v)) {
    throw new ValidationError([
      {
        field: "header.Idempotency-Key",
        code: "invalid_idempotency_key",
        message: "1 to 255 visible ASCII characters (e.g. a UUID)",
      },
    ]);
  }
  return v;
}

/**
 * The canonical text of a validated body and its hash with the route. Postgres cannot store U+0000 in
 * jsonb or text, so a body holding one anywhere is a 400 here rather than a 500 later.
 */
export function requestHash(route: string, body: unknown): string {
  const text = JSON.stringify(body);
  if (text.includes("\\u0000")) {
    throw new ValidationError([
      { field: "body", code: "invalid_character", message: "must not contain the NUL character (U+0000)" },
    ]);
  }
  return createHash("sha256").update(route).update("\n").update(text).digest("hex");
}
