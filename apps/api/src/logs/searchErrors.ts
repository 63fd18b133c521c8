// Postgres errors a log search or export can cause, as the 4xx the caller can
// act on. Anything else stays a 500 (and never shows SQL).
import { AppError, ValidationError } from "@opsdeck/core";

export function logQueryError(err: unknown, timeoutMs: number): unknown {
  const e = err as { code?: string; message?: string };
  if (e.code === "57014") {
    return new AppError(
      400,
      "search_timeout",
      `The search ran longer than ${timeoutMs} ms and was stopped. Narrow the time window (start_time/end_time) or add filters (level, service, request_id).`,
      { details: { timeout_ms: timeoutMs } },
    );
  }
  if (e.code === "2201B") {
    return new ValidationError(
      [
        {
          field: "query.query",
          code: "invalid_regex",
          message: (e.message ?? "invalid regular expression").slice(0, 300),
        },
      ],
      "The regular expression is not valid.",
    );
  }
  return err;
}
