// Job records (SPEC §9 "Status write-back"): one row per job of a catalog
// queue plus an append-only event history.
//
// Workers write records as batched upserts, one statement per batch
// (INSERT ... SELECT FROM unnest(...)). Every write carries a fencing token
// (created_at, attempt, phase): created_at is the job's BullMQ `timestamp`
// (so a job id reused after removal starts a new record generation), attempt
// is BullMQ's `attemptsStarted`, phase ranks the step within an attempt
// (0 queued, 1 active, 2 finished, 3 removed by Opsdeck). A write lands only
// when its token is >= the stored one, so a stale or replayed write never
// overwrites a newer state, and replaying the same write is a no-op change.
import type pg from "pg";

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
  /** The job's BullMQ `timestamp` (creation), part of the fence. */
  createdAt: Date;
  processedAt: Date | null;
  finishedAt: Date | null;
}

export interface JobEventWrite {
  queue: string;
  jobId: string;
  attempt: number;
  /** active | completed | failed | retry | stalled | ... */
  event: string;
  detail: string | null;
  at: Date;
}

/** Largest payload stored for search, bytes of JSON; larger payloads keep a text preview. */
export const MAX_RECORD_PAYLOAD_BYTES = 64 * 1024;

// Postgres rejects NUL in text and \u0000 in jsonb; one such job must not poison a whole batch.
const stripNul = (s: string): string => (s.includes("\u0000") ? s.replaceAll("\u0000", "") : s);

function jsonText(value: unknown, cap = Infinity): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  try {
    text = JSON.stringify(value) ?? "null";
  } catch {
    return JSON.stringify({ _unserializable: true });
  }
  text = text.replaceAll("\\u0000", "");
  if (text.length > cap) return JSON.stringify({ _truncated: true, preview: stripNul(text.slice(0, cap)) });
  return text;
}

