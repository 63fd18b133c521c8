// Metric rollups (`metric-rollups`; SPEC §9), scheduled by the worker
// (schedule.ts). For now it runs the maintenance that exists:
//  - every tick ('minute'): reconciliation of job records against Redis;
//  - hourly ('maintenance'): also request logs past REQUEST_LOG_RETENTION_DAYS
//    (default 30) and worker heartbeats not seen for HEARTBEAT_RETENTION_DAYS (7).
// Each step is idempotent, so a tick that runs twice (at least once delivery,
// several workers) does no harm; reconciliation takes its own Redis lock.
// Metric buckets, compaction and alert evaluation join this processor later.
import type { MetricRollupPayload } from "@opsdeck/core";
import { deleteOldRequestLogs, pruneWorkerHeartbeats } from "@opsdeck/db";

import type { Reconciler } from "../reconcile";
import { runMetricsTick } from "../rollups/tick";
import type { Processor } from "./types";

export function createRollupMetrics(reconciler: Reconciler): Processor<MetricRollupPayload> {
  return async (_job, payload, ctx) => {
    const result: Record<string, unknown> = { kind: payload.kind };
    result.reconcile = (await reconciler.run()) ?? "skipped: another worker holds the lock";
    // Rollups (minute buckets, hourly/daily compaction by watermark, retention), then alert rules.
    if (payload.kind !== "maintenance") result.metrics = await runMetricsTick(ctx);
    if (payload.kind === "maintenance") {
      result.request_logs_deleted = await deleteOldRequestLogs(ctx.db.pool, ctx.config.REQUEST_LOG_RETENTION_DAYS);
      result.heartbeats_pruned = await pruneWorkerHeartbeats(ctx.db.pool, ctx.config.HEARTBEAT_RETENTION_DAYS);
      ctx.log.info("maintenance done", result);
    }
    return result;
  };
}
