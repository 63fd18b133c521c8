// Bulk retry, clean and promote (bench/queues/bulk.js measures them). A 100,000-job
// operation is a series of short Lua calls (@opsdeck/redis bulkScripts.ts), so Redis keeps
// serving other clients between them:
//  - each call is sized to a Redis-time budget (CALL_BUDGET_US), from the time
//    the previous calls reported per job, instead of a fixed job count;
//  - the next call is queued behind the running one (PIPELINE_DEPTH), so Redis
//    never idles on our round trip;
//  - the job records of the moved/deleted ids are updated in Postgres behind
//    the Redis work (RecordWriter): in order, batched, bounded, retried, and
//    all written before the operation returns;
//  - only a few chunks of ids are ever in memory.
// Clean walks a state oldest first (a list from its tail, a set by score) and
// deletes every job older than the cutoff until `limit`, keeping (and walking
// past) jobs inside the grace period, locked jobs in a list, and a job
// scheduler's next job; its dry run counts with the same script and test.
import { markJobRecords, type MarkJobRecordsOptions } from "@opsdeck/db";
import {
  type CleanReply,
  type CleanSpec,
  type CleanWindow,
  cleanWindow,
  countScored,
  moveToWait,
  queueKeys,
  type Redis,
} from "@opsdeck/redis";
import type { Queue } from "bullmq";
import type pg from "pg";

export interface BulkCtx {
  redis: Redis;
  pool: pg.Pool;
  prefix: string;
  queue: Queue;
}

/**
 * Redis time one call may take, µs. Another client's command waits behind at
 * most the running call and the one queued behind it (~2 × this), well inside
 * the 50 ms aim, while a call's fixed cost (~50 µs: script start, range read,
 * event) stays under 1 % of it and ~100 calls make 100,000 jobs (fewer hand-
 * offs between Redis, Node and Postgres, which cost most on a busy machine).
 */
const CALL_BUDGET_US = 8_000;
/** Jobs in the first call, before any per-job time is known (~1–4 ms of Redis time). */
const FIRST_WINDOW = 500;
/** Bounds of a call's jobs; a window at most doubles from one call to the next. */
const MIN_WINDOW = 50;
const MAX_WINDOW = 20_000;
/** Redis calls in flight: the running one and the next, queued behind it. */
const PIPELINE_DEPTH = 2;
/** Ids per Postgres UPDATE: fewer statements than chunks when Postgres falls behind. */
const RECORD_BATCH = 5_000;
/** Ids waiting for Postgres beyond which the Redis work waits (memory bound). */
const RECORD_BACKLOG = 20_000;
/** Tries of one record update, and the pause before each retry, ms: rides out a brief Postgres blip. */
const RECORD_ATTEMPTS = 4;
const RECORD_RETRY_MS = [100, 400, 1_500];

const base = (c: BulkCtx) => queueKeys(c.prefix, c.queue.name).base;

/**
 * Sizes each call so it takes about CALL_BUDGET_US of Redis time, from the µs per job reported so far.
 * The job actions (jobActions/runner.ts) pace their chunks with it too, with a lower `max`.
 */
export class Pacer {
  private usPerJob = 0;
  private last: number;

  constructor(private readonly max = MAX_WINDOW) {
    this.last = Math.min(FIRST_WINDOW, max);
  }

  window(): number {
    if (this.usPerJob <= 0) return Math.min(FIRST_WINDOW, this.max);
    const target = Math.round(CALL_BUDGET_US / this.usPerJob);
    this.last = Math.max(MIN_WINDOW, Math.min(this.max, target, this.last * 2));
    return this.last;
  }

  observe(micros: number, jobs: number): void {
    // A call over a handful of jobs is mostly fixed cost; it says little about the next window.
    if (jobs < 32) return;
    const rate = micros / jobs;
    this.usPerJob = this.usPerJob === 0 ? rate : (this.usPerJob + rate) / 2;
  }
}

/**
 * The job-record updates of one operation, run behind its Redis work: one
 * UPDATE at a time, in the order the ids came (a later chunk can hold an id an
 * earlier one did, after a worker ran it), coalescing the ids that arrive while
 * one runs. A failed UPDATE is retried; if it still fails, `failed` turns true
 * (the caller stops its Redis work) and flush() throws. Reconciliation repairs
 * what a lost update leaves behind only for jobs that are not finished, so
 * this does not give up on the first error.
 */
