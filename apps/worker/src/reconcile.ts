// Reconciliation of job records against Redis: repairs what the
// write-back missed (a worker killed before its flush, a full buffer, a
// Postgres outage). Two bounded passes per run, under a Redis lock so only one
// worker process reconciles at a time:
//  1. records not in a final status and not written for RECONCILE_STALE_AFTER_MS,
//     walked in (updated_at, id) order in chunks: each job's state is read from
//     Redis (requests issued together, not one round trip per job); a job gone
//     from Redis becomes 'removed', a job whose state moved on is upserted;
//  2. jobs finished in Redis within RECONCILE_LOOKBACK_MS (completed and failed
//     sets, newest first, in chunks): those whose record is missing or behind
//     are upserted.
// Redis is read after the record, so a repair replaces the record — but only
// the version it read (same updated_at): a worker write that landed meanwhile wins.
import { randomBytes } from "node:crypto";

import type { Logger } from "@opsdeck/core";
import {
  getJobRecords,
  type JobRecordRepair,
  listStaleJobRecords,
  markVanishedJobRecords,
  repairJobRecords,
  type StaleRecordCursor,
} from "@opsdeck/db";
import { type Redis } from "@opsdeck/redis";
import type { Queue } from "bullmq";
import type pg from "pg";

import { snapshotJob } from "./records";

export interface ReconcileOptions {
  /** Records per chunk. @defaultValue 500 */
  chunk: number;
  /** Chunks per pass per run. @defaultValue 20 */
  maxChunks: number;
  /** Non-final records younger than this are left alone, ms. */
  staleAfterMs: number;
  /** Finished jobs in Redis older than this are not compared, ms. */
  lookbackMs: number;
}

interface ReconcileResult {
  checked: number;
  repaired: number;
  removed: number;
}

export interface Reconciler {
  /** One run; null when another process holds the lock. */
  run(overrides?: Partial<ReconcileOptions>): Promise<ReconcileResult | null>;
}

// Compare-and-delete / compare-and-extend: touch the lock only while it is still ours.
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`;
/** Lock lifetime, ms: short, so a killed holder blocks others for at most this long; renewed while a run lasts. */
const LOCK_TTL_MS = 15_000;
const LOCK_RENEW_MS = 5_000;

export function createReconciler(deps: {
  pool: pg.Pool;
  queues: Queue[];
  redis: Redis;
  /** Redis key of the lock (under REDIS_KEY_PREFIX). */
  lockKey: string;
  options: ReconcileOptions;
  log: Logger;
}): Reconciler {
  const byName = new Map(deps.queues.map((q) => [q.name, q]));
  let cursor: StaleRecordCursor | null = null; // pass 1 resumes where the previous run stopped

  async function staleRecords(o: ReconcileOptions, result: ReconcileResult): Promise<void> {
    for (let i = 0; i < o.maxChunks; i++) {
      const { rows, next } = await listStaleJobRecords(deps.pool, [...byName.keys()], o.staleAfterMs, o.chunk, cursor);
      cursor = next;
      result.checked += rows.length;
      const snaps = await Promise.all(rows.map((r) => snapshotJob(byName.get(r.queue) as Queue, r.job_id)));
      const vanished = new Map<string, { jobId: string; updatedAt: Date }[]>();
      const repairs: JobRecordRepair[] = [];
      for (const [j, row] of rows.entries()) {
        const snap = snaps[j];
        if (snap === undefined) continue;
        if (snap === null) {
          const list = vanished.get(row.queue) ?? [];
          list.push({ jobId: row.job_id, updatedAt: row.updated_at });
          vanished.set(row.queue, list);
        } else if (
          snap.status !== row.status ||
          snap.attempt !== row.attempt ||
          snap.phase !== row.phase ||
          snap.attemptsMade !== row.attempts_made
        ) {
          repairs.push({ record: snap, seenUpdatedAt: row.updated_at });
        }
      }
      result.repaired += await repairJobRecords(deps.pool, repairs);
      for (const [queue, seen] of vanished) result.removed += await markVanishedJobRecords(deps.pool, queue, seen);
      if (!next) return;
    }
  }

  async function finishedJobs(o: ReconcileOptions, result: ReconcileResult): Promise<void> {
    const since = Date.now() - o.lookbackMs;
    for (const queue of byName.values()) {
      for (const state of ["completed", "failed"] as const) {
        for (let i = 0; i < o.maxChunks; i++) {
          // Scores are finishedOn (ms); newest first.
          const ids = await deps.redis.zrevrangebyscore(
            queue.toKey(state),
            "+inf",
            since,
            "LIMIT",
            i * o.chunk,
            o.chunk,
          );
          result.checked += ids.length;
          const records = new Map((await getJobRecords(deps.pool, queue.name, ids)).map((r) => [r.job_id, r]));
          const behind = ids.filter((id) => records.get(id)?.status !== state);
          const snaps = await Promise.all(behind.map((id) => snapshotJob(queue, id)));
          const repairs = snaps.flatMap((snap) =>
            snap ? [{ record: snap, seenUpdatedAt: records.get(snap.jobId)?.updated_at ?? null }] : [],
          );
          result.repaired += await repairJobRecords(deps.pool, repairs);
          if (ids.length < o.chunk) break;
        }
      }
    }
  }

  return {
    async run(overrides = {}) {
      const o = { ...deps.options, ...overrides };
      const token = randomBytes(12).toString("hex");
      const got = await deps.redis.set(deps.lockKey, token, "PX", LOCK_TTL_MS, "NX");
      if (got !== "OK") return null;
      const result: ReconcileResult = { checked: 0, repaired: 0, removed: 0 };
      const renew = setInterval(() => {
        deps.redis.eval(EXTEND, 1, deps.lockKey, token, LOCK_TTL_MS).catch(() => undefined);
      }, LOCK_RENEW_MS);
      renew.unref();
      try {
        await staleRecords(o, result);
        await finishedJobs(o, result);
      } finally {
        clearInterval(renew);
        await deps.redis.eval(RELEASE, 1, deps.lockKey, token).catch((err: unknown) => {
          deps.log.warn("cannot release the reconciliation lock; it expires by itself", { err });
        });
      }
      if (result.repaired || result.removed) deps.log.info("job records reconciled", { ...result });
      return result;
    },
  };
}
