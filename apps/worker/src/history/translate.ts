// BullMQ event-stream entries of one queue -> job record writes and job
// events, for the fenced upserts of packages/db (jobRecords/upsert.ts). Pure:
// the follower (follower.ts) reads the entries, the job hashes and the
// records already stored, and commits what this returns.
//
// The stream says what happened and when, in order, but not to which attempt
// (an `active` entry carries no count), and not the payload. So each job's
// attempt is counted along the stream: from 0 at its `added` entry, otherwise
// from its stored record (written by the previous batch, in the same
// transaction as the stream position, so it is exactly the count up to the
// saved position), otherwise from the hash's attemptsStarted less the
// `active` entries still ahead in the batch — which also bounds the count
// from a stored record (one gap repair wrote may already hold the starts
// of entries the stream still has). The record of a job is its state
// after its last entry in the batch, with what the hash adds (payload, name,
// times, attempts made); its events are what the record will not keep once
// the next attempt runs, as the write-back stores them (apps/worker/src/records.ts):
// a failed or retried attempt's `active` and `retry` / `failed` (with the
// reason), stalls, and deduplication notices.
import { JOB_PHASE, type JobEventWrite, type JobRecordState, type JobRecordWrite } from "@opsdeck/db";
import { type JobHash, type StreamEntry, streamIdTime } from "@opsdeck/redis";

/** What the stored record tells about a job. */
export type StoredRecord = Omit<JobRecordState, "job_id">;

interface JobWalk {
  jobId: string;
  attempt: number;
  status: string | null;
  phase: number;
  name: string | null;
  addedAt: Date | null;
  firstAt: Date;
  /** Start of the current attempt, when its `active` entry is in this batch. */
  activeAt: Date | null;
  progress: { value: unknown } | null;
  failedReason: string | null;
  finishedAt: Date | null;
  /** A `waiting` back from active: a retry, unless a `stalled` entry follows (the stall's own move to wait). */
  pendingRetry: { attempt: number; at: Date; activeAt: Date | null } | null;
}

