// The metric-rollups job's metrics step (hooked into processors/rollupMetrics.ts):
// opens what a run needs — a Redis client for the samples and, when a webhook
// is configured, a producer for the catalog's alert-webhooks queue — runs the
// rollups then the alert rules, and closes them. One connection per run (once a
// minute) keeps the processor free of process-wide state.
import { createRedis } from "@opsdeck/core";
import { BUCKET_MS } from "@opsdeck/db";
import { Queue } from "bullmq";

import type { WorkerConfig } from "../config";
import type { ProcessorContext } from "../processors/types";
import { DEFAULT_ROLLUP_OPTIONS, type MetricsContext, type RollupOptions } from "./context";
import { evaluateAlerts } from "./evaluateAlerts";
import { runRollups } from "./runRollups";
import { alertWebhookJobOptions, enqueueWebhooks } from "./webhooks";

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
    keyPrefix: config.REDIS_KEY_PREFIX,
  };
}

export async function runMetricsTick(ctx: ProcessorContext): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const redis = createRedis(config.REDIS_URL, {
    name: "opsdeck-worker-rollups",
    commandTimeoutMs: config.PROBE_TIMEOUT_MS * 5,
    // A fresh client: queue the first commands until it connects (each is still bounded by a timeout).
    offlineQueue: true,
    onError: () => undefined, // reported by the run itself (warnings, service_status)
  });
  const queue = config.ALERT_WEBHOOK_URL
    ? new Queue("alert-webhooks", { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX })
    : null;
  queue?.on("error", () => undefined);
  const mctx: MetricsContext = {
    pool: ctx.db.pool,
    poolMax: config.DB_POOL_SIZE,
    redis,
    queuePrefix: config.QUEUE_PREFIX,
    log: ctx.log,
    options: rollupOptions(config),
    ...(queue ? { notify: (events) => enqueueWebhooks(queue, alertWebhookJobOptions(config), events) } : {}),
  };
  try {
    const rollups = await runRollups(mctx);
    const alerts = await evaluateAlerts(mctx);
    return {
      rollups,
      alerts: { firing: alerts.firing, opened: alerts.opened.length, resolved: alerts.resolved.length },
    };
  } finally {
    await queue?.close().catch(() => undefined);
    redis.disconnect();
  }
}