class RecordWriter {
  private pending: string[] = [];
  private running: Promise<void> | null = null;
  private error: unknown = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly queue: string,
    private readonly status: string,
    private readonly marks: MarkJobRecordsOptions = {},
  ) {}

  get failed(): boolean {
    return this.error !== null;
  }

  /** Queues ids for update; waits while the backlog is over RECORD_BACKLOG. */
  async add(ids: string[]): Promise<void> {
    for (const id of ids) this.pending.push(id);
    this.kick();
    while (this.running && this.pending.length >= RECORD_BACKLOG) await this.running;
  }

  /** Waits for every queued update; throws the update error, if one gave up. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.error !== null) throw this.error;
  }

  private kick(): void {
    if (this.running || this.error !== null || this.pending.length === 0) return;
    const ids = this.pending.splice(0, RECORD_BATCH);
    this.running = this.write(ids).finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async write(ids: string[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await markJobRecords(this.pool, this.queue, ids, this.status, this.marks);
        return;
      } catch (err) {
        if (attempt >= RECORD_ATTEMPTS) {
          this.error = err;
          return;
        }
        await new Promise((r) => setTimeout(r, RECORD_RETRY_MS[attempt - 1]));
      }
    }
  }
}

/**
 * Runs calls with PIPELINE_DEPTH in flight: `next` returns the next call's
 * arguments (null: none now), `onReply` handles replies in order and returns
 * false to stop issuing. A failed call stops the issuing, but the replies of
 * calls already sent are still handled (their jobs moved; their records must
 * be written) before the error is thrown.
 */
async function pipelined<C, R>(
  next: () => C | null,
  exec: (call: C) => Promise<R>,
  onReply: (call: C, reply: R) => Promise<boolean>,
): Promise<void> {
  const inflight: { call: C; reply: Promise<R> }[] = [];
  let stop = false;
  let error: unknown = null;
  for (;;) {
    while (!stop && error === null && inflight.length < PIPELINE_DEPTH) {
      const call = next();
      if (call === null) break;
      const reply = exec(call);
      // Awaited in order below; until then, don't let its rejection count as unhandled.
      reply.catch(() => undefined);
      inflight.push({ call, reply });
    }
    const head = inflight.shift();
    if (!head) break;
    try {
      if (!(await onReply(head.call, await head.reply))) stop = true;
    } catch (err) {
      error ??= err;
    }
  }
  if (error !== null) throw error;
}

/** Runs `work`, then always waits for the record updates; the Redis error, if any, wins. */
async function withRecords<T>(writer: RecordWriter, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (err) {
    await writer.flush().catch(() => undefined);
    throw err;
  }
  await writer.flush();
  return result;
}

/**
 * Moves up to `limit` jobs of a sorted set scored <= maxScore to wait, lowest score first;
 * `resetAttempts` resets a retried job's attempts in Redis and in its record.
 */
async function moveAll(
  c: BulkCtx,
  state: "failed" | "completed" | "delayed",
  maxScore: number | "+inf",
  limit: number,
  resetAttempts: boolean,
): Promise<number> {
  const pacer = new Pacer();
  const writer = new RecordWriter(c.pool, c.queue.name, "waiting", { resetAttempts });
  let moved = 0;
  let reserved = 0; // jobs asked of calls in flight
  let end = false;
  return withRecords(writer, async () => {
    await pipelined(
      () => {
        const count = Math.min(pacer.window(), limit - moved - reserved);
        if (end || writer.failed || count <= 0) return null;
        reserved += count;
        return count;
      },
      (count) => moveToWait(c.redis, base(c), state, maxScore, count, resetAttempts),
      async (count, r) => {
        reserved -= count;
        moved += r.ids.length;
        pacer.observe(r.micros, r.ids.length);
        if (r.ids.length < count) end = true;
        await writer.add(r.ids);
        return !end && moved < limit && !writer.failed;
      },
    );
    return moved;
  });
}

/**
 * Moves up to `limit` failed/completed jobs finished at or before `cutoff` (ms)
 * back to wait, oldest first, and marks their records 'waiting'. With
 * `resetAttempts` (what a manual retry does unless asked otherwise) each job
 * gets a fresh set of attempts, in Redis and in its record, as a single retry does.
 */
