// Shapes shared by every surface: the one error body, the success
// envelope and the pagination.
import { z } from "zod";

export const ErrorBody = z.object({
  success: z.literal(false),
  error: z.object({
    type: z.enum([
      "invalid_request_error",
      "authentication_error",
      "permission_error",
      "not_found_error",
      "conflict_error",
      "rate_limit_error",
      "api_error",
      "unavailable_error",
    ]),
    code: z.string(),
    message: z.string(),
    request_id: z.string(),
    details: z.unknown().optional(),
    retryAfter: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A string that reaches Postgres: its text type cannot hold U+0000, so NUL is refused here, not there. */
export const Text = z.string().refine((v) => !v.includes("\u0000"), {
  message: "must not contain the NUL character (U+0000)",
});

/**
 * A boolean query parameter: `true` or `false` on the wire (query strings carry text), a boolean to the
 * handler. Absent means false.
 */
export const QueryFlag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

/** The page block of the offset-paged list endpoints: how many match in all, the page size and the offset. */
export const Pagination = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const Limit = z.coerce.number().int().min(1).max(100).default(50).describe("Max results (default 50, max 100)");
export const Offset = z.coerce.number().int().min(0).max(10_000).default(0).describe("Pagination offset (max 10000)");

/**
 * The instants an IsoTime may name, as epoch ms. Postgres has no year 0, and an offset can carry
 * 9999-12-31 past the year 10000, which JavaScript prints as +010000 and Postgres does not read.
 */
const ISO_TIME_MIN_MS = Date.parse("0001-01-01T00:00:00Z");
const ISO_TIME_MAX_MS = Date.parse("9999-12-31T23:59:59.999Z");

/** ISO 8601 timestamp with offset, e.g. 2025-12-04T12:00:00Z, from year 0001 to 9999 (UTC). */
export const IsoTime = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const ms = Date.parse(v);
    return ms >= ISO_TIME_MIN_MS && ms <= ISO_TIME_MAX_MS;
  },
  { message: "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z" },
);

/** Deepest nesting a free-form JSON object may have (objects and arrays, the object itself is level 1). */
export const JSON_MAX_DEPTH = 32;
/** Most keys and array elements a free-form JSON object may hold, at every level together. */
export const JSON_MAX_ENTRIES = 1_000;

/**
 * A free-form JSON object (log metadata): at most JSON_MAX_DEPTH deep and JSON_MAX_ENTRIES entries. Walked
 * with a stack of its own, not recursion, so no depth can exhaust the call stack here, and nothing after
 * it (JSON.stringify, Postgres' jsonb parser) meets an object deep enough to.
 */
export const JsonObject = z.record(z.string().max(200), z.unknown()).superRefine((value, ctx) => {
  const stack: [unknown, number][] = [[value, 1]];
  let entries = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > JSON_MAX_DEPTH) {
      ctx.addIssue({ code: "custom", message: `nests deeper than ${JSON_MAX_DEPTH} levels` });
      return;
    }
    const children = Array.isArray(v) ? v : Object.values(v);
    entries += children.length;
    if (entries > JSON_MAX_ENTRIES) {
      ctx.addIssue({ code: "custom", message: `holds more than ${JSON_MAX_ENTRIES} keys and array elements` });
      return;
    }
    for (const c of children) stack.push([c, depth + 1]);
  }
});
