// BullMQ Job → the documented job shape. Payloads are capped so one huge job
// cannot make a listing megabytes long: past the cap the payload becomes a
// JSON text preview and `payload_truncated` says so.
import type { QueueJob } from "@opsdeck/core";
import type { Job } from "bullmq";

/** Largest payload returned whole in a listing, bytes of JSON. */
export const LIST_PAYLOAD_CAP_BYTES = 8 * 1024;
/** Largest payload returned whole by GET /jobs/{id}, bytes of JSON. */
export const DETAIL_PAYLOAD_CAP_BYTES = 256 * 1024;

export interface Capped {
  value: unknown;
  truncated: boolean;
  sizeBytes: number;
}

export function capJson(value: unknown, capBytes: number): Capped {
  if (value === undefined || value === null) return { value: null, truncated: false, sizeBytes: 0 };
  const text = JSON.stringify(value) ?? "null";
  const sizeBytes = Buffer.byteLength(text);
  if (sizeBytes <= capBytes) return { value, truncated: false, sizeBytes };
  // Cut on bytes, then drop a possibly split trailing character.
  const preview = Buffer.from(text)
    .subarray(0, capBytes)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
  return { value: preview, truncated: true, sizeBytes };
}

export const iso = (ms: number | undefined | null): string | null =>
  ms === undefined || ms === null || !Number.isFinite(ms) || ms <= 0 ? null : new Date(ms).toISOString();

export function jobError(job: Job): QueueJob["error"] {
  if (!job.failedReason) return null;
  const stack = job.stacktrace?.length ? job.stacktrace[job.stacktrace.length - 1] : undefined;
  return { message: job.failedReason, stack_trace: stack ?? null };
}

export function jobView(job: Job, queue: string, status: string, capBytes = LIST_PAYLOAD_CAP_BYTES): QueueJob {
  const payload = capJson(job.data, capBytes);
  const created = job.timestamp;
  const updated = Math.max(created || 0, job.processedOn ?? 0, job.finishedOn ?? 0);
  return {
    id: String(job.id),
    queue,
    name: job.name,
    status,
    payload: payload.value,
    payload_truncated: payload.truncated,
    payload_size_bytes: payload.sizeBytes,
    error: jobError(job),
    attempts: job.attemptsMade ?? 0,
    max_attempts: job.opts.attempts ?? 1,
    progress: job.progress ?? 0,
    priority: job.priority ?? 0,
    delay: job.delay ?? 0,
    created_at: iso(created) ?? new Date(0).toISOString(),
    updated_at: iso(updated) ?? new Date(0).toISOString(),
    processed_at: iso(job.processedOn),
    finished_at: iso(job.finishedOn),
  };
}
