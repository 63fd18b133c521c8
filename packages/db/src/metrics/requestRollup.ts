// API request rollups, computed from request_logs for a time range at one
// granularity: counts, 5xx and 4xx, the duration sum (so averages merge) and
// exact p50/p95/p99 (percentile_cont over the raw rows — an hour's or a day's
// percentiles are recomputed from the raw logs, never averaged from minutes).
// Rows per route template plus '*' for all routes (GROUPING SETS). Each
// bucket is an upsert with the recomputed values, so repeating or
// overlapping a range changes nothing that is already right.
import type pg from "pg";

import type { Granularity } from "./buckets";

/** Buckets in [from, to) are (re)computed; `from` and `to` should be bucket-aligned. */
export async function rollupRequests(pool: pg.Pool, g: Granularity, from: Date, to: Date): Promise<number> {
  const r = await pool.query(
    `INSERT INTO request_metrics (granularity, bucket, route, requests, errors, client_errors,
                                  duration_sum_ms, p50_ms, p95_ms, p99_ms, max_ms)
     SELECT $1, b, route, requests, errors, client_errors, duration_sum_ms, pc[1], pc[2], pc[3], max_ms
       FROM (SELECT b, CASE WHEN GROUPING(r) = 1 THEN '*' ELSE r END AS route,
                    count(*) AS requests,
                    count(*) FILTER (WHERE status_code >= 500) AS errors,
                    count(*) FILTER (WHERE status_code BETWEEN 400 AND 499) AS client_errors,
                    sum(ms) AS duration_sum_ms,
                    percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS pc,
                    max(ms) AS max_ms
               FROM (SELECT date_trunc($2, "timestamp", 'UTC') AS b, COALESCE(route, '(unmatched)') AS r,
                            status_code, response_time::float8 AS ms
                       FROM request_logs WHERE "timestamp" >= $3 AND "timestamp" < $4) raw
              GROUP BY GROUPING SETS ((b, r), (b))) s
     ON CONFLICT (granularity, route, bucket) DO UPDATE SET
       requests = EXCLUDED.requests, errors = EXCLUDED.errors, client_errors = EXCLUDED.client_errors,
       duration_sum_ms = EXCLUDED.duration_sum_ms, p50_ms = EXCLUDED.p50_ms, p95_ms = EXCLUDED.p95_ms,
       p99_ms = EXCLUDED.p99_ms, max_ms = EXCLUDED.max_ms`,
    [g, g, from, to],
  );
  return r.rowCount ?? 0;
}
