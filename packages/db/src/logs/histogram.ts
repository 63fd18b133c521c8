// How many logs a search matches over time: the window cut into equal
// buckets, counted in one GROUP BY over the same WHERE clause as the search
// (filter.ts), under the same statement timeout and deadline. Buckets with no
// match are returned as zeros so the caller can draw the series as it is.
import type pg from "pg";

import { buildLogWhere, literalBinder, type LogFilter } from "./filter";
import { type Limits, queryWithDeadline, regexCheckSql } from "./search";

export interface LogHistogram {
  /** Width of each bucket, ms. */
  bucketMs: number;
  /** Matches per bucket, oldest first; bucket i starts at start + i·bucketMs. */
  counts: number[];
}

/**
 * Counts the matches of `filter` in `buckets` equal slices of [start, end]
 * (both epoch ms; end inclusive, so a match at `end` counts in the last bucket).
 */
export async function logHistogram(
  pool: pg.Pool,
  filter: LogFilter,
  window: { start: number; end: number; buckets: number },
  limits: Limits,
): Promise<LogHistogram> {
  const n = Math.max(1, Math.floor(window.buckets));
  // At least 1 ms per bucket, so an empty or tiny window still divides.
  const bucketMs = Math.max(1, Math.ceil((window.end - window.start) / n));
  const startIso = new Date(window.start).toISOString();
  const where = buildLogWhere(
    { ...filter, startTime: startIso, endTime: new Date(window.end).toISOString() },
    literalBinder,
  );
  const sql = `SELECT LEAST(${n - 1}, floor(extract(epoch FROM timestamp - ${literalBinder(startIso)}::timestamptz) * 1000 / ${bucketMs}))::int AS b,
                      count(*)::int AS n
                 FROM app_logs ${where}
                GROUP BY 1`;
  const r = await queryWithDeadline<{ b: number; n: number }>(pool, limits, sql, regexCheckSql(filter));
  const counts = new Array<number>(n).fill(0);
  for (const row of r.rows) if (row.b >= 0 && row.b < n) counts[row.b] = row.n;
  return { bucketMs, counts };
}
