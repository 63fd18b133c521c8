// Turns the log search's query parameters into a LogFilter, refusing what the
// database should never see: an over-long regex or one whose cost explodes
// (regexCost.ts), an inverted window; and a stored LogFilter back into the
// request's names for responses.
import { type FieldIssue, type LogExportFilters, ValidationError } from "@opsdeck/core";
import type { LogFilter } from "@opsdeck/db";

import type { ApiConfig } from "../config";
import { regexProblem } from "./regexCost";

export interface FilterInput {
  query?: string | undefined;
  regex: boolean;
  case_insensitive: boolean;
  level?: LogFilter["level"];
  service?: string | undefined;
  start_time?: string | undefined;
  end_time?: string | undefined;
  request_id?: string | undefined;
  user_id?: string | undefined;
}

export function toLogFilter(q: FilterInput, config: ApiConfig, issues: FieldIssue[] = []): LogFilter {
  if (q.regex && q.query && q.query.length > config.LOG_REGEX_MAX_LENGTH) {
    issues.push({
      field: "query.query",
      code: "regex_too_long",
      message: `a regex may be at most ${config.LOG_REGEX_MAX_LENGTH} characters (got ${q.query.length})`,
    });
  } else if (q.regex && q.query) {
    const problem = regexProblem(q.query);
    if (problem) issues.push({ field: "query.query", ...problem });
  }
  if (q.start_time && q.end_time && Date.parse(q.start_time) > Date.parse(q.end_time)) {
    issues.push({
      field: "query.start_time",
      code: "after_end_time",
      message: "start_time must not be after end_time",
    });
  }
  if (issues.length) throw new ValidationError(issues);
  const iso = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);
  return {
    query: q.query,
    regex: q.regex,
    caseInsensitive: q.case_insensitive,
    level: q.level,
    service: q.service,
    startTime: iso(q.start_time),
    endTime: iso(q.end_time),
    requestId: q.request_id,
    userId: q.user_id,
  };
}

/** A stored filter as responses (and the audit trail) show it: the request's snake_case names, null when unset. */
export function filtersView(f: LogFilter): LogExportFilters {
  return {
    query: f.query ?? null,
    regex: f.regex ?? false,
    case_insensitive: f.caseInsensitive ?? false,
    level: f.level ?? null,
    service: f.service ?? null,
    start_time: f.startTime ?? null,
    end_time: f.endTime ?? null,
    request_id: f.requestId ?? null,
    user_id: f.userId ?? null,
  };
}
