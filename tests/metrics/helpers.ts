// Shared by the metrics and alert tests: a MetricsContext over a test app's
// database and Redis prefix, request-log rows with known response times, and
// linear-interpolation percentiles (what Postgres's percentile_cont computes).
import type pg from "pg";

import type { MetricsContext } from "../../apps/worker/src/rollups/context";
import { DEFAULT_ROLLUP_OPTIONS } from "../../apps/worker/src/rollups/context";
import { createLogger } from "../../packages/core/src";
import { DEFAULT_RETENTION_MS } from "../../packages/db/src";
import { createRedis, type Redis } from "../../packages/redis/src";
import type { TestApp } from "../helpers/testApp";

export function metricsContext(
  t: TestApp,
  redis: Redis,
  extra: Partial<MetricsContext> & { thresholds?: MetricsContext["options"]["thresholds"] } = {},
): MetricsContext {
  const { thresholds, ...rest } = extra;
  return {
    pool: t.deps.db.pool,
    poolMax: t.deps.config.DB_POOL_SIZE,
    redis,
    queuePrefix: t.env.queuePrefix,
    log: createLogger({ service: "worker", level: "error", silent: true }),
    options: {
      ...DEFAULT_ROLLUP_OPTIONS,
      retentionMs: DEFAULT_RETENTION_MS,
      thresholds: thresholds ?? {},
      keyPrefix: t.env.keyPrefix,
    },
    ...rest,
  };
}

export function testRedis(url: string): Redis {
  return createRedis(url, { offlineQueue: true, commandTimeoutMs: 5_000 });
}

/** percentile_cont: linear interpolation between the closest ranks of the sorted values. */
export function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export async function insertRequestLogs(
  pool: pg.Pool,
  rows: { at: Date; route: string; status: number; ms: number }[],
): Promise<void> {
  await pool.query(
    `INSERT INTO request_logs (timestamp, request_id, method, endpoint, route, status_code, response_time,
                               request_size, response_size)
     SELECT at, 'req_' || ord, 'GET', route, route, status, ms, 0, 0
       FROM unnest($1::timestamptz[], $2::text[], $3::smallint[], $4::real[]) WITH ORDINALITY AS x(at, route, status, ms, ord)`,
    [rows.map((r) => r.at), rows.map((r) => r.route), rows.map((r) => r.status), rows.map((r) => r.ms)],
  );
}
