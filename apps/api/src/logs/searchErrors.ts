// Postgres errors a log search or export can cause, as the 4xx the caller can
// act on. Anything else stays a 500 (and never shows SQL).
import { AppError, ValidationError } from "@opsdeck/core";

export function logQueryError(err: unknown, timeoutMs: number): unknown {
  const e = err as { code?: string; message?: string };
  // A statement timeout that lands inside the regex engine surfaces as 2201B "invalid regular
  // expression: operation cancelled" (Postgres' REG_CANCEL), not 57014: still a timeout.
  const cancelledRegex = e.code === "2201B" && /operation cancell?ed/i.test(e.message ?? "");
  if (e.code === "57014" || cancelledRegex) {
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
