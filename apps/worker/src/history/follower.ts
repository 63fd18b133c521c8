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
//   statement, so a follower killed anywhere resumes exactly after what is
//   committed, and a replayed entry changes nothing (fenced upserts, events
//   keyed by attempt).
// - Pipelining: while the follower is behind (its last read brought a tenth
//   of HISTORY_BATCH or more), the next batch is read (XREAD and the
//   pipeline) while the previous one commits, from where that batch ends;
//   it is translated only once that commit is done (translation reads the
//   records it wrote). A failed commit throws the read-ahead away and the
//   next read starts again from the saved position, so nothing is skipped
//   or written twice. Caught up, a batch commits before the next read.
// - Linger: unless the last read was a full batch, a read starts at least
//   HISTORY_LINGER_MS after the previous one, so entries gather into fewer,
//   larger batches — each costs its own round trips, and a job whose entries
//   share a batch has its hash read and its record written once.
// - Gaps: when entries after the saved position were trimmed unread (XINFO
//   STREAM says more entries are gone than the stream had been given before
//   the position, see packages/redis/src/bullmq/events.ts), or a first start
//   finds older entries gone or skips them (HISTORY_BACKFILL_MAX), the queue
//   is reconciled from Redis:
//   its jobs that changed since the saved position are written from their
//   hashes, flagged history_incomplete (repair.ts).
// - Stepping aside: a stream growing faster than a batch per linger is left
//   alone until its growth slows (pace.ts): following it would load the
//   owner's Redis and host at their busiest and fall behind anyway. It is
//   then read from the position, and what its cap trimmed meanwhile repaired.
import { randomUUID } from "node:crypto";

import { isCatalogQueue, type Logger, type RedisTarget } from "@opsdeck/core";
import { claimStreamPosition, commitStreamBatch, getJobRecordStates, type StreamBatchCommit } from "@opsdeck/db";
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
  type StreamInfo,
} from "@opsdeck/redis";
import type pg from "pg";

import { burstRate, isBurst, newPace, type Pace, POLL_MS, resumeNow } from "./pace";
import { LostStreamLease, repairGap, RepairYielded, type YieldCheck } from "./repair";
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
  /** Least time between the starts of two reads while caught up, ms (HISTORY_LINGER_MS). */
  lingerMs: number;
  discoveryMs: number;
  leaseMs: number;
  backfillMax: number;
  repairMaxJobs: number;
  /** Longest a stream in a burst is left alone, ms (pace.ts); 0: never. */
  stepAsideMaxMs: number;
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
  /** Last entry id of a batch handed to the commit under way: the next read starts after it. Null: none. */
  ahead: string | null;
  /** The stream's growth window, and whether the follower stepped aside (pace.ts). */
  pace: Pace;
  /** Redis time (ms) of the newest entry when the last gap repair began; 0: none since the claim. */
  repairedUpTo: number;
}

/** A stream's batch, translated, waiting for its commit. */
interface Prepared {
  s: Followed;
  commit: StreamBatchCommit;
  entries: number;
}

