// The fence every job record write passes: a write carries a token
// (created_at, attempt, phase) — created_at is the job's BullMQ `timestamp`
// (so a job id reused after removal starts a new record generation), attempt
// is BullMQ's `attemptsStarted`, phase ranks the step within an attempt
// (JOB_PHASE). A write lands only when its token is >= the stored one, so a
// stale or replayed write never overwrites a newer state, and replaying the
// same write is a no-op change. The SQL upserts (upsert.ts) compare the same
// tuple; fenceAdmits is that comparison for writes still in memory.

export const JOB_PHASE = { queued: 0, active: 1, finished: 2, removed: 3 } as const;
/** Statuses that end a job's life in Redis; reconciliation never marks these removed. */
export const FINAL_JOB_STATUSES = ["completed", "failed", "removed"] as const;

export interface JobRecordWrite {
  queue: string;
  jobId: string;
  name: string;
  /** waiting | delayed | prioritized | active | completed | failed | removed | ... */
  status: string;
  /** BullMQ attemptsStarted when the state was observed. */
  attempt: number;
  /** JOB_PHASE value. */
  phase: number;
  attemptsMade: number;
  /** Any JSON value, or null. */
  progress: unknown;
  failedReason: string | null;
  /** Job data (for search); null keeps what is stored. */
  payload: unknown;
  /** The job's retry options (attempts, backoff) a replay re-uses; null or absent keeps what is stored. */
  options?: unknown;
  /** The job's BullMQ `timestamp` (creation), part of the fence. */
  createdAt: Date;
  processedAt: Date | null;
  finishedAt: Date | null;
  /**
   * Gap repair of a followed event stream wrote this: the job's events may miss attempts. Sticky in
   * the row (a later write never clears it). Absent: false.
   */
  historyIncomplete?: boolean;
}

/**
 * True when `next` may replace `current`, a write of the same job made before it: its token
 * (created_at, attempt, phase) is >= current's, so the later of two equal tokens wins.
 */
export function fenceAdmits(next: JobRecordWrite, current: JobRecordWrite): boolean {
  // Field by field rather than through token arrays: the worker calls this for every job event.
  const a = next.createdAt.getTime();
  const b = current.createdAt.getTime();
  if (a !== b) return a > b;
  if (next.attempt !== current.attempt) return next.attempt > current.attempt;
  return next.phase >= current.phase;
}

/** One row per (queue, job id): ON CONFLICT DO UPDATE may touch a row only once per statement. Later wins ties. */
export function collapseJobRecordWrites(rows: JobRecordWrite[]): JobRecordWrite[] {
  const byKey = new Map<string, JobRecordWrite>();
  for (const r of rows) {
    const key = `${r.queue}\u0000${r.jobId}`;
    const prev = byKey.get(key);
    if (!prev || fenceAdmits(r, prev)) byKey.set(key, r);
  }
  return [...byKey.values()];
}
