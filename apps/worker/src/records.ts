// Job-record write-back. Worker events become
// fenced record upserts (and, for failed attempts and stalls, history events;
// see attachRecordWriter), pushed into a bounded buffer that
// never blocks a job. The buffer keeps one entry per job: a later phase of the
// same job replaces its pending record (the fence decides which is newer) and
// its events queue up with it, so a job that starts and finishes between two
// flushes costs one row upsert, not an insert and then an update. Each batch
// is one statement (events and records together). If Postgres is down the
// failed batch is kept and retried; what still goes missing (a process killed
// before its flush, a full buffer) is repaired by reconcile.ts.
import type { BatchBuffer, Logger } from "@opsdeck/core";
import {
  fenceAdmits,
  isDataError,
  JOB_PHASE,
  type JobEventWrite,
  type JobRecordWrite,
  writeJobRecordsWithEvents,
} from "@opsdeck/db";
import type { Job, JobState, Queue, Worker } from "bullmq";
import type pg from "pg";

export interface RecordEntry {
  record?: JobRecordWrite;
  event?: JobEventWrite;
}

const date = (ms: number | undefined): Date | null => (ms === undefined || !Number.isFinite(ms) ? null : new Date(ms));

/** The options a replay of the job re-uses (retries and backoff); null when it set none. */
function retryOptionsOf(job: Job): Record<string, unknown> | null {
  const { attempts, backoff } = job.opts;
  if (attempts === undefined && backoff === undefined) return null;
  return { attempts, backoff };
}

/**
 * A record write describing `job` as it is now, with the given status and phase. `withPayload` false
 * leaves the stored payload as it is (null payload): a progress update of a big batch job would
 * otherwise serialize, send and rewrite its whole payload each time.
 */
function recordOf(job: Job, status: string, phase: number, withPayload = true): JobRecordWrite {
  return {
    queue: job.queueName,
    jobId: String(job.id),
    name: job.name,
    status,
    attempt: job.attemptsStarted,
    phase,
    attemptsMade: job.attemptsMade,
    progress: job.progress ?? null,
    failedReason: job.failedReason || null,
    payload: withPayload ? (job.data ?? null) : null,
    options: withPayload ? retryOptionsOf(job) : null,
    createdAt: new Date(job.timestamp),
    processedAt: date(job.processedOn),
    finishedAt: status === "completed" || status === "failed" ? date(job.finishedOn) : null,
  };
}

/**
 * Where a Redis state sits in the fence: active is phase 1, completed/failed
 * phase 2; a queued job that has already started an attempt is waiting for
 * its next one, which comes after the last attempt's phases (phase 2).
 */
function phaseOfState(state: JobState | "unknown", attemptsStarted: number): number {
  if (state === "active") return JOB_PHASE.active;
  if (state === "completed" || state === "failed") return JOB_PHASE.finished;
  return attemptsStarted > 0 ? JOB_PHASE.finished : JOB_PHASE.queued;
}

/** The job's current Redis state as a record write; null when the job is gone. */
export async function snapshotJob(queue: Queue, jobId: string): Promise<JobRecordWrite | null> {
  // The job hash and its state are two reads; a job moving in between (say active -> failed) would give a
  // "failed" record without its failure reason. Read the state on both sides and retry until they agree.
  for (let tries = 0; tries < 5; tries++) {
    const before = await queue.getJobState(jobId);
    const job = await queue.getJob(jobId);
    if (!job) return null;
    const state = await job.getState();
    if (state === "unknown") return null;
    if (state === before) return recordOf(job, state, phaseOfState(state, job.attemptsStarted));
  }
  return null; // still moving: the next reconciliation run (or the worker's own write) records it
}

/**
 * The generic write buffer's contract (core BatchBuffer): push never waits and returns false when the
 * entry was dropped (full or closed); flush() writes everything pending, records of jobs still active
 * included; close() stops the timer and flushes what is left. Here `size` counts units: a pending job
 * counts one per event it carries, at least one.
 */
export type RecordBuffer = BatchBuffer<RecordEntry>;

/** One job's pending write: its newest record and the events since its last flush. */
interface Pending {
  queue: string;
  jobId: string;
  record: JobRecordWrite | null;
  events: JobEventWrite[];
  /** Push sequence number when it last entered its list (each list is in `seq` order). */
  seq: number;
  prev: Pending | null;
  next: Pending | null;
}

/** A FIFO of pending jobs, linked through the jobs themselves: O(1) append and unlink, nothing hashed. */
class PendingList {
  head: Pending | null = null;
  private tail: Pending | null = null;
  size = 0;

  append(p: Pending): void {
    p.prev = this.tail;
    p.next = null;
    if (this.tail) this.tail.next = p;
    else this.head = p;
    this.tail = p;
    this.size++;
  }