const idOf = (e: StreamEntry) => e.id;
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
    streams.set(queue, {
      epoch: c.epoch,
      position,
      entriesRead,
      checkGap: true,
      forceRepair,
      ahead: null,
      pace: newPace(),
      repairedUpTo: 0,
    });
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

  // The commit under way (one at a time, every stream of a read in turn); its outcome is kept so a
  // failure is seen by the next step (settle), never as an unhandled rejection.
  let inFlight: Promise<unknown> | null = null;
  // Reads from here on (a tenth of a full batch) mean the follower is behind: the next one reads ahead.
  const behindAt = Math.max(1, Math.floor(opts.batch / 10));
  let behind = false;

  /** Waits for the commit under way; when it failed, the read-ahead is dropped and the error thrown. */
  async function settle(): Promise<void> {
    if (!inFlight) return;
    const err = await inFlight;
    inFlight = null;
    if (err === undefined) return;
    for (const s of streams.values()) s.ahead = null; // read again from the saved positions
    throw err;
  }

  /** Commits the prepared batches in turn; resolves to the error that stopped them (undefined: none). */
  async function commitAll(batches: Prepared[]): Promise<unknown> {
    try {
      for (const { s, commit, entries } of batches) {
        try {
          if (!(await commitStreamBatch(pool, commit))) throw new LostStreamLease(commit.queue);
        } catch (err) {
          if (!(err instanceof LostStreamLease)) throw err;
          if (streams.get(commit.queue) === s) lose(commit.queue);
          continue;
        }
        s.position = commit.lastId;
        s.entriesRead = commit.entriesRead;
        s.ahead = null;
        committed += entries;
      }
      return undefined;
    } catch (err) {
      return err;
    }
  }

  /** XINFO STREAM of each queue's stream, one pipeline (null: no stream). */
  const streamInfos = async (queues: string[]) => (await readFollowContext(redis, prefix, queues, new Map())).info;

  async function checkGaps(): Promise<void> {
    const due = [...streams].filter(([, s]) => s.checkGap && s.pace.asideSince === null); // aside: on resuming
    if (due.length === 0) return;
    await settle(); // a repair starts from the saved position
    const info = await streamInfos(due.map(([q]) => q));
    for (const [q, s] of due) {
      const i = info.get(q) ?? null;
      if ((s.forceRepair || streamGap(i, s.entriesRead)) && !(await repair(q, s, i))) continue;
      s.checkGap = false;
      s.forceRepair = false;
    }
  }

  /**
   * A stream's gap repair; false when it yielded to a burst (the follower stepped aside, and the repair
   * runs again once it follows again). Between pages, a repair checks the stream's growth every POLL_MS.
   */
  async function repair(q: string, s: Followed, i: StreamInfo | null): Promise<boolean> {
    const check: YieldCheck | null = stepAside
      ? async () => {
          const latest = (await streamInfos([q])).get(q);
          return latest ? isBurst(s.pace, latest.entriesAdded, Date.now(), burst) : false;
        }
      : null;
    try {
      await repairGap(repairDeps, q, s, Math.max(s.entriesRead, i ? entriesGone(i) : 0), i, check);
      return true;
    } catch (err) {
      if (!(err instanceof RepairYielded)) throw err;
      s.checkGap = true;
      stepAsideFrom(q, s, "gap repair yields to a burst");
      return false;
    }
  }

  /** Stops reading a stream until pollAside finds it slowed down (its position stays). */
  function stepAsideFrom(q: string, s: Followed, why: string, meta: Record<string, unknown> = {}): void {
    s.pace.asideSince = Date.now();
    log.info(`history follower stepping aside: ${why}`, { queue: q, ...meta });
  }

  const repairDeps = { pool, redis, prefix, batch: opts.batch, maxJobs: opts.repairMaxJobs, log };

  /** A read stream's batch as the commit that will store it; reads the records the previous batches wrote. */
  async function prepare(
    queue: string,
    s: Followed,
    entries: StreamEntry[],
    hashes: Parameters<typeof translateEntries>[2],
  ): Promise<Prepared> {
    const need = jobsNeedingStoredRecords(entries);
    const stored = new Map<string, StoredRecord>(
      (await getJobRecordStates(pool, queue, need)).map((r) => [r.job_id, r]),
    );
    const { records, events } = translateEntries(queue, entries, hashes, stored);
    const lastId = (entries[entries.length - 1] as StreamEntry).id;
    const entriesRead = s.entriesRead + entries.length;
    return { s, commit: { queue, epoch: s.epoch, lastId, entriesRead, records, events }, entries: entries.length };
  }

  const stepAside = opts.stepAsideMaxMs > 0;
  const burst = burstRate(opts.batch, opts.lingerMs);
  let lastReadAt = 0;
  let full = false;

  /** Checks the streams stepped aside from (one XINFO each per POLL_MS); those slowed down are followed again. */
  async function pollAside(): Promise<void> {
    const now = Date.now();
    const due = [...streams].filter(([, s]) => s.pace.asideSince !== null && now - (s.pace.window?.at ?? 0) >= POLL_MS);
    if (due.length === 0) return;
    const info = await streamInfos(due.map(([q]) => q));
    for (const [q, s] of due) {
      const i = info.get(q) ?? null;
      const since = s.pace.asideSince;
      if (since === null || (i && !resumeNow(s.pace, i.entriesAdded, Date.now(), burst, opts.stepAsideMaxMs))) continue;
      s.pace = newPace();
      s.checkGap = true; // what was trimmed meanwhile is repaired before reading on
      log.info("history follower following again", { queue: q, aside_ms: Date.now() - since });
    }
  }

  async function step(): Promise<void> {
    await pollAside();
    await checkGaps();
    // Unless the last read was a full batch, the next one waits out the linger: entries gather into
    // fewer, larger batches, and a job's entries into fewer writes of its record.
    if (!full) await sleep(Math.max(0, opts.lingerMs - (Date.now() - lastReadAt)));
    lastReadAt = Date.now();
    const held = new Map([...streams].filter(([, s]) => s.pace.asideSince === null));
    if (held.size === 0) {
      await settle();
      await sleep(streams.size ? POLL_MS : Math.min(opts.blockMs, 200));
      return;
    }
    // Caught up, reading ahead would only split the next entries into more, smaller batches (each
    // costs its own round trips, and a job's hash is read once per batch naming it).
    if (!behind) await settle();
    const after = new Map([...held].map(([q, s]) => [q, s.ahead ?? s.position]));
    // While the previous batch commits (when behind).
    // A stream stepped aside from is checked every POLL_MS: a read must not block longer than that.
    const block = held.size < streams.size ? Math.min(opts.blockMs, POLL_MS) : opts.blockMs;
    const read = await readEventStreams(blocking, prefix, after, opts.batch, block);
    behind = [...read.values()].some((entries) => entries.length >= behindAt);
    full = [...read.values()].some((entries) => entries.length >= opts.batch);
    if (stopped) return;
    const jobIds = new Map<string, string[]>();
    const toCommit = new Map<string, StreamEntry[]>();
    for (const [q, all] of read) {
      const entries = holdBackOpenStall(all);
      toCommit.set(q, entries);
      jobIds.set(q, [...new Set(entries.flatMap((e) => (e.jobId ? [e.jobId] : [])))]);
    }
    const ctx = read.size ? await readFollowContext(redis, prefix, [...read.keys()], jobIds) : null;
    await settle(); // the read-ahead is good only if what it follows is committed
    if (stopped || !ctx) return;
    const batches: Prepared[] = [];
    for (const [q, entries] of toCommit) {
      const s = held.get(q) as Followed;
      if (streams.get(q) !== s) continue; // lost (or re-claimed) while reading
      try {
        const i = ctx.info.get(q) ?? null;
        const all = read.get(q) ?? [];
        if (stepAside && i && isBurst(s.pace, i.entriesAdded, Date.now(), burst)) {
          // This batch is dropped: the position stays, and the gap check on resuming repairs what is gone.
          stepAsideFrom(q, s, "stream growing faster than it is read", {
            unread: i.entriesAdded - (s.entriesRead + all.length),
          });
          continue;
        }
        if (streamGap(i, s.entriesRead, all.map(idOf))) {
          // Entries before these were trimmed unread: repair, then read again from the position.
          await repair(q, s, i);
          continue;
        }
        const batch = await prepare(q, s, entries, ctx.jobs.get(q) ?? new Map());
        s.ahead = batch.commit.lastId;
        batches.push(batch);
      } catch (err) {
        if (!(err instanceof LostStreamLease)) throw err;
        lose(q);
      }
    }
    if (batches.length) inFlight = commitAll(batches);
  }

  async function loop(): Promise<void> {
    await runManage();
    while (!stopped) {
      try {
        await step();
      } catch (err) {
        // Nothing may be read from a batch's end unless that batch commits: wait for the commit under
        // way, then forget every read-ahead (a batch prepared but never handed to a commit included).
        await settle().catch(() => undefined);
        for (const s of streams.values()) s.ahead = null;
        if (stopped) break;
        if (err instanceof LostStreamLease) lose(err.queue);
        else {
          warn("history follower step failed; will retry", { err });
          await sleep(1_000);
        }
      }
    }
    await inFlight; // a clean stop commits the batch under way
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
