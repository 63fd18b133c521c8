// Bulk retry, clean and promote, chunked (SPEC §4, issue 3 benchmark 3):
// each Redis call moves at most CHUNK jobs, so a 100,000-job operation is
// ~100 short scripts with other clients served in between, and only one
// chunk of ids is ever in memory. The ids of every chunk update the job
// records in Postgres. Each operation uses BullMQ's own scripts.
import type { Redis } from "@opsdeck/core";
import { markJobRecords } from "@opsdeck/db";
import type { Queue } from "bullmq";
import type pg from "pg";

import { pipelineValues } from "./connection";

/** Jobs per Redis call. */
export const CHUNK = 1_000;

export interface BulkCtx {
  redis: Redis;
  pool: pg.Pool;
  prefix: string;
  queue: Queue;
}

const key = (c: BulkCtx, s: string) => `${c.prefix}:${c.queue.name}:${s}`;

/**
 * Moves up to `limit` failed/completed jobs finished at or before `cutoff` (ms)
 * back to wait. Each chunk reads the ids the script will take (the same
 * ZRANGEBYSCORE 0 cutoff LIMIT 0 n) so their records can be updated.
 */
export async function retryFinished(
  c: BulkCtx,
  state: "failed" | "completed",
  cutoff: number,
  limit: number,
): Promise<number> {
  let retried = 0;
  while (retried < limit) {
    const n = Math.min(CHUNK, limit - retried);
    const ids = await c.redis.zrangebyscore(key(c, state), 0, cutoff, "LIMIT", 0, n);
    if (ids.length === 0) break;
    await c.queue.backend.retryFinishedJobs(state, ids.length, cutoff);
    retried += ids.length;
    await markJobRecords(c.pool, c.queue.name, ids, "waiting");
    if (ids.length < n) break;
  }
  return retried;
}

export async function countFinished(c: BulkCtx, state: "failed" | "completed", cutoff: number, limit: number) {
  return Math.min(limit, await c.redis.zcount(key(c, state), 0, cutoff));
}

/** Promotes up to `limit` delayed jobs (earliest due first) to wait. */
export async function promoteDelayed(c: BulkCtx, limit: number): Promise<number> {
  let promoted = 0;
  while (promoted < limit) {
    const n = Math.min(CHUNK, limit - promoted);
    const ids = await c.redis.zrange(key(c, "delayed"), 0, String(n - 1));
    if (ids.length === 0) break;
    await c.queue.backend.promoteJobs(ids.length);
    promoted += ids.length;
    await markJobRecords(c.pool, c.queue.name, ids, "waiting");
    if (ids.length < n) break;
  }
  return promoted;
}

export type CleanState = "completed" | "failed" | "delayed" | "wait" | "paused" | "prioritized";

/** Deletes up to `limit` jobs of `state` older than the grace period, a chunk per call (Queue#clean). */
export async function cleanState(c: BulkCtx, state: CleanState, graceMs: number, limit: number): Promise<number> {
  let deleted = 0;
  while (deleted < limit) {
    const n = Math.min(CHUNK, limit - deleted);
    const ids = await c.queue.clean(graceMs, n, state);
    deleted += ids.length;
    await markJobRecords(c.pool, c.queue.name, ids, "removed");
    // BullMQ's clean stops the same way: a short chunk means the rest is within the grace period.
    if (ids.length < n) break;
  }
  return deleted;
}

/** Which timestamp BullMQ's clean compares per state (cleanJobsInSet-3.lua). */
const CLEAN_FIELDS: Record<Exclude<CleanState, "completed" | "failed">, string[]> = {
  delayed: ["processedOn", "timestamp"],
  prioritized: ["timestamp"],
  wait: ["finishedOn", "processedOn", "timestamp"],
  paused: ["finishedOn", "processedOn", "timestamp"],
};

/**
 * Dry run of cleanState: walks the state in the order clean does (sets by score,
 * lists from the oldest end), a chunk at a time, and stops where clean would.
 */
export async function countCleanable(c: BulkCtx, state: CleanState, graceMs: number, limit: number): Promise<number> {
  const cutoff = Date.now() - graceMs;
  if (state === "completed" || state === "failed") {
    return Math.min(limit, await c.redis.zcount(key(c, state), 0, cutoff));
  }
  const fields = CLEAN_FIELDS[state];
  const isList = state === "wait" || state === "paused";
  let matched = 0;
  let offset = 0;
  while (matched < limit) {
    const n = Math.min(CHUNK, limit - matched);
    const ids = isList
      ? await c.redis.lrange(key(c, state), -(offset + n), -(offset + 1))
      : await c.redis.zrange(key(c, state), offset, String(offset + n - 1));
    if (ids.length === 0) break;
    const p = c.redis.pipeline();
    for (const id of ids) p.hmget(key(c, id), ...fields);
    const stamps = pipelineValues(await p.exec()) as (string | null)[][];
    const m = stamps.filter((vals) => {
      const first = (vals ?? []).find((v) => v !== null && v !== "");
      return first === undefined || Number(first) <= cutoff;
    }).length;
    matched += m;
    offset += ids.length;
    if (m < ids.length || ids.length < n) break;
  }
  return matched;
}
