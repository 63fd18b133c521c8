// The metrics step of the scheduled minute tick (scheduled/minute.ts): the
// rollups (minute buckets, hourly/daily compaction by watermark, retention),
// then the alert rules over what they measured. The Redis client and the
// alert-webhooks producer behind `notify` are the runtime's, built once.
import { BUCKET_MS } from "@opsdeck/db";

import type { WorkerConfig } from "../config";
import { DEFAULT_ROLLUP_OPTIONS, type MetricsContext, type RollupOptions } from "./context";
import { evaluateAlerts } from "./evaluateAlerts";
import { runRollups } from "./runRollups";

export function rollupOptions(config: WorkerConfig): RollupOptions {
  return {
    ...DEFAULT_ROLLUP_OPTIONS,
    retentionMs: {
      minute: config.METRICS_MINUTE_RETENTION_HOURS * BUCKET_MS.hour,
      hour: config.METRICS_HOUR_RETENTION_DAYS * BUCKET_MS.day,
      day: config.METRICS_DAY_RETENTION_DAYS * BUCKET_MS.day,
    },
    maxBackfillMinutes: config.ROLLUP_MAX_BACKFILL_MINUTES,
    probeTimeoutMs: config.PROBE_TIMEOUT_MS,
    thresholds: config.ALERT_THRESHOLDS,
    latencyTopNames: config.METRICS_LATENCY_TOP_NAMES,
    keyPrefix: config.REDIS_KEY_PREFIX,
  };
}

export async function runMetricsTick(mctx: MetricsContext): Promise<Record<string, unknown>> {
  const rollups = await runRollups(mctx);
  const alerts = await evaluateAlerts(mctx);
  return {
    rollups,
    alerts: { firing: alerts.firing, opened: alerts.opened.length, resolved: alerts.resolved.length },
  };
}
