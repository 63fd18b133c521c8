// The scheduled tick's hourly steps ('maintenance'): request logs past
// REQUEST_LOG_RETENTION_DAYS, worker and API heartbeats not seen for
// HEARTBEAT_RETENTION_DAYS, log partitions (created LOG_PARTITIONS_AHEAD_DAYS
// ahead, dropped past LOG_RETENTION_DAYS), expired log exports with their
// files, and expired Idempotency-Keys of email send requests.
import {
  createLocalExportStore,
  deleteExpiredExports,
  deleteOldRequestLogs,
  dropExpiredLogPartitions,
  ensureLogPartitions,
  pruneApiHeartbeats,
  pruneIdempotencyKeys,
  pruneWorkerHeartbeats,
} from "@opsdeck/db";

import type { ProcessorContext } from "../processors/types";
import { step } from "./step";

/** Daily log partitions kept ready ahead of today, days. */
const LOG_PARTITIONS_AHEAD_DAYS = 7;

export async function runHourlySteps(ctx: ProcessorContext): Promise<Record<string, unknown>> {
  const pool = ctx.db.pool;
  const c = ctx.config;
  const { log } = ctx;
  return {
    request_logs_deleted: await step(log, "request_logs", () =>
      deleteOldRequestLogs(pool, c.REQUEST_LOG_RETENTION_DAYS),
    ),
    heartbeats_pruned: await step(log, "heartbeats", () => pruneWorkerHeartbeats(pool, c.HEARTBEAT_RETENTION_DAYS)),
    api_heartbeats_pruned: await step(log, "api_heartbeats", () =>
      pruneApiHeartbeats(pool, c.HEARTBEAT_RETENTION_DAYS),
    ),
    log_partitions_created: await step(log, "log_partitions", () =>
      ensureLogPartitions(pool, LOG_PARTITIONS_AHEAD_DAYS),
    ),
    log_partitions_dropped: await step(log, "log_retention", () =>
      dropExpiredLogPartitions(pool, c.LOG_RETENTION_DAYS),
    ),
    exports_expired: await step(log, "exports", () => deleteExpiredExports(pool, createLocalExportStore(c.EXPORT_DIR))),
    idempotency_keys_pruned: await step(log, "idempotency_keys", () => pruneIdempotencyKeys(pool)),
  };
}
