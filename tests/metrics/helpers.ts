// Shared by the metrics and alert tests: a MetricsContext over a test app's
// database and Redis prefix, request-log rows with known response times,
// linear-interpolation percentiles (what Postgres's percentile_cont computes),
// and for job latency: finished job records with chosen times, exact
// nearest-rank percentiles and the documented bound of the histograms' ones.
import type pg from "pg";

import type { MetricsContext } from "../../apps/worker/src/rollups/context";
import { DEFAULT_ROLLUP_OPTIONS } from "../../apps/worker/src/rollups/context";
import { createLogger } from "../../packages/core/src";
import { DEFAULT_RETENTION_MS, latencyBucketOf } from "../../packages/db/src";
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

/** Nearest-rank percentile: the smallest sample with at least p of the samples at or below it. */
export function nearestRank(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(1, Math.ceil(p * s.length)) - 1] as number;
}

/** The histogram the rollups would store for these whole-ms times. */
export function histogramOf(values: number[]): number[] {
  const h: number[] = [];
  for (const v of values) {
    const i = latencyBucketOf(v);
    while (h.length <= i) h.push(0);
    h[i] = (h[i] as number) + 1;
  }
  return h;
}

/** The documented bound of a latency percentile: 2^(1/16) - 1 of the exact value, or 0.5 ms below 2 ms (+ rounding to 0.01). */
export function expectWithinLatencyBound(estimate: number | null | undefined, exact: number): void {
  expect(estimate).not.toBeNull();
  expect(estimate).toBeDefined();
  const bound = Math.max(0.5, exact * (2 ** (1 / 16) - 1)) + 0.005;
  if (Math.abs((estimate as number) - exact) > bound)
    throw new Error(`estimate ${estimate} is not within ${bound} of the exact ${exact}`);
}

export interface TimedJob {
  queue: string;
  name: string;
  /** created → processed, ms */
  waitMs: number;
  /** processed → finished, ms */
  processingMs: number;
  finishedAt: Date;
  status?: "completed" | "failed";
}

/** Finished job records with chosen times (any queue, as the write-back or another service's records would be). */
export async function insertTimedJobs(pool: pg.Pool, jobs: TimedJob[]): Promise<void> {
  const finished = jobs.map((j) => j.finishedAt.getTime());
  await pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, created_at, processed_at, finished_at)
     SELECT queue, 'timed-' || ord || '-' || md5(random()::text), name, status,
            to_timestamp((fin - proc - wait) / 1000.0), to_timestamp((fin - proc) / 1000.0), to_timestamp(fin / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[])
            WITH ORDINALITY AS j(queue, name, status, wait, proc, fin, ord)`,
    [
      jobs.map((j) => j.queue),
      jobs.map((j) => j.name),
      jobs.map((j) => j.status ?? "completed"),
      jobs.map((j) => j.waitMs),
      jobs.map((j) => j.processingMs),
      finished,
    ],
  );
}
