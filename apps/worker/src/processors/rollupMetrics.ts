// Metric rollups (`metric-rollups`; SPEC §9), scheduled by the worker
// (schedule.ts):
//  - every minute: reconciliation of job records against Redis; the live
//    SMTP checks of the email integrations; metric buckets, hourly/daily
//    compaction and retention, then alert evaluation (rollups/tick.ts, over
//    the runtime's Redis client and alert-webhooks producer);
//    DNSBL lookups of the sending IPs every 15 minutes;
//  - hourly ('maintenance'): also request logs past REQUEST_LOG_RETENTION_DAYS
//    (default 30), worker heartbeats not seen for HEARTBEAT_RETENTION_DAYS (7),
//    log partitions (created 7 days ahead, dropped past LOG_RETENTION_DAYS),
//    and expired log exports with their files.
// Every step is idempotent, so a tick that runs twice (at least once delivery,
// several workers) does no harm; reconciliation takes its own Redis lock. A
// step that fails is logged and recorded in the result without stopping the
// others, so one broken dependency (say, a DNS resolver) cannot stall rollups.
import type { Keyring, MetricRollupPayload, Redis } from "@opsdeck/core";
import {
  createLocalExportStore,
  deleteExpiredExports,
  deleteOldRequestLogs,
  dropExpiredLogPartitions,
  ensureLogPartitions,
  pruneWorkerHeartbeats,
} from "@opsdeck/db";

import { checkIntegrations } from "../email/checks";
import { checkDnsbl } from "../email/dnsbl";
import type { Reconciler } from "../reconcile";
import type { AlertEvent } from "../rollups/context";
import { rollupOptions, runMetricsTick } from "../rollups/tick";
import type { Processor, ProcessorContext } from "./types";

/** Minutes between DNSBL lookups (SPEC §9: every 15 min). */
const DNSBL_EVERY_MINUTES = 15;

async function step(ctx: ProcessorContext, name: string, fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn();
  } catch (err) {
    ctx.log.warn("maintenance step failed", { step: name, err });
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** What the tick uses, built once by the runtime. */
export interface RollupMetricsDeps {
  reconciler: Reconciler;
  /** The rollups' and alert rules' Redis client; its command deadline suits their probes. */
  redis: Redis;
  /** Opens the SMTP integrations' credentials for their checks. */
  keyring: Keyring;
  /** Queues alert changes on alert-webhooks; absent while ALERT_WEBHOOK_URL is unset. */
  notify?: (events: AlertEvent[]) => Promise<void>;
}

export function createRollupMetrics(deps: RollupMetricsDeps): Processor<MetricRollupPayload> {
  return async (_job, payload, ctx) => {
    const result: Record<string, unknown> = { kind: payload.kind };
    result.reconcile = await step(
      ctx,
      "reconcile",
      async () => (await deps.reconciler.run()) ?? "skipped: another worker holds the lock",
    );
    if (payload.kind !== "maintenance") {
      // SMTP health first, so this tick's alert rules see it.
      result.smtp_checks = await step(
        ctx,
        "smtp_checks",
        async () => (await checkIntegrations(ctx, deps.keyring)).length,
      );
      if (new Date().getUTCMinutes() % DNSBL_EVERY_MINUTES === 0) {
        result.dnsbl = await step(ctx, "dnsbl", async () => (await checkDnsbl(ctx)).length);
      }
      // Rollups (minute buckets, hourly/daily compaction by watermark, retention), then alert rules.
      result.metrics = await runMetricsTick({
        pool: ctx.db.pool,
        poolMax: ctx.config.DB_POOL_SIZE,
        redis: deps.redis,
        queuePrefix: ctx.config.QUEUE_PREFIX,
        log: ctx.log,
        options: rollupOptions(ctx.config),
        ...(deps.notify ? { notify: deps.notify } : {}),
      });
    }
    if (payload.kind === "maintenance") {
      const pool = ctx.db.pool;
      const c = ctx.config;
      result.request_logs_deleted = await step(ctx, "request_logs", () =>
        deleteOldRequestLogs(pool, c.REQUEST_LOG_RETENTION_DAYS),
      );
      result.heartbeats_pruned = await step(ctx, "heartbeats", () =>
        pruneWorkerHeartbeats(pool, c.HEARTBEAT_RETENTION_DAYS),
      );
      result.log_partitions_created = await step(ctx, "log_partitions", () => ensureLogPartitions(pool, 7));
      result.log_partitions_dropped = await step(ctx, "log_retention", () =>
        dropExpiredLogPartitions(pool, c.LOG_RETENTION_DAYS),
      );
      result.exports_expired = await step(ctx, "exports", () =>
        deleteExpiredExports(pool, createLocalExportStore(c.EXPORT_DIR)),
      );
      ctx.log.info("maintenance done", result);
    }
    return result;
  };
}
