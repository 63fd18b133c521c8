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

/**
 * A boolean query parameter: `true` or `false` on the wire (query strings carry text), a boolean to the
 * handler. Absent means false.
 */
export const QueryFlag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

/** Seed 001 pagination. */
export const Pagination = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const Limit = z.coerce.number().int().min(1).max(100).default(50).describe("Max results (default 50, max 100)");
export const Offset = z.coerce.number().int().min(0).max(10_000).default(0).describe("Pagination offset (max 10000)");

/** ISO 8601 timestamp with offset, e.g. 2025-12-04T12:00:00Z. */
export const IsoTime = z.iso.datetime({ offset: true });
