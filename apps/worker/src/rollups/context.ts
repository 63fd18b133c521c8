// What the rollups and the alert rules need: the database, Redis, the BullMQ
// key prefix, a clock (tests move it forward to close a minute) and options.
import type { AlertThresholdsConfig, Logger } from "@opsdeck/core";
import type { AlertRow, Granularity } from "@opsdeck/db";
import { type Redis } from "@opsdeck/redis";
import type pg from "pg";

export interface RollupOptions {
  /** Retention per granularity, ms (defaults: minute 48 h, hour 35 d, day 400 d). */
  retentionMs: Record<Granularity, number>;
  /** Most minutes one run rolls up; a longer gap is caught up over the next runs. @defaultValue 180 */
  maxBackfillMinutes: number;
  /** Minutes before the watermark recomputed each run, for request logs that arrive late. @defaultValue 2 */
  overlapMinutes: number;
  /** A minute is closed this long after it ends, ms (request logs are written in batches). @defaultValue 5000 */
  lagMs: number;
  /** Deadline of each Redis/Postgres measurement, ms. @defaultValue 1000 */
  probeTimeoutMs: number;
  thresholds: AlertThresholdsConfig;
  /** Job names per queue and bucket with their own latency rows; the rest are summed as '(other)'. @defaultValue 10 */
  latencyTopNames: number;
  /** Prefix of Opsdeck's own Redis keys (dropped-log reports). */
  keyPrefix: string;
}

export interface AlertEvent {
  event: "opened" | "resolved";
  alert: AlertRow;
}

export interface MetricsContext {
  pool: pg.Pool;
  /** The pool's size, for OLTP Database pool usage. */
  poolMax: number;
  redis: Redis;
  queuePrefix: string;
  log: Logger;
  options: RollupOptions;
  /** Defaults to the wall clock. */
  now?: () => Date;
  /** Delivers alert changes (the alert-webhooks queue); absent when no webhook is configured. */
  notify?: (events: AlertEvent[]) => Promise<void>;
}

export const DEFAULT_ROLLUP_OPTIONS = {
  maxBackfillMinutes: 180,
  overlapMinutes: 2,
  lagMs: 5_000,
  probeTimeoutMs: 1_000,
  latencyTopNames: 10,
} as const;

/** Most hour / day buckets compacted per run (each reads its raw request logs); the rest follow next run. */
export const MAX_HOURS_PER_RUN = 6;
export const MAX_DAYS_PER_RUN = 1;
