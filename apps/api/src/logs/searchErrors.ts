// Postgres errors a log search or export can cause, as the 4xx the caller can
// act on. Anything else is left to the error handler (a 503 when Postgres is
// unavailable, else a 500 that never shows SQL).
import { AppError, ValidationError } from "@opsdeck/core";
import { pgErrorKind } from "@opsdeck/db";

export function logQueryError(err: unknown, timeoutMs: number): unknown {
  const kind = pgErrorKind(err);
  if (kind === "timeout") {
    return new AppError(
      400,
      "search_timeout",
      `The search ran longer than ${timeoutMs} ms and was stopped. Narrow the time window (start_time/end_time) or add filters (level, service, request_id).`,
      { details: { timeout_ms: timeoutMs } },
    );
  }
  if (kind === "invalid_regex") {
    // Postgres says what is wrong with the pattern (e.g. "parentheses () not balanced"); that text is the caller's.
    const message = (err as { message?: unknown }).message;
    return new ValidationError(
      [
        {
          field: "query.query",
          code: "invalid_regex",
          message: (typeof message === "string" ? message : "invalid regular expression").slice(0, 300),
        },
      ],
      "The regular expression is not valid.",
    );
  }
  return err;
}
