// Job-record write-back (SPEC §9 "Status write-back"). Worker events become
// fenced record upserts and history events, pushed into a bounded batch
// buffer that writes one statement per batch and never blocks a job. If
// Postgres is down the buffer keeps the batch and retries; what still goes
// missing (a process killed before its flush) is repaired by reconcile.ts.
import { type BatchBuffer, createBatchBuffer, type Logger } from "@opsdeck/core";
import { insertJobEvents, JOB_PHASE, type JobEventWrite, type JobRecordWrite, upsertJobRecords } from "@opsdeck/db";
import type { Job, JobState, Queue, Worker } from "bullmq";
import type pg from "pg";

export interface RecordEntry {
  record?: JobRecordWrite;
  event?: JobEventWrite;
}

export type RecordBuffer = BatchBuffer<RecordEntry>;

const date = (ms: number | undefined): Date | null => (ms === undefined || !Number.isFinite(ms) ? null : new Date(ms));

/** A record write describing `job` as it is now, with the given status and phase. */
export function recordOf(job: Job, status: string, phase: number): JobRecordWrite {
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
    payload: job.data ?? null,
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
export function phaseOfState(state: JobState | "unknown", attemptsStarted: number): number {
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

const PG_DATA_ERROR = /^(22|23)/; // data exception / integrity violation: retrying the same rows cannot succeed

async function writeEntries(pool: pg.Pool, entries: RecordEntry[]): Promise<void> {
  const records = entries.flatMap((e) => (e.record ? [e.record] : []));
  const events = entries.flatMap((e) => (e.event ? [e.event] : []));
  // Events first: once a record shows a state, the history leading to it is already there.
  await insertJobEvents(pool, events);
  await upsertJobRecords(pool, records);
}

export function createRecordBuffer(
  pool: pg.Pool,
  log: Logger,
  opts: { maxEntries: number; batchSize: number; intervalMs: number },
): RecordBuffer {
  let lastWarn = 0;
  const warn = (msg: string, meta: Record<string, unknown>) => {
    if (Date.now() - lastWarn < 10_000) return; // throttled: an outage would otherwise log every flush
    lastWarn = Date.now();
    log.warn(msg, meta);
  };
  return createBatchBuffer<RecordEntry>({
    ...opts,
    async write(batch) {
      try {
        await writeEntries(pool, batch);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code !== "string" || !PG_DATA_ERROR.test(code)) throw err; // transient: keep the batch
        // One bad row must not block every later write: write one by one, skip what Postgres refuses.
        for (const entry of batch) {
          await writeEntries(pool, [entry]).catch((rowErr: unknown) => {
            log.error("job record refused by Postgres; skipped", {
              queue: entry.record?.queue ?? entry.event?.queue,
              job_id: entry.record?.jobId ?? entry.event?.jobId,
              err: rowErr,
            });
          });
        }
      }
    },
    onError: (err, pending) => warn("job record write failed; will retry", { err, pending }),
    onDrop: (dropped) => warn("job record buffer full; reconciliation will repair", { dropped_total: dropped }),
  });
}

const event = (job: Job, name: string, detail: string | null, attempt = job.attemptsStarted): JobEventWrite => ({
  queue: job.queueName,
  jobId: String(job.id),
  attempt,
  event: name,
  detail,
  at: new Date(),
});

/** Subscribes the write-back to one worker's events; `queue` resolves stalled job ids. */
export function attachRecordWriter(worker: Worker, queue: Queue, buffer: RecordBuffer, log: Logger): void {
  worker.on("active", (job) => {
    buffer.push({ record: recordOf(job, "active", JOB_PHASE.active), event: event(job, "active", null) });
  });
  worker.on("progress", (job) => {
    buffer.push({ record: recordOf(job, "active", JOB_PHASE.active) });
  });
  worker.on("completed", (job) => {
    buffer.push({ record: recordOf(job, "completed", JOB_PHASE.finished), event: event(job, "completed", null) });
  });
  worker.on("failed", (job, err) => {
    if (!job) return; // removed on failure before we saw it; reconciliation has nothing to repair
    // moveToFailed sets finishedOn only when the job failed for good; otherwise it was scheduled to retry.
    const final = job.finishedOn !== undefined;
    const status = final ? "failed" : job.delay > 0 ? "delayed" : "waiting";
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
