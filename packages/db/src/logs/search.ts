// Log search: newest first, keyset paging
// by (timestamp, id), a total that is exact up to `countCap` and a planner
// estimate beyond it (counting millions of matches exactly would cost as much
// as the search itself). Every statement runs under a statement timeout, and
// under a deadline of our own a little later: Postgres checks for
// cancellation only at certain points, and some work has none (pg_trgm
// turning a regex into index trigrams while planning, once per partition), so
// a statement can outlive its timeout. Past the deadline its connection is
// closed rather than waited for: the pool gets the slot back, the server
// abandons the statement at its next check. The caller maps Postgres' errors
// (57014 timeout, 2201B bad regex) to 4xx.
import { withDeadline } from "@opsdeck/core";
import type pg from "pg";

import { cappedCount, type CappedTotal, type RunQuery } from "../cappedCount";
import { buildLogWhere, literalBinder, type LogFilter } from "./filter";

interface LogRow {
  id: string;
  timestamp: Date;
  level: string;
  service: string;
  message: string;
  request_id: string | null;
  user_id: string | null;
  queue: string | null;
  job_id: string | null;
  metadata: Record<string, unknown>;
}

export interface LogSearchOptions {
  limit: number;
  offset: number;
  /** Keyset position from a previous page's last row. */
  before?: { timestamp: string; id: string } | undefined;
  /** Count exactly up to this many matches. @defaultValue 10000 */
  countCap?: number;
  /** Per-statement limit, ms. @defaultValue 5000 */
  timeoutMs?: number;
  /** How long past `timeoutMs` a statement may run before its connection is closed, ms. @defaultValue SEARCH_DEADLINE_GRACE_MS */
  deadlineGraceMs?: number;
}

export interface LogSearchResult {
  rows: LogRow[];
  /** True when more rows follow the last one returned. */
  hasMore: boolean;
  total: number;
  totalIsEstimate: boolean;
}

/** How long past its statement timeout a search statement may run before its connection is closed, ms. */
export const SEARCH_DEADLINE_GRACE_MS = 500;

/**
 * A statement still running at its deadline (statement timeout + grace). Its
 * SQLSTATE is query_canceled, as for the statement timeout itself: the caller
 * answers both alike.
 */
export class SearchDeadlineError extends Error {
  readonly code = "57014";
  constructor(timeoutMs: number, graceMs: number) {
    super(`log search statement still running ${graceMs} ms past its ${timeoutMs} ms timeout`);
    this.name = "SearchDeadlineError";
  }
}

export interface Limits {
  timeoutMs: number;
  graceMs: number;
}

/**
 * Runs `sql` under a statement timeout in one round trip: a multi-statement
 * simple query is one implicit transaction, so SET LOCAL applies to it and
 * ends with it. The simple protocol takes no bind parameters, so values are
 * inlined as escaped literals (literalBinder). Returns the last statement's
 * result; past the deadline, closes the connection and throws SearchDeadlineError.
 */
export async function queryWithDeadline<T extends pg.QueryResultRow>(
  pool: pg.Pool,
  limits: Limits,
  sql: string,
  pre = "",
): Promise<pg.QueryResult<T>> {
  const ms = Math.max(1, Math.floor(limits.timeoutMs));
  const client = await pool.connect();
  let settled = false;
  const work = client.query(`SET LOCAL statement_timeout = ${ms}; ${pre}${sql}`).finally(() => {
    settled = true;
  });
  // Once the connection is closed under it, the query rejects with nobody left waiting.
  work.catch(() => undefined);
  let stuck = false;
  try {
    const results = (await withDeadline(work, ms + limits.graceMs, "log search")) as unknown as
      pg.QueryResult<T>[] | pg.QueryResult<T>;
    // One statement in all (no SET LOCAL) would be a single result; there are always two or three here.
    return Array.isArray(results) ? results[results.length - 1]! : results;
  } catch (err) {
    if (settled) throw err;
    stuck = true;
    throw new SearchDeadlineError(ms, limits.graceMs);
  } finally {
    // A client released with an error is closed and dropped from the pool, not handed out again.
    client.release(stuck ? new Error("log search past its deadline") : undefined);
  }
}

function countMatches(pool: pg.Pool, filter: LogFilter, cap: number, limits: Limits): Promise<CappedTotal> {
  // Values are inlined as literals (queryWithDeadline's simple protocol takes no bind parameters). Serial: the
  // count stops at cap + 1 rows, but a parallel plan first starts its workers and builds whole partitions'
  // bitmaps in them (measured at 20,000,000 rows: about 110 ms where the serial plan takes 35 ms).
  const run: RunQuery = (sql) =>
    queryWithDeadline(pool, limits, sql, "SET LOCAL max_parallel_workers_per_gather = 0; ");
  return cappedCount(run, {
    // Unordered, so a regex's literal runs may narrow the trigram index's candidates (see WhereOptions).
    fromWhere: `FROM app_logs ${buildLogWhere(filter, literalBinder, { regexLiterals: true })}`,
    // The estimate from the filter alone: the literal runs are implied by the regex, and the planner would
    // multiply their selectivity in as if they were not.
    estimateFromWhere: `FROM app_logs ${buildLogWhere(filter, literalBinder)}`,
    args: [],
    cap,
    // The planner guesses a regex's selectivity from the pattern's length and characters, not from the data;
    // full text it estimates from the lexemes' statistics.
    estimateIsSound: !filter.regex,
  });
}

/** The page query of a search (exported for the benchmark's direct-SQL baseline). @public (used by bench/logs/run.js through the build) */
export function logPageSql(
  filter: LogFilter,
  limit: number,
  offset: number,
  before?: LogSearchOptions["before"],
): string {
  const where = buildLogWhere(filter, literalBinder, { before });
  return `SELECT id::text, timestamp, level, service, message, request_id, user_id, queue, job_id, metadata
            FROM app_logs ${where}
           ORDER BY timestamp DESC, id DESC
           LIMIT ${Math.floor(limit) + 1} OFFSET ${Math.floor(offset)}`;
}

/** An invalid regex must fail even when no row reaches the regex, so it is compiled up front (same round trip). */
export function regexCheckSql(filter: LogFilter): string {
  return filter.regex && filter.query
    ? `SELECT '' ${filter.caseInsensitive ? "~*" : "~"} ${literalBinder(filter.query)}; `
    : "";
}

export async function searchLogs(pool: pg.Pool, filter: LogFilter, opts: LogSearchOptions): Promise<LogSearchResult> {
  const limits = { timeoutMs: opts.timeoutMs ?? 5_000, graceMs: opts.deadlineGraceMs ?? SEARCH_DEADLINE_GRACE_MS };
  const cap = opts.countCap ?? 10_000;
  const check = regexCheckSql(filter);
  // The page and the count run side by side on two connections. Both are waited for even when one fails, so a
  // search has given its connections back when it returns (the caller's concurrency limit counts on it).
  const [pageResult, countResult] = await Promise.allSettled([
    queryWithDeadline<LogRow>(pool, limits, logPageSql(filter, opts.limit, opts.offset, opts.before), check),
    countMatches(pool, filter, cap, limits),
  ]);
  if (pageResult.status === "rejected") throw pageResult.reason;
  if (countResult.status === "rejected") throw countResult.reason;
  const page = pageResult.value;
  const count = countResult.value;
  const hasMore = page.rows.length > opts.limit;
  return { rows: page.rows.slice(0, opts.limit), hasMore, ...count };
}