export function retryFinished(
  c: BulkCtx,
  state: "failed" | "completed",
  cutoff: number,
  limit: number,
  opts: { resetAttempts: boolean },
): Promise<number> {
  return moveAll(c, state, cutoff, limit, opts.resetAttempts);
}

export async function countFinished(c: BulkCtx, state: "failed" | "completed", cutoff: number, limit: number) {
  return Math.min(limit, await countScored(c.redis, c.prefix, c.queue.name, state, cutoff));
}

/** Dry run of promoteDelayed: how many delayed jobs it would promote now (at most `limit`). */
export async function countDelayed(c: BulkCtx, limit: number) {
  return Math.min(limit, await countScored(c.redis, c.prefix, c.queue.name, "delayed", "+inf"));
}

/** Promotes up to `limit` delayed jobs (earliest due first) to wait. */
export function promoteDelayed(c: BulkCtx, limit: number): Promise<number> {
  return moveAll(c, "delayed", "+inf", limit, false);
}

export type CleanState = "completed" | "failed" | "delayed" | "wait" | "paused" | "prioritized";

/**
 * How each state is walked and which timestamps are compared with the cutoff
 * (BullMQ cleanJobsInSet-3.lua). Lists also keep locked jobs: a waiting job holds no
 * lock in BullMQ, but one that does is being worked on and must not lose its hash.
 */
const CLEAN_SPECS: Record<CleanState, CleanSpec> = {
  completed: { kind: "finished", fields: [], checkLock: false },
  failed: { kind: "finished", fields: [], checkLock: false },
  delayed: { kind: "set", fields: ["processedOn", "timestamp"], checkLock: false },
  prioritized: { kind: "set", fields: ["timestamp"], checkLock: false },
  wait: { kind: "list", fields: ["finishedOn", "processedOn", "timestamp"], checkLock: true },
  paused: { kind: "list", fields: ["finishedOn", "processedOn", "timestamp"], checkLock: true },
};

/** Deletes up to `limit` jobs of `state` older than the grace period, oldest first, and marks their records 'removed'. */
export async function cleanState(c: BulkCtx, state: CleanState, graceMs: number, limit: number): Promise<number> {
  const cutoff = Date.now() - graceMs;
  const spec = CLEAN_SPECS[state];
  const pacer = new Pacer();
  const writer = new RecordWriter(c.pool, c.queue.name, "removed");
  let deleted = 0;
  let reserved = 0; // deletions allowed to calls in flight
  // Entries at the old end examined and kept. A call queued before the previous
  // reply starts from the older offset and re-examines the kept entries (harmless).
  let offset = 0;
  let end = false;
  return withRecords(writer, async () => {
    await pipelined(
      (): CleanWindow | null => {
        const window = pacer.window();
        const take = Math.min(window, limit - deleted - reserved);
        if (end || writer.failed || take <= 0) return null;
        reserved += take;
        return { offset, window, take };
      },
      (w) => cleanWindow(c.redis, base(c), state, spec, cutoff, w),
      async (w, r: CleanReply) => {
        reserved -= w.take;
        deleted += r.matched;
        offset = w.offset + r.examined - r.matched;
        pacer.observe(r.micros, r.examined);
        // Every entry examined and the window not full: nothing older is left.
        if (r.examined === r.entries && r.entries < w.window) end = true;
        await writer.add(r.ids);
        return !end && deleted < limit && !writer.failed;
      },
    );
    return deleted;
  });
}

/** Dry run of cleanState: how many jobs it would delete now (at most `limit`). */
export async function countCleanable(c: BulkCtx, state: CleanState, graceMs: number, limit: number): Promise<number> {
  const cutoff = Date.now() - graceMs;
  if (state === "completed" || state === "failed") return countFinished(c, state, cutoff, limit);
  const spec = CLEAN_SPECS[state];
  const pacer = new Pacer();
  let matched = 0;
  let cursor = 0; // counting changes nothing, so windows follow each other
  let end = false;
  await pipelined(
    (): CleanWindow | null => {
      if (end || matched >= limit) return null;
      const w = { offset: cursor, window: pacer.window(), take: 0 };
      cursor += w.window;
      return w;
    },
    (w) => cleanWindow(c.redis, base(c), state, spec, cutoff, w),
    async (w, r) => {
      matched += r.matched;
      pacer.observe(r.micros, r.examined);
      if (r.entries < w.window) end = true;
      return !end && matched < limit;
    },
  );
  return Math.min(limit, matched);
}
