// Replay from the record: re-enqueue a job Redis no longer holds (or a copy of
// one it does) as a new job linked to the original — same queue, name and retry
// options (attempts, backoff), the recorded payload or an edited one. Used by
// POST /queues/{queue_name}/jobs/{job_id}/replay and by replay actions
// (jobActions/steps.ts). The new job's record is written with its link
// (replay_of) before the job is added, with the job's own timestamp, so the
// write-back of whichever worker runs it lands on that record and keeps the link.
import { randomBytes } from "node:crypto";

import { defaultJobOptions, isCatalogQueue, QUEUES } from "@opsdeck/core";
import { getJobRecords, markJobRecords, recordReplay } from "@opsdeck/db";
import type { JobsOptions, Queue } from "bullmq";
import type pg from "pg";

/** Why a job was not replayed. */
export type ReplayRefusal =
  | { reason: "no_record" }
  | { reason: "retryable_in_place" }
  | { reason: "payload_truncated" }
  | { reason: "invalid_payload"; issues: { path: string; message: string }[] };

export interface Replayed {
  jobId: string;
  name: string;
  payloadEdited: boolean;
}

interface ReplaySource {
  name: string;
  data: unknown;
  /** attempts and backoff, as BullMQ takes them; null when unknown. */
  options: { attempts?: unknown; backoff?: unknown } | null;
}

/** A record's payload over 64 KiB is kept as {_truncated, preview}: not something to run again. */
const isTruncated = (data: unknown): boolean =>
  typeof data === "object" && data !== null && (data as Record<string, unknown>)._truncated === true;

const retryOptions = (o: unknown): ReplaySource["options"] => {
  if (typeof o !== "object" || o === null) return null;
  const { attempts, backoff } = o as Record<string, unknown>;
  return attempts === undefined && backoff === undefined ? null : { attempts, backoff };
};

/** A new job id: BullMQ refuses ids that are integers, and ':' would read as a key separator. */
export const newReplayId = (): string => `rp-${randomBytes(10).toString("hex")}`;

/**
 * Replays job `jobId` of `queue`. Refused (not thrown) when the job is still failed in Redis and `copy`
 * is false (a retry does it in place), when there is neither a job nor a record to replay, when the
 * record kept only a preview and no `data` is given, and when the payload fails the catalog schema.
 * `newJobId` makes a repeat of the same replay a no-op (actions pass one per item).
 */
export async function replayJob(
  pool: pg.Pool,
  queue: Queue,
  jobId: string,
  opts: { data?: Record<string, unknown> | undefined; copy: boolean; newJobId: string },
): Promise<Replayed | ReplayRefusal> {
  const state = await queue.getJobState(jobId);
  if (state === "failed" && !opts.copy) return { reason: "retryable_in_place" };
  const source = await sourceOf(pool, queue, jobId, state !== "unknown");
  if (!source) return { reason: "no_record" };
  const data = opts.data ?? source.data;
  if (opts.data === undefined && isTruncated(data)) return { reason: "payload_truncated" };
  if (isCatalogQueue(queue.name)) {
    const parsed = QUEUES[queue.name].payload.safeParse(data);
    if (!parsed.success) {
      return {
        reason: "invalid_payload",
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      };
    }
  }
  const options: JobsOptions = {
    ...(isCatalogQueue(queue.name) ? defaultJobOptions(queue.name) : {}),
    ...(source.options as JobsOptions | null),
  };
  const timestamp = Date.now();
  await recordReplay(pool, {
    queue: queue.name,
    jobId: opts.newJobId,
    replayOf: jobId,
    name: source.name,
    payload: data,
    options: retryOptions(options),
    createdAt: new Date(timestamp),
  });
  try {
    // An existing id (a repeated action step) makes this a no-op: BullMQ keeps the job it has.
    await queue.add(source.name, data, { ...options, jobId: opts.newJobId, timestamp });
  } catch (err) {
    // The job never reached Redis: its record must not say it waits.
    await markJobRecords(pool, queue.name, [opts.newJobId], "removed").catch(() => undefined);
    throw err;
  }
  return { jobId: opts.newJobId, name: source.name, payloadEdited: opts.data !== undefined };
}

/** What to replay: the job as Redis holds it, else its record. */
async function sourceOf(pool: pg.Pool, queue: Queue, jobId: string, inRedis: boolean): Promise<ReplaySource | null> {
  if (inRedis) {
    const job = await queue.getJob(jobId);
    if (job) return { name: job.name, data: job.data, options: retryOptions(job.opts) };
  }
  const [rec] = await getJobRecords(pool, queue.name, [jobId]);
  if (!rec || rec.payload === null) return null;
  return { name: rec.name, data: rec.payload, options: retryOptions(rec.options) };
}

export const isRefusal = (r: Replayed | ReplayRefusal): r is ReplayRefusal => "reason" in r;
