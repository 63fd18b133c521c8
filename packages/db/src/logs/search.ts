// Log search: newest first, keyset paging
// by (timestamp, id), a total that is exact up to `countCap` and a planner
// estimate beyond it (counting millions of matches exactly would cost as much
// as the search itself). Everything runs under a statement timeout; the
// caller maps Postgres' errors (57014 timeout, 2201B bad regex) to 4xx.
import type pg from "pg";

import { buildLogWhere, literalBinder, type LogFilter } from "./filter";

interface LogRow {
  id: string;
  timestamp: Date;
  level: string;
  service: string;
  message: string;
  request_id: string | null;
  user_id: string | null;
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
}

export interface LogSearchResult {
  rows: LogRow[];
  /** True when more rows follow the last one returned. */
  hasMore: boolean;
  total: number;
  totalIsEstimate: boolean;
}

/**
 * Runs `sql` under a statement timeout in one round trip: a multi-statement
 * simple query is one implicit transaction, so SET LOCAL applies to it and
 * ends with it. The simple protocol takes no bind parameters, so values are
 * inlined as escaped literals (literalBinder). Returns the last statement's result.
 */
async function withTimeout<T extends pg.QueryResultRow>(
  pool: pg.Pool,
  timeoutMs: number,
  sql: string,
  pre = "",
): Promise<pg.QueryResult<T>> {
  const results = (await pool.query(
    `SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}; ${pre}${sql}`,
  )) as unknown as pg.QueryResult<T>[];
  return results[results.length - 1]!;
}

async function countMatches(pool: pg.Pool, filter: LogFilter, cap: number, timeoutMs: number) {
  const where = buildLogWhere(filter, literalBinder);
  const exact = await withTimeout<{ n: number }>(
    pool,
    timeoutMs,
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM app_logs ${where} LIMIT ${cap + 1}) s`,
  );
  const n = exact.rows[0]?.n ?? 0;
  if (n <= cap) return { total: n, totalIsEstimate: false };
  const plan = await withTimeout<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    pool,
    timeoutMs,
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM app_logs ${where}`,
  );
  const estimate = Math.round(plan.rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  return { total: Math.max(cap + 1, estimate), totalIsEstimate: true };
}

/** The page query of a search (exported for the benchmark's direct-SQL baseline). @public (used by bench/logs/run.js through the build) */
export function logPageSql(
  filter: LogFilter,
  limit: number,
  offset: number,
  before?: LogSearchOptions["before"],
): string {
  const where = buildLogWhere(filter, literalBinder, { before });
  return `SELECT id::text, timestamp, level, service, message, request_id, user_id, metadata
            FROM app_logs ${where}
           ORDER BY timestamp DESC, id DESC
           LIMIT ${Math.floor(limit) + 1} OFFSET ${Math.floor(offset)}`;
}

export async function searchLogs(pool: pg.Pool, filter: LogFilter, opts: LogSearchOptions): Promise<LogSearchResult> {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const cap = opts.countCap ?? 10_000;
  // An invalid regex must fail even when no row reaches the regex, so compile it up front (same round trip).
  const check =
    filter.regex && filter.query
      ? `SELECT '' ${filter.caseInsensitive ? "~*" : "~"} ${literalBinder(filter.query)}; `
      : "";
  // The page and the count run side by side on two connections.
  const [page, count] = await Promise.all([
    withTimeout<LogRow>(pool, timeoutMs, logPageSql(filter, opts.limit, opts.offset, opts.before), check),
    countMatches(pool, filter, cap, timeoutMs),
  ]);
  const hasMore = page.rows.length > opts.limit;
  return { rows: page.rows.slice(0, opts.limit), hasMore, ...count };
}

/** Opaque keyset cursor: base64url of "<timestamp ISO>|<id>". */
export function encodeLogCursor(row: { timestamp: Date; id: string }): string {
  return Buffer.from(`${row.timestamp.toISOString()}|${row.id}`).toString("base64url");
}

/** Returns null when `cursor` is not one this API issued. */
export function decodeLogCursor(cursor: string): { timestamp: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(cursor)) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,19})$/.exec(
    Buffer.from(cursor, "base64url").toString(),
  );
  if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
  return { timestamp: m[1]!, id: m[2]! };
}