const tokenOf = (r: JobRecordWrite): [number, number, number] => [r.createdAt.getTime(), r.attempt, r.phase];
function tokenGte(a: JobRecordWrite, b: JobRecordWrite): boolean {
  const [x, y] = [tokenOf(a), tokenOf(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) > (y[i] ?? 0);
  return true;
}

/** One row per (queue, job id): ON CONFLICT DO UPDATE may touch a row only once per statement. Later wins ties. */
export function collapseJobRecordWrites(rows: JobRecordWrite[]): JobRecordWrite[] {
  const byKey = new Map<string, JobRecordWrite>();
  for (const r of rows) {
    const key = `${r.queue}\u0000${r.jobId}`;
    const prev = byKey.get(key);
    if (!prev || tokenGte(r, prev)) byKey.set(key, r);
  }
  return [...byKey.values()];
}

const INSERT_SQL = `INSERT INTO job_records AS r (queue, job_id, name, status, attempt, phase, attempts_made, progress,
                                   failed_reason, payload, created_at, processed_at, finished_at, updated_at)
     SELECT t.queue, t.job_id, t.name, t.status, t.attempt, t.phase, t.attempts_made, t.progress::jsonb,
            t.failed_reason, t.payload::jsonb, t.created_at, t.processed_at, t.finished_at, coalesce(t.seen, now())
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::smallint[], $7::int[],
                   $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[],
                   $14::timestamptz[])
         AS t(queue, job_id, name, status, attempt, phase, attempts_made, progress, failed_reason, payload,
              created_at, processed_at, finished_at, seen)
     ON CONFLICT (queue, job_id) DO UPDATE SET
       name = EXCLUDED.name,
       status = EXCLUDED.status,
       attempt = EXCLUDED.attempt,
       phase = EXCLUDED.phase,
       attempts_made = EXCLUDED.attempts_made,
       progress = EXCLUDED.progress,
       failed_reason = EXCLUDED.failed_reason,
       payload = coalesce(EXCLUDED.payload, r.payload),
       created_at = EXCLUDED.created_at,
       processed_at = coalesce(EXCLUDED.processed_at, r.processed_at),
       finished_at = EXCLUDED.finished_at,
       updated_at = now()`;

function recordParams(rows: JobRecordWrite[], seen: (Date | null)[]): unknown[] {
  return [
    rows.map((w) => stripNul(w.queue)),
    rows.map((w) => stripNul(w.jobId)),
    rows.map((w) => stripNul(w.name)),
    rows.map((w) => w.status),
    rows.map((w) => w.attempt),
    rows.map((w) => w.phase),
    rows.map((w) => w.attemptsMade),
    rows.map((w) => jsonText(w.progress)),
    rows.map((w) => (w.failedReason === null ? null : stripNul(w.failedReason).slice(0, 10_000))),
    rows.map((w) => jsonText(w.payload, MAX_RECORD_PAYLOAD_BYTES)),
    rows.map((w) => w.createdAt),
    rows.map((w) => w.processedAt),
    rows.map((w) => w.finishedAt),
    seen,
  ];
}

/** Fenced batch upsert of job records; returns rows inserted or updated (fenced-out writes do not count). */
export async function upsertJobRecords(pool: pg.Pool, writes: JobRecordWrite[]): Promise<number> {
  const rows = collapseJobRecordWrites(writes);
  if (rows.length === 0) return 0;
  const r = await pool.query(
    `${INSERT_SQL}
     WHERE (EXCLUDED.created_at, EXCLUDED.attempt, EXCLUDED.phase) >= (r.created_at, r.attempt, r.phase)`,
    recordParams(
      rows,
      rows.map(() => null),
    ),
  );
  return r.rowCount ?? 0;
}

export interface JobRecordRepair {
  /** The job's state read from Redis after the record was read. */
  record: JobRecordWrite;
  /** updated_at of the record as read; null when there was none. */
  seenUpdatedAt: Date | null;
}

/**
 * Reconciliation's repair: Redis was read after the record, so its state is
 * newer than anything the record reflects — it replaces the record unfenced
 * (a retry may have reset attempts), but only if the record is still the
 * version that was read: a write that landed meanwhile wins. A missing record
 * is inserted unless one appeared meanwhile. Returns rows changed.
 */
export async function repairJobRecords(pool: pg.Pool, repairs: JobRecordRepair[]): Promise<number> {
  const seenByKey = new Map(repairs.map((x) => [`${x.record.queue}\u0000${x.record.jobId}`, x.seenUpdatedAt]));
  const rows = collapseJobRecordWrites(repairs.map((x) => x.record));
  if (rows.length === 0) return 0;
  const r = await pool.query(
    `${INSERT_SQL}
     WHERE r.updated_at = EXCLUDED.updated_at`, // EXCLUDED.updated_at is the seen version (now() when none was seen)
    recordParams(
      rows,
      rows.map((w) => seenByKey.get(`${w.queue}\u0000${w.jobId}`) ?? null),
    ),
  );
  return r.rowCount ?? 0;
}

/** Appends lifecycle events; a repeated (queue, job, attempt, event) is a no-op. */
export async function insertJobEvents(pool: pg.Pool, events: JobEventWrite[]): Promise<void> {
  if (events.length === 0) return;
  await pool.query(
    `INSERT INTO job_events (queue, job_id, attempt, event, detail, at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[])
     ON CONFLICT (queue, job_id, attempt, event) DO NOTHING`,
    [
      events.map((e) => stripNul(e.queue)),
      events.map((e) => stripNul(e.jobId)),
      events.map((e) => e.attempt),
      events.map((e) => e.event),
      events.map((e) => (e.detail === null ? null : stripNul(e.detail).slice(0, 2_000))),
      events.map((e) => e.at),
    ],
  );
}

export interface MarkJobRecordsOptions {
  /**
   * For a retry that resets attempts (seed: `attempts_reset: true`): fence back to
   * (attempt 0, phase 0) and clear attempts, failure and finish time, so the
   * next run's writes land whatever attemptsStarted Redis restarts from.
   * @defaultValue false
   */
  resetAttempts?: boolean;
}

/**
 * Authoritative, unfenced status change for actions Opsdeck itself performed in
 * Redis (retry, remove, promote). 'removed' moves the fence to phase 3 so a
 * stale in-flight write of the same attempt cannot bring the job back.
 * Only existing records change; returns how many did.
 */
export async function markJobRecords(
  pool: pg.Pool,
  queue: string,
  jobIds: string[],
  status: string,
  opts: MarkJobRecordsOptions = {},
): Promise<number> {
  if (jobIds.length === 0) return 0;
  const sets = ["status = $3", "updated_at = now()"];
  if (status === "removed") sets.push(`phase = ${JOB_PHASE.removed}`);
  if (opts.resetAttempts) {
    sets.push(
      "attempt = 0",
      `phase = ${JOB_PHASE.queued}`,
      "attempts_made = 0",
      "failed_reason = NULL",
      "processed_at = NULL",
      "finished_at = NULL",
      "progress = NULL",
    );
  }
  const r = await pool.query(
    `UPDATE job_records SET ${sets.join(", ")} WHERE queue = $1 AND job_id = ANY($2::text[])`,
    [queue, jobIds, status],
  );
  return r.rowCount ?? 0;
}

export interface JobRecordRow {
  queue: string;
  job_id: string;
  name: string;
  status: string;
  attempt: number;
  phase: number;
  attempts_made: number;
  progress: unknown;
  failed_reason: string | null;
  payload: unknown;
  created_at: Date;
  processed_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

export interface JobEventRow {
  attempt: number;
  event: string;
  detail: string | null;
  at: Date;
}

const RECORD_COLUMNS = `queue, job_id, name, status, attempt, phase, attempts_made, progress, failed_reason, payload,
                        created_at, processed_at, finished_at, updated_at`;

/** A job's record and its events, oldest first (for GET /jobs/{job_id}). */
export async function getJobHistory(
  pool: pg.Pool,
  queue: string,
  jobId: string,
): Promise<{ record: JobRecordRow | null; events: JobEventRow[] }> {
  const [rec, ev] = await Promise.all([
    pool.query<JobRecordRow>(`SELECT ${RECORD_COLUMNS} FROM job_records WHERE queue = $1 AND job_id = $2`, [
      queue,
      jobId,
    ]),
    pool.query<JobEventRow>(
      `SELECT attempt, event, detail, at FROM job_events WHERE queue = $1 AND job_id = $2
        ORDER BY at, id LIMIT 1000`,
      [queue, jobId],
    ),
  ]);
  return { record: rec.rows[0] ?? null, events: ev.rows };
}

/** Records of the given jobs (reconciliation compares them with Redis). */
export async function getJobRecords(pool: pg.Pool, queue: string, jobIds: string[]): Promise<JobRecordRow[]> {
  if (jobIds.length === 0) return [];
  const r = await pool.query<JobRecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM job_records WHERE queue = $1 AND job_id = ANY($2::text[])`,
    [queue, jobIds],
  );
  return r.rows;
}

export interface StaleRecordCursor {
  updatedAt: Date;
  id: string;
}

/**
 * Records of `queues` not in a final status and not written for `olderThanMs`,
 * in (updated_at, id) order after `after` — keyset paging, so a reconciliation
 * run walks forward instead of re-reading the same long-running jobs.
 */
export async function listStaleJobRecords(
  pool: pg.Pool,
  queues: string[],
  olderThanMs: number,
  limit: number,
  after: StaleRecordCursor | null,
): Promise<{ rows: (JobRecordRow & { id: string })[]; next: StaleRecordCursor | null }> {
  const r = await pool.query<JobRecordRow & { id: string }>(
    `SELECT id::text, ${RECORD_COLUMNS} FROM job_records
      WHERE queue = ANY($1::text[]) AND status <> ALL($2::text[])
        AND updated_at < now() - make_interval(secs => $3::double precision / 1000)
        AND ($4::timestamptz IS NULL OR (updated_at, id) > ($4::timestamptz, $5::bigint))
      ORDER BY updated_at, id LIMIT $6`,
    [queues, FINAL_JOB_STATUSES, olderThanMs, after?.updatedAt ?? null, after?.id ?? "0", limit],
  );
  const last = r.rows[r.rows.length - 1];
  return { rows: r.rows, next: last && r.rows.length === limit ? { updatedAt: last.updated_at, id: last.id } : null };
}

/**
 * Marks records 'removed' for jobs reconciliation found gone from Redis — only
 * when the record is still the version it read (same updated_at), so a write
 * that landed meanwhile wins. Phase 2 (not 3): a delayed "completed" write of
 * the same attempt may still overwrite it. Returns rows changed.
 */
export async function markVanishedJobRecords(
  pool: pg.Pool,
  queue: string,
  seen: { jobId: string; updatedAt: Date }[],
): Promise<number> {
  if (seen.length === 0) return 0;
  const r = await pool.query(
    `UPDATE job_records AS r SET status = 'removed', phase = GREATEST(r.phase, ${JOB_PHASE.finished}),
            updated_at = now()
       FROM unnest($2::text[], $3::timestamptz[]) AS s(job_id, updated_at)
      WHERE r.queue = $1 AND r.job_id = s.job_id AND r.updated_at = s.updated_at
        AND r.status <> ALL($4::text[])`,
    [queue, seen.map((s) => s.jobId), seen.map((s) => s.updatedAt), FINAL_JOB_STATUSES],
  );
  return r.rowCount ?? 0;
}
