// The scheduled tick's hourly steps ('maintenance'): request logs past
// REQUEST_LOG_RETENTION_DAYS, worker and API heartbeats not seen for
// HEARTBEAT_RETENTION_DAYS, log partitions (created LOG_PARTITIONS_AHEAD_DAYS
// ahead, archived then dropped past LOG_RETENTION_DAYS), log archives past
// LOG_ARCHIVE_RETENTION_DAYS (when set), expired log exports with their files,
// and expired Idempotency-Keys of email send requests.
import {
  archiveExpiredLogPartitions,
  deleteExpiredExports,
  deleteOldRequestLogs,
  dropExpiredLogPartitions,
  ensureLogPartitions,
  expireLogArchives,
  fileStoreFor,
  pruneApiHeartbeats,
  pruneIdempotencyKeys,
  pruneWorkerHeartbeats,
} from "@opsdeck/db";

import type { ProcessorContext } from "../processors/types";
import { step } from "./step";

/** Daily log partitions kept ready ahead of today, days. */
const LOG_PARTITIONS_AHEAD_DAYS = 7;

/** Archives (unless LOG_ARCHIVE=false), verifies, then drops the expired log partitions; returns the dropped names. */
async function logRetention(ctx: ProcessorContext): Promise<string[]> {
  const c = ctx.config;
  if (!c.LOG_ARCHIVE) return dropExpiredLogPartitions(ctx.db.pool, c.LOG_RETENTION_DAYS);
  const r = await archiveExpiredLogPartitions(ctx.db.pool, fileStoreFor(c), c.LOG_RETENTION_DAYS);
  for (const f of r.failed) {
    // The partition is kept and log_archives says why (GET /logs/archives); the error here is for operators.
    ctx.log.error("log archive failed; partition kept", { day: f.day, reason: f.reason, err: f.err });
  }
  if (r.failed.length > 0) throw new Error(`${r.failed.length} log archive(s) failed; partitions kept`);
  return r.dropped;
}

/**
 * Deletes the archives past LOG_ARCHIVE_RETENTION_DAYS, file first; null when it is 0 (kept forever). Days whose
 * file could not be deleted are in `failed` and logged at warn: their rows stay, and the next run tries again.
 */
async function archiveExpiry(ctx: ProcessorContext): Promise<{ expired: string[]; failed: string[] } | null> {
  const c = ctx.config;
  if (c.LOG_ARCHIVE_RETENTION_DAYS === 0) return null;
  const r = await expireLogArchives(ctx.db.pool, fileStoreFor(c), c.LOG_ARCHIVE_RETENTION_DAYS);
  if (r.failed.length > 0) {
    ctx.log.warn("log archive files could not be deleted; retried next run", {
      count: r.failed.length,
      days: r.failed.slice(0, 10).map((f) => f.day),
      err: r.failed[0]!.err,
    });
  }
  return { expired: r.expired, failed: r.failed.map((f) => f.day) };
}

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
    log_partitions_dropped: await step(log, "log_retention", () => logRetention(ctx)),
    log_archives_expired: await step(log, "log_archive_expiry", () => archiveExpiry(ctx)),
    exports_expired: await step(log, "exports", async () => {
      const r = await deleteExpiredExports(pool, fileStoreFor(c));
      // The rows stay unexpired, so the next run tries again; say so rather than fail the step.
      if (r.failed.length > 0) {
        log.warn("export files could not be deleted; retried next run", {
          count: r.failed.length,
          export_ids: r.failed.slice(0, 10),
        });
      }
      return r.expired;
    }),
    idempotency_keys_pruned: await step(log, "idempotency_keys", () => pruneIdempotencyKeys(pool)),
  };
}
