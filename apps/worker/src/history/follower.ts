// The history follower: durable job records for every queue under
// QUEUE_PREFIX that Opsdeck's workers do not serve (catalog queues are written
// by the write-back, records.ts), from BullMQ's own event streams, which every
// BullMQ client in every language writes.
//
// - Leases: each stream is followed by one process at a time. Every
//   HISTORY_DISCOVERY_MS the queues are discovered again and the leases
//   nobody holds are taken (SET NX PX, packages/redis/src/streamLeases.ts);
//   held ones are renewed every third of HISTORY_LEASE_MS. Taking a lease
//   claims the queue's Postgres position, which bumps its epoch: from then
//   on a previous holder's commits are refused (db streamPositions.ts).
// - Reading: one XREAD over every held stream on a blocking connection of
//   its own, HISTORY_BATCH entries per stream at most; then one pipeline
//   with the streams' XINFO (gap check) and the named jobs' hashes.
// - Writing: a stream's batch becomes record upserts and events
//   (translate.ts), committed with the stream's new position in one
//   transaction, so a follower killed anywhere resumes exactly after what is
//   committed, and a replayed entry changes nothing (fenced upserts, events
//   keyed by attempt).
// - Gaps: when entries after the saved position were trimmed unread (XINFO
//   STREAM says more entries are gone than the stream had been given before
//   the position, see packages/redis/src/bullmq/events.ts), or a first start
//   finds older entries gone or skips them (HISTORY_BACKFILL_MAX), the queue
//   is reconciled from Redis:
//   its jobs that changed since the saved position are written from their
//   hashes, flagged history_incomplete (repair.ts).
import { randomUUID } from "node:crypto";

import { isCatalogQueue, type Logger, type RedisTarget } from "@opsdeck/core";
import { claimStreamPosition, commitStreamBatch, getJobRecords } from "@opsdeck/db";
import {
  acquireStreamLeases,
  backfillStart,
  createRedis,
  entriesGone,
  listQueueNames,
  readEventStreams,
  readFollowContext,
  type Redis,
  releaseStreamLeases,
  renewStreamLeases,
  type StreamEntry,
  streamGap,
} from "@opsdeck/redis";
import type pg from "pg";

import { LostStreamLease, repairGap } from "./repair";
import { jobsNeedingStoredRecords, type StoredRecord, translateEntries } from "./translate";

export interface HistoryFollowerOptions {
  pool: pg.Pool;
  /** Opsdeck's Redis (redisTarget(config)). */
  target: RedisTarget;
  queuePrefix: string;
  /** REDIS_KEY_PREFIX: where the leases live. */
  keyPrefix: string;
  exclude: readonly string[];
  /** XREAD COUNT per stream. */
  batch: number;
  /** XREAD BLOCK, ms. */
  blockMs: number;
  discoveryMs: number;
  leaseMs: number;
  backfillMax: number;
  repairMaxJobs: number;
  log: Logger;
}

export interface HistoryFollower {
  /** Queues whose stream this follower holds now. */
  owned(): string[];
  /** Stream entries committed so far, all streams. */
  readonly committed: number;
  /** Clean stop: the batch under way is committed, the leases given back. */
  stop(): Promise<void>;
  /** Abrupt stop (tests: a killed process): connections cut, nothing committed or released. */
  kill(): void;
}

