// The WHERE clause shared by log search and log export, so an export holds
// exactly the rows the same search would page through. Values go through
// `bind`; both callers inline them as escaped literals (COPY and the
// one-round-trip simple-protocol search take no bind parameters).
import type { LogLevel } from "@opsdeck/core";
import { escapeLiteral } from "pg";

import { containsLikePattern, regexRequiredLiterals } from "./regexLiterals";

/** The log search's parameters in storable form (times as ISO strings). */
export interface LogFilter {
  /** Full text (words, "phrases", prefix*, OR, -word) or, with `regex`, a POSIX regex. */
  query?: string | undefined;
  regex?: boolean | undefined;
  /** Regex only: match regardless of case. Full text is always case-insensitive. */
  caseInsensitive?: boolean | undefined;
  level?: LogLevel | undefined;
  service?: string | undefined;
  /** Inclusive lower bound, ISO 8601. */
  startTime?: string | undefined;
  /** Inclusive upper bound, ISO 8601. */
  endTime?: string | undefined;
  requestId?: string | undefined;
  userId?: string | undefined;
  /** The queue / job id a worker logged the line for (search only; exports never set them). */
  queue?: string | undefined;
  jobId?: string | undefined;
}

export type Bind = (value: string) => string;

/** Binds as quoted literals (pg escapeLiteral: safe for any string, backslashes included). */
export const literalBinder: Bind = (value) => escapeLiteral(value);

/**
 * `word*` becomes a prefix match; everything else goes to
 * websearch_to_tsquery, which understands "phrases", OR and -exclusions.
 */
function fullTextCondition(query: string, bind: Bind): string | null {
  const prefixes: string[] = [];
  const rest = query.replace(/(^|\s)([^\s"*]+)\*(?=\s|$)/gu, (_m, lead: string, word: string) => {
    const parts = word.toLowerCase().match(/[\p{L}\p{N}]+/gu);
    if (parts) prefixes.push(parts.map((p, i) => (i === parts.length - 1 ? `'${p}':*` : `'${p}'`)).join(" <-> "));
    return lead;
  });
  const pieces: string[] = [];
  if (rest.trim()) pieces.push(`websearch_to_tsquery('simple', ${bind(rest.trim())})`);
  for (const p of prefixes) pieces.push(`to_tsquery('simple', ${bind(p)})`);
  if (pieces.length === 0) return null;
  // The exact expression of the index app_logs_search_idx, so the planner can use it.
  return `to_tsvector('simple'::regconfig, message) @@ (${pieces.join(" && ")})`;
}

export interface WhereOptions {
  /** Keyset position: rows strictly older than this (timestamp ISO, id). */
  before?: { timestamp: string; id: string } | undefined;
  /**
   * Regex only: also require, with LIKE, the literal runs every match contains
   * (regexLiterals.ts), so the trigram index gets their selective trigrams.
   * Same rows; only for unordered statements (the count): under ORDER BY …
   * LIMIT the extra conditions lower the planner's estimate enough that it
   * stops reading newest first and sorts every candidate instead.
   */
  regexLiterals?: boolean | undefined;
}

/** `WHERE …` (or an empty string) for `filter`. */
export function buildLogWhere(filter: LogFilter, bind: Bind, opts: WhereOptions = {}): string {
  const where: string[] = [];
  if (filter.startTime) where.push(`timestamp >= ${bind(filter.startTime)}::timestamptz`);
  if (filter.endTime) where.push(`timestamp <= ${bind(filter.endTime)}::timestamptz`);
  if (filter.level) where.push(`level = ${bind(filter.level)}`);
  if (filter.service) where.push(`service = ${bind(filter.service)}`);
  if (filter.requestId) where.push(`request_id = ${bind(filter.requestId)}`);
  if (filter.userId) where.push(`user_id = ${bind(filter.userId)}`);
  if (filter.queue) where.push(`queue = ${bind(filter.queue)}`);
  if (filter.jobId) where.push(`job_id = ${bind(filter.jobId)}`);
  if (filter.query) {
    if (filter.regex) {
      where.push(`message ${filter.caseInsensitive ? "~*" : "~"} ${bind(filter.query)}`);
      if (opts.regexLiterals) {
        for (const run of regexRequiredLiterals(filter.query)) {
          where.push(`message ${filter.caseInsensitive ? "ILIKE" : "LIKE"} ${bind(containsLikePattern(run))}`);
        }
      }
    } else {
      const ft = fullTextCondition(filter.query, bind);
      // Nothing searchable (only punctuation): match nothing rather than everything.
      where.push(ft ?? "false");
    }
  }
  if (opts.before) {
    where.push(`(timestamp, id) < (${bind(opts.before.timestamp)}::timestamptz, ${bind(opts.before.id)}::bigint)`);
  }
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
}