  unlink(p: Pending): void {
    if (p.prev) p.prev.next = p.next;
    else this.head = p.next;
    if (p.next) p.next.prev = p.prev;
    else this.tail = p.prev;
    p.prev = p.next = null;
    this.size--;
  }
}

const unitsOf = (p: Pending): number => Math.max(1, p.events.length);
const isActive = (p: Pending): boolean => p.record?.phase === JOB_PHASE.active;

async function writeBatch(pool: pg.Pool, batch: Pending[]): Promise<void> {
  const records: JobRecordWrite[] = [];
  const events: JobEventWrite[] = [];
  for (const p of batch) {
    if (p.record) records.push(p.record);
    for (const e of p.events) events.push(e);
  }
  await writeJobRecordsWithEvents(pool, records, events);
}

/**
 * The write-back buffer. Pending jobs sit in two lists: `settled` (finished, retrying, or no record) and
 * `active` (the record says active, so the job may well finish before the next flush). A flush writes
 * settled jobs at once — by size as soon as `batchSize` are waiting, and every `intervalMs` — while an
 * active job is written once it has waited a full interval (so within 1–2 intervals), or by flush()/close().
 * Only one write runs at a time. At most `maxEntries` units are held; beyond that pushes are dropped
 * and counted (reconciliation repairs them).
 */
export function createRecordBuffer(
  pool: pg.Pool,
  log: Logger,
  opts: { maxEntries: number; batchSize: number; intervalMs: number },
): RecordBuffer {
  const { maxEntries, batchSize } = opts;
  // Pending jobs by queue, then job id: the job id strings come from the Job objects, whose hashes V8
  // caches, where a combined "queue/id" key would be a new string to hash on every push.
  const byQueue = new Map<string, Map<string, Pending>>();
  // In push order, so the oldest due job is always at the head.
  const settled = new PendingList();
  const active = new PendingList();
  let retry: Pending[] | null = null; // a batch whose write failed: written first on the next flush
  let seq = 0;
  let settledTo = 0; // settled entries with seq <= this are due (set by the timer and flush())
  let activeTo = 0; // active entries with seq <= this are due
  let seqAtLastTick = 0;
  let held = 0;
  let dropped = 0;
  let written = 0;
  let flushing: Promise<void> | null = null;
  let closed = false;

  let lastWarn = 0;
  const warn = (msg: string, meta: Record<string, unknown>) => {
    if (Date.now() - lastWarn < 10_000) return; // throttled: an outage would otherwise log every flush
    lastWarn = Date.now();
    log.warn(msg, meta);
  };

  async function write(batch: Pending[]): Promise<void> {
    try {
      await writeBatch(pool, batch);
    } catch (err) {
      // Refused data (SQLSTATE class 22/23) fails again however often it is sent; anything else is
      // transient (Postgres down, a timeout): keep the batch.
      if (!isDataError(err)) throw err;
      // One bad row must not block every later write: write job by job, skip what Postgres refuses.
      for (const p of batch) {
        await writeBatch(pool, [p]).catch((rowErr: unknown) => {
          log.error("job record refused by Postgres; skipped", {
            queue: p.queue,
            job_id: p.jobId,
            err: rowErr,
          });
        });
      }
    }
  }

  /** Moves due jobs (seq <= `upTo`) from the head of `list` into `batch`, until it holds `batchSize`. */
  function take(list: PendingList, upTo: number, batch: Pending[]): void {
    for (let p = list.head; p && batch.length < batchSize && p.seq <= upTo; p = list.head) {
      list.unlink(p);
      byQueue.get(p.queue)?.delete(p.jobId);
      batch.push(p);
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      let batch = retry;
      if (!batch) {
        batch = [];
        // Due active jobs first (there are few, and a steady stream of settled ones must not starve them),
        // then settled ones: all of them while a full batch is waiting, else those due.
        take(active, activeTo, batch);
        take(settled, settled.size + batch.length >= batchSize ? Infinity : settledTo, batch);
        if (batch.length === 0) return;
      }
      try {
        await write(batch);
      } catch (err) {
        retry = batch;
        warn("job record write failed; will retry", { err, pending: held });
        return;
      }
      retry = null;
      let units = 0;
      for (const p of batch) units += unitsOf(p);
      held -= units;
      written += units;
    }
  }

  function run(): Promise<void> {
    flushing ??= drain().finally(() => (flushing = null));
    return flushing;
  }

  const timer = setInterval(() => {
    // Active jobs pushed before the previous tick have waited a full interval. (flush() may have set more.)
    activeTo = Math.max(activeTo, seqAtLastTick);
    seqAtLastTick = seq;
    settledTo = seq;
    void run();
  }, opts.intervalMs);
  timer.unref();

  function flush(): Promise<void> {
    settledTo = activeTo = seq;
    return run();
  }

  return {
    push(entry) {
      const ref = entry.record ?? entry.event;
      if (!ref) return true;
      let jobs = byQueue.get(ref.queue);
      const p = jobs?.get(ref.jobId);
      const before = p ? unitsOf(p) : 0;
      const after = Math.max(1, (p ? p.events.length : 0) + (entry.event ? 1 : 0));
      if (closed || held - before + after > maxEntries) {
        dropped++;
        warn(
          closed
            ? "job record arrived after close; reconciliation will repair"
            : "job record buffer full; reconciliation will repair",
          { dropped_total: dropped },
        );
        return false;
      }
      held += after - before;
      const job: Pending = p ?? {
        queue: ref.queue,
        jobId: ref.jobId,
        record: null,
        events: [],
        seq: 0,
        prev: null,
        next: null,
      };
      const wasActive = p !== undefined && isActive(job);
      if (entry.record && (!job.record || fenceAdmits(entry.record, job.record))) {
        // A write without payload keeps the stored one, which may be the one this replaces: carry it over.
        job.record =
          entry.record.payload === null && job.record && job.record.payload !== null
            ? { ...entry.record, payload: job.record.payload }
            : entry.record;
      }
      if (entry.event) job.events.push(entry.event);
      const nowActive = isActive(job);
      if (!p) {
        if (!jobs) byQueue.set(ref.queue, (jobs = new Map()));
        jobs.set(ref.jobId, job);
      }
      // Keep each list in seq order: a job that is new or changes list goes to the tail.
      if (!p || wasActive !== nowActive) {
        if (p) (wasActive ? active : settled).unlink(job);
        job.seq = ++seq;
        (nowActive ? active : settled).append(job);
      }
      if (settled.size >= batchSize && !flushing) void run();
      return true;
    },
    flush,
    async close(timeoutMs = 5_000) {
      closed = true;
      clearInterval(timer);
      const deadline = Date.now() + timeoutMs;
      while (held > 0 && Date.now() < deadline) {
        const before = held;
        await flush();
        if (held === before) await new Promise((r) => setTimeout(r, 100));
      }
    },
    get size() {
      return held;
    },
    get dropped() {
      return dropped;
    },
    get written() {
      return written;
    },
  };
}