/** One held stream: the epoch of our claim and the last committed entry id. */
export interface Followed {
  epoch: number;
  position: string;
  /** Entries the stream had ever been given before the next one to read (gap detection). */
  entriesRead: number;
  /** Check the stream for a gap before the next read (at claim, and every discovery). */
  checkGap: boolean;
  /** Repair whatever XINFO says: a first start skipped older entries. */
  forceRepair: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * A `waiting` back from `active` closing a batch is held back for the next one: it may be a stall,
 * whose `stalled` entry comes right after it (same script), and the pair must be read together.
 */
function holdBackOpenStall(entries: StreamEntry[]): StreamEntry[] {
  const last = entries[entries.length - 1];
  if (entries.length > 1 && last?.event === "waiting" && last.fields.prev === "active") return entries.slice(0, -1);
  return entries;
}

export function startHistoryFollower(opts: HistoryFollowerOptions): HistoryFollower {
  const { pool, log, queuePrefix: prefix, keyPrefix } = opts;
  const token = randomUUID();
  const excluded = new Set(opts.exclude);
  const redis: Redis = createRedis(opts.target, {
    name: "opsdeck-history",
    commandTimeoutMs: 5_000,
    offlineQueue: true,
    onError: (err) => log.warn("history redis connection error", { err }),
  });
  // XREAD BLOCK holds its connection; its deadline must outlast the block (ms).
  const blocking: Redis = createRedis(opts.target, {
    name: "opsdeck-history-xread",
    commandTimeoutMs: opts.blockMs + 10_000,
    offlineQueue: true,
    autoPipelining: false,
    onError: (err) => log.warn("history redis connection error", { err }),
  });
  const streams = new Map<string, Followed>();
  let stopped = false;
  let committed = 0;
  let nextDiscovery = 0;

  let lastWarn = 0;
  const warn = (msg: string, meta: Record<string, unknown>) => {
    if (Date.now() - lastWarn < 10_000) return; // throttled: an outage would otherwise log every loop
    lastWarn = Date.now();
    log.warn(msg, meta);
  };
  const lose = (queue: string) => {
    if (streams.delete(queue)) log.info("history stream lease lost", { queue });
  };

  async function claim(queue: string): Promise<void> {
    const c = await claimStreamPosition(pool, queue);
    let position = c.lastId;
    let entriesRead = c.entriesRead;
    let forceRepair = false;
    if (position === null) {
      const start = await backfillStart(redis, prefix, queue, opts.backfillMax);
      position = start.position;
      entriesRead = start.entriesRead;
      forceRepair = start.incomplete; // older entries gone or left unread: their jobs' history is incomplete
    }
    streams.set(queue, { epoch: c.epoch, position, entriesRead, checkGap: true, forceRepair });
    log.info("following event stream", { queue, from: position, epoch: c.epoch });
  }

  /** Renews held leases; at each discovery, finds queues and takes the free leases. */
  async function manage(): Promise<void> {
    for (const q of await renewStreamLeases(redis, keyPrefix, [...streams.keys()], token, opts.leaseMs)) lose(q);
    if (Date.now() < nextDiscovery || stopped) return;
    nextDiscovery = Date.now() + opts.discoveryMs;
    for (const s of streams.values()) s.checkGap = true;
    const free = (await listQueueNames(redis, prefix, [])).filter(
      (q) => !isCatalogQueue(q) && !excluded.has(q) && !streams.has(q),
    );
    for (const q of await acquireStreamLeases(redis, keyPrefix, free, token, opts.leaseMs)) {
      if (stopped) return;
      // Should the claim fail, the lease lapses unrenewed and the queue is tried again later.
      await claim(q).catch((err: unknown) => warn("cannot claim event stream; will retry", { queue: q, err }));
    }
  }

  let managing: Promise<void> | null = null;
  const runManage = () => {
    managing ??= manage()
      .catch((err: unknown) => warn("history lease upkeep failed; will retry", { err }))
      .finally(() => (managing = null));
    return managing;
  };
  const timer = setInterval(runManage, Math.min(opts.leaseMs / 3, opts.discoveryMs));
  timer.unref();

  async function checkGaps(): Promise<void> {
    const due = [...streams].filter(([, s]) => s.checkGap);
    if (due.length === 0) return;
    const { info } = await readFollowContext(
      redis,
      prefix,
      due.map(([q]) => q),
      new Map(),
    );
    for (const [q, s] of due) {
      const i = info.get(q) ?? null;
      if (s.forceRepair || streamGap(i, s.entriesRead))
        await repairGap(repairDeps, q, s, Math.max(s.entriesRead, i ? entriesGone(i) : 0));
      s.checkGap = false;
      s.forceRepair = false;
    }
  }

  const repairDeps = { pool, redis, prefix, batch: opts.batch, maxJobs: opts.repairMaxJobs, log };

  async function commitBatch(
    queue: string,
    s: Followed,
    entries: StreamEntry[],
    hashes: Parameters<typeof translateEntries>[2],
  ): Promise<void> {
    const need = jobsNeedingStoredRecords(entries);
    const stored = new Map<string, StoredRecord>((await getJobRecords(pool, queue, need)).map((r) => [r.job_id, r]));
    const { records, events } = translateEntries(queue, entries, hashes, stored);
    const lastId = (entries[entries.length - 1] as StreamEntry).id;
    const entriesRead = s.entriesRead + entries.length;
    if (!(await commitStreamBatch(pool, { queue, epoch: s.epoch, lastId, entriesRead, records, events })))
      throw new LostStreamLease(queue);
    s.position = lastId;
    s.entriesRead = entriesRead;
    committed += entries.length;
  }

  async function step(): Promise<void> {
    await checkGaps();
    if (streams.size === 0) {
      await sleep(Math.min(opts.blockMs, 200));
      return;
    }
    const held = new Map(streams);
    const after = new Map([...held].map(([q, s]) => [q, s.position]));
    const read = await readEventStreams(blocking, prefix, after, opts.batch, opts.blockMs);
    if (stopped || read.size === 0) return;
    const jobIds = new Map<string, string[]>();
    const toCommit = new Map<string, StreamEntry[]>();
    for (const [q, all] of read) {
      const entries = holdBackOpenStall(all);
      toCommit.set(q, entries);
      jobIds.set(q, [...new Set(entries.flatMap((e) => (e.jobId ? [e.jobId] : [])))]);
    }
    const ctx = await readFollowContext(redis, prefix, [...read.keys()], jobIds);
    for (const [q, entries] of toCommit) {
      const s = held.get(q) as Followed;
      if (streams.get(q) !== s) continue; // lost (or re-claimed) while reading
      try {
        const i = ctx.info.get(q) ?? null;
        const readIds = (read.get(q) ?? []).map((e) => e.id);
        if (streamGap(i, s.entriesRead, readIds)) {
          // Entries before these were trimmed unread: repair, then read again from the position.
          await repairGap(repairDeps, q, s, Math.max(s.entriesRead, i ? entriesGone(i) : 0));
          continue;
        }
        await commitBatch(q, s, entries, ctx.jobs.get(q) ?? new Map());
      } catch (err) {
        if (!(err instanceof LostStreamLease)) throw err;
        lose(q);
      }
    }
  }

  async function loop(): Promise<void> {
    await runManage();
    while (!stopped) {
      try {
        await step();
      } catch (err) {
        if (stopped) break;
        if (err instanceof LostStreamLease) lose(err.queue);
        else {
          warn("history follower step failed; will retry", { err });
          await sleep(1_000);
        }
      }
    }
  }
  const running = loop();

  return {
    owned: () => [...streams.keys()],
    get committed() {
      return committed;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      blocking.disconnect(); // ends a blocked XREAD at once
      await running;
      await managing;
      await releaseStreamLeases(redis, keyPrefix, [...streams.keys()], token).catch(() => undefined);
      streams.clear();
      redis.disconnect();
    },
    kill() {
      stopped = true;
      clearInterval(timer);
      blocking.disconnect();
      redis.disconnect();
      streams.clear();
    },
  };
}