const num = (v: string | undefined): number | null => {
  if (v === undefined || v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const dateOf = (v: string | undefined): Date | null => {
  const n = num(v);
  return n === null ? null : new Date(n);
};
function parseJson(v: string | undefined): unknown {
  if (v === undefined) return null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * The reason attempt `attempt` failed, from the hash: BullMQ keeps one stack per failed attempt,
 * oldest first; the newest one's reason is also the hash's failedReason, an older one's is its stack's
 * first line ("Error: <message>"). Attempts are counted by starts, so a stalled attempt (started, never
 * failed) shifts this by one; the stream's own `failed` entry carries its reason and needs none of it.
 */
function reasonFor(hash: JobHash | null | undefined, attempt: number): string | null {
  if (!hash) return null;
  const stacks = parseJson(hash.stacktrace);
  if (!Array.isArray(stacks) || stacks.length === 0) return hash.failedReason ?? null;
  if (attempt >= stacks.length && hash.failedReason) return hash.failedReason;
  const stack: unknown = stacks[attempt - 1];
  if (typeof stack !== "string") return null;
  const first = stack.split("\n", 1)[0] ?? "";
  return first.replace(/^[A-Za-z]*Error: /, "") || null;
}

const phaseAfterAttempt = (attempt: number) => (attempt > 0 ? JOB_PHASE.finished : JOB_PHASE.queued);

export interface TranslatedBatch {
  records: JobRecordWrite[];
  events: JobEventWrite[];
}

/** Job ids of `entries` whose attempt count cannot start from an `added` entry in the batch. */
export function jobsNeedingStoredRecords(entries: readonly StreamEntry[]): string[] {
  const added = new Set<string>();
  const others = new Set<string>();
  for (const e of entries) {
    if (!e.jobId) continue;
    if (e.event === "added" && !others.has(e.jobId)) added.add(e.jobId);
    else if (!added.has(e.jobId)) others.add(e.jobId);
  }
  return [...others];
}

export function translateEntries(
  queue: string,
  entries: readonly StreamEntry[],
  hashes: ReadonlyMap<string, JobHash | null>,
  stored: ReadonlyMap<string, StoredRecord>,
): TranslatedBatch {
  const events: JobEventWrite[] = [];
  const walks = new Map<string, JobWalk>();
  const activesLeft = new Map<string, number>();
  for (const e of entries)
    if (e.jobId && e.event === "active") activesLeft.set(e.jobId, (activesLeft.get(e.jobId) ?? 0) + 1);

  const push = (jobId: string, attempt: number, event: string, detail: string | null, at: Date) =>
    events.push({ queue, jobId, attempt, event, detail, at });
  const endAttempt = (
    w: JobWalk,
    event: "retry" | "failed",
    detail: string | null,
    at: Date,
    activeAt: Date | null,
  ) => {
    const hash = hashes.get(w.jobId);
    const started = activeAt ?? (hash && num(hash.ats) === w.attempt ? dateOf(hash.processedOn) : null);
    if (started) push(w.jobId, w.attempt, "active", null, started);
    push(w.jobId, w.attempt, event, detail, at);
  };
  const flushRetry = (w: JobWalk) => {
    const r = w.pendingRetry;
    if (!r) return;
    w.pendingRetry = null;
    endAttempt({ ...w, attempt: r.attempt }, "retry", reasonFor(hashes.get(w.jobId), r.attempt), r.at, r.activeAt);
  };

  for (const e of entries) {
    const jobId = e.jobId;
    if (!jobId) continue; // queue-wide: drained, paused, resumed, cleaned…
    const at = new Date(streamIdTime(e.id));
    let w = walks.get(jobId);
    if (!w) {
      const rec = stored.get(jobId);
      const hash = hashes.get(jobId);
      let attempt = 0;
      if (e.event === "added") attempt = 0;
      else if (rec) attempt = rec.attempt;
      else if (hash) attempt = Math.max(0, (num(hash.ats) ?? 0) - (activesLeft.get(jobId) ?? 0));
      w = {
        jobId,
        attempt,
        status: e.event === "added" ? null : (rec?.status ?? null),
        // The stored phase, so a later batch's `progress` of an active job is not fenced out.
        phase: e.event === "added" ? JOB_PHASE.queued : (rec?.phase ?? JOB_PHASE.queued),
        name: rec?.name ?? null,
        addedAt: null,
        firstAt: at,
        // The stored record is this attempt's, so its start is the attempt's start.
        activeAt: rec && e.event !== "added" ? rec.processed_at : null,
        progress: null,
        failedReason: null,
        finishedAt: null,
        pendingRetry: null,
      };
      walks.set(jobId, w);
    }
    if (e.event === "active") activesLeft.set(jobId, (activesLeft.get(jobId) ?? 1) - 1);
    if (e.event === "stalled") w.pendingRetry = null;
    else flushRetry(w);
    const prevStatus = w.status;
    switch (e.event) {
      case "added":
        Object.assign(w, { attempt: 0, status: "waiting", phase: JOB_PHASE.queued, addedAt: at, finishedAt: null });
        w.name = e.fields.name ?? w.name;
        w.failedReason = null;
        break;
      case "waiting":
        if (e.fields.prev === "active") w.pendingRetry = { attempt: w.attempt, at, activeAt: w.activeAt };
        w.status = "waiting";
        w.phase = phaseAfterAttempt(w.attempt);
        w.finishedAt = null;
        break;
      case "delayed":
        // Back from active: the attempt failed and waits for its backoff.
        if (prevStatus === "active") endAttempt(w, "retry", reasonFor(hashes.get(jobId), w.attempt), at, w.activeAt);
        w.status = "delayed";
        w.phase = phaseAfterAttempt(w.attempt);
        w.finishedAt = null;
        break;
      case "waiting-children":
        w.status = "waiting-children";
        w.phase = phaseAfterAttempt(w.attempt);
        break;
      case "active": {
        // The hash, read after these entries, bounds the count: attemptsStarted less the starts still
        // ahead in the batch. Counting from a record that gap repair wrote from a newer hash would
        // otherwise count again the starts it already holds, entries the repair left in the stream.
        const started = num(hashes.get(jobId)?.ats);
        const bound = started === null ? Infinity : started - (activesLeft.get(jobId) ?? 0);
        w.attempt = Math.max(0, Math.min(w.attempt + 1, bound));
        w.status = "active";
        w.phase = JOB_PHASE.active;
        w.activeAt = at;
        w.finishedAt = null;
        break;
      }
      case "progress":
        w.progress = { value: parseJson(e.fields.data) };
        if (w.status === null) {
          w.status = "active";
          w.phase = JOB_PHASE.active;
        }
        break;
      case "completed":
        w.status = "completed";
        w.phase = JOB_PHASE.finished;
        w.finishedAt = at;
        w.failedReason = null;
        break;
      case "failed":
        w.status = "failed";
        w.phase = JOB_PHASE.finished;
        w.finishedAt = at;
        w.failedReason = e.fields.failedReason ?? null;
        endAttempt(w, "failed", w.failedReason, at, w.activeAt);
        break;
      case "stalled":
        push(jobId, w.attempt, "stalled", null, at);
        w.status = "waiting";
        w.phase = JOB_PHASE.finished;
        break;
      case "removed":
        w.status = "removed";
        w.phase = JOB_PHASE.removed;
        break;
      case "duplicated":
      case "deduplicated":
        push(jobId, w.attempt, e.event, e.fields.deduplicatedJobId ?? e.fields.deduplicationId ?? null, at);
        break;
      default:
        break; // retries-exhausted (follows its `failed`), and events Opsdeck does not record
    }
  }

  const records: JobRecordWrite[] = [];
  for (const w of walks.values()) {
    flushRetry(w);
    if (w.status === null) continue; // only notices (deduplicated…) about a job we know nothing else of
    const hash = hashes.get(w.jobId) ?? null;
    const rec = stored.get(w.jobId);
    // A removed job we never saw has nothing to record.
    if (w.status === "removed" && !hash && !rec && !w.addedAt) continue;
    const final = w.status === "completed" || w.status === "failed";
    const sameAttempt = hash !== null && num(hash.ats) === w.attempt;
    records.push({
      queue,
      jobId: w.jobId,
      name: hash?.name ?? w.name ?? "(unknown)",
      status: w.status,
      attempt: w.attempt,
      phase: w.phase,
      attemptsMade: (hash ? num(hash.atm) : null) ?? rec?.attempts_made ?? 0,
      progress: hash?.progress !== undefined ? parseJson(hash.progress) : (w.progress?.value ?? null),
      failedReason: w.failedReason ?? hash?.failedReason ?? null,
      payload: hash?.data !== undefined ? parseJson(hash.data) : null,
      createdAt: dateOf(hash?.timestamp) ?? rec?.created_at ?? w.addedAt ?? w.firstAt,
      processedAt: (sameAttempt ? dateOf(hash.processedOn) : null) ?? w.activeAt,
      finishedAt: final ? ((sameAttempt ? dateOf(hash.finishedOn) : null) ?? w.finishedAt) : null,
    });
  }
  return { records, events };
}

/** The record status of a job in BullMQ state `state` (the name of the key that holds it). */
export const repairStatus = (state: string): string => (state === "wait" || state === "paused" ? "waiting" : state);

/** A job's record as gap repair writes it: its state in Redis now, flagged history_incomplete. */
export function repairRecord(queue: string, jobId: string, state: string, hash: JobHash): JobRecordWrite {
  const attempt = num(hash.ats) ?? 0;
  const status = repairStatus(state);
  const final = status === "completed" || status === "failed";
  const phase = status === "active" ? JOB_PHASE.active : final ? JOB_PHASE.finished : phaseAfterAttempt(attempt);
  return {
    queue,
    jobId,
    name: hash.name ?? "(unknown)",
    status,
    attempt,
    phase,
    attemptsMade: num(hash.atm) ?? 0,
    progress: parseJson(hash.progress),
    failedReason: hash.failedReason ?? null,
    payload: parseJson(hash.data),
    createdAt: dateOf(hash.timestamp) ?? new Date(0),
    processedAt: dateOf(hash.processedOn),
    finishedAt: final ? dateOf(hash.finishedOn) : null,
    historyIncomplete: true,
  };
}