const event = (job: Job, name: string, detail: string | null, at = new Date()): JobEventWrite => ({
  queue: job.queueName,
  jobId: String(job.id),
  attempt: job.attemptsStarted,
  event: name,
  detail,
  at,
});

/**
 * Subscribes the write-back to one worker's events; `queue` resolves stalled job ids. A job's start
 * and completion change only its record: its history derives those from the record (db historyOf),
 * so the common path costs one row. An attempt that fails leaves what the record will not keep once
 * the next attempt runs: an `active` event at the attempt's start and its `retry` or `failed`.
 */
export function attachRecordWriter(worker: Worker, queue: Queue, buffer: RecordBuffer, log: Logger): void {
  worker.on("active", (job) => {
    buffer.push({ record: recordOf(job, "active", JOB_PHASE.active) });
  });
  worker.on("progress", (job) => {
    buffer.push({ record: recordOf(job, "active", JOB_PHASE.active, false) });
  });
  worker.on("completed", (job) => {
    buffer.push({ record: recordOf(job, "completed", JOB_PHASE.finished) });
  });
  worker.on("failed", (job, err) => {
    if (!job) return; // removed on failure before we saw it; reconciliation has nothing to repair
    // moveToFailed sets finishedOn only when the job failed for good; otherwise it was scheduled to retry.
    const final = job.finishedOn !== undefined;
    const status = final ? "failed" : job.delay > 0 ? "delayed" : "waiting";
    const started = date(job.processedOn);
    if (started) buffer.push({ event: event(job, "active", null, started) });
    buffer.push({
      record: recordOf(job, status, JOB_PHASE.finished),
      event: event(job, final ? "failed" : "retry", err.message),
    });
  });
  worker.on("stalled", (jobId) => {
    // BullMQ gives only the id; read the job back and record whatever Redis holds now.
    void snapshotJob(queue, jobId)
      .then((rec) => {
        if (!rec) return;
        const attempt = rec.status === "active" ? rec.attempt - 1 : rec.attempt;
        buffer.push({
          record: rec,
          event: { queue: rec.queue, jobId, attempt, event: "stalled", detail: null, at: new Date() },
        });
      })
      .catch((err: unknown) => log.warn("cannot read stalled job", { queue: queue.name, job_id: jobId, err }));
  });
}
