// Job records (SPEC §9 "Status write-back"): one row per job of a catalog
// queue plus an append-only event history.
//
// Workers write records as batched upserts, one statement per batch
// (INSERT ... SELECT FROM unnest(...)), together with the batch's history
// events (writeJobRecordsWithEvents). Every write carries a fencing token
// (created_at, attempt, phase): created_at is the job's BullMQ `timestamp`
// (so a job id reused after removal starts a new record generation), attempt
// is BullMQ's `attemptsStarted`, phase ranks the step within an attempt
// (0 queued, 1 active, 2 finished, 3 removed by Opsdeck). A write lands only
// when its token is >= the stored one, so a stale or replayed write never
// overwrites a newer state, and replaying the same write is a no-op change.
//
// A batch travels as one JSON array of row arrays per table (jsonb_array_elements
// in SQL), built by a single JSON.stringify: several times cheaper on the
// worker's event loop than pg's per-element array serialization, and smaller.
// Timestamps travel as millisecond offsets from a base sent alongside (small
// integers stringify fast) and become timestamptz in SQL.
import type pg from "pg";

export const JOB_PHASE = { queued: 0, active: 1, finished: 2, removed: 3 } as const;
/** Statuses that end a job's life in Redis; reconciliation never marks these removed. */
export const FINAL_JOB_STATUSES = ["completed", "failed", "removed"] as const;
const FINAL_STATUSES_SQL = `ARRAY[${FINAL_JOB_STATUSES.map((x) => `'${x}'`).join(", ")}]::text[]`;

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

// JSON escapes jsonb input refuses — and one such job must not poison a whole batch: \u0000 (NUL, which
// Postgres text cannot hold either, is dropped) and a lone UTF-16 surrogate (JSON.stringify escapes only
// lone ones; it becomes U+FFFD, as a UTF-8 encoder would write it). Applied to each batch's JSON, this
// cleans every text column too. Only real escapes count: a backslash after an even number of backslashes.
const BAD_JSON_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi;
function cleanJson(text: string): string {
  if (!text.includes("\\u")) return text;
  return text.replace(BAD_JSON_ESCAPE, (_m, pre: string, code: string) => (code === "0000" ? pre : `${pre}\\ufffd`));
}

function jsonText(value: unknown, cap = Infinity): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  try {
    text = cleanJson(JSON.stringify(value) ?? "null");
  } catch {
    return JSON.stringify({ _unserializable: true });
  }
  if (text.length > cap) return cleanJson(JSON.stringify({ _truncated: true, preview: text.slice(0, cap) }));
  return text;
}

/** Milliseconds from `base` (null stays null): small integers, cheap to stringify. */
const offset = (d: Date | null, base: number): number | null => (d === null ? null : d.getTime() - base);

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

// $1: the rows, a JSON array of row arrays (recordRows); $2: the base of their timestamp offsets, epoch ms.
// to_timestamp() of epoch seconds is exact to the microsecond (Postgres rounds with rint), so a
// millisecond value round-trips and the fence and repair comparisons see the same instant.
const ts = (i: number) => `to_timestamp(($2::float8 + (x->>${i})::float8) / 1000)`;
const INSERT_SQL = `INSERT INTO job_records AS r (queue, job_id, name, status, attempt, phase, attempts_made, progress,
                                   failed_reason, payload, created_at, processed_at, finished_at, updated_at)
     SELECT x->>0, x->>1, x->>2, x->>3, (x->>4)::int, (x->>5)::smallint, (x->>6)::int, (x->>7)::jsonb,
            x->>8, (x->>9)::jsonb, ${ts(10)}, ${ts(11)}, ${ts(12)}, coalesce(${ts(13)}, now())
       FROM jsonb_array_elements($1::jsonb) AS x
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

const FENCE = `WHERE (EXCLUDED.created_at, EXCLUDED.attempt, EXCLUDED.phase) >= (r.created_at, r.attempt, r.phase)`;

/** The rows for INSERT_SQL's $1; `seen` is the updated_at a repair read (null: none). */
function recordRows(rows: JobRecordWrite[], seen: (Date | null)[], base: number): string {
  // Progress and payload go as JSON text (cast to jsonb in SQL), so jsonText's cap and cleaning apply.
  return cleanJson(
    JSON.stringify(
      rows.map((w, i) => [
        w.queue,
        w.jobId,
        w.name,
        w.status,
        w.attempt,
        w.phase,
        w.attemptsMade,
        jsonText(w.progress),
        w.failedReason === null ? null : w.failedReason.slice(0, 10_000),
        jsonText(w.payload, MAX_RECORD_PAYLOAD_BYTES),
        offset(w.createdAt, base),
        offset(w.processedAt, base),
        offset(w.finishedAt, base),
        offset(seen[i] ?? null, base),
      ]),
    ),
  );
}

// $first: the events, a JSON array of row arrays (eventRows); $first+1: their timestamps' base, epoch ms.
const eventsInsert = (first: number): string =>
  `INSERT INTO job_events (queue, job_id, attempt, event, detail, at)
     SELECT e->>0, e->>1, (e->>2)::int, e->>3, e->>4, to_timestamp(($${first + 1}::float8 + (e->>5)::float8) / 1000)
       FROM jsonb_array_elements($${first}::jsonb) AS e
     ON CONFLICT (queue, job_id, attempt, event) DO NOTHING`;

function eventRows(events: JobEventWrite[], base: number): string {
  return cleanJson(
    JSON.stringify(
      events.map((e) => [
        e.queue,
        e.jobId,
        e.attempt,
        e.event,
        e.detail === null ? null : e.detail.slice(0, 2_000),
        offset(e.at, base),
      ]),
    ),
  );
}

/** Fenced batch upsert of job records; returns rows inserted or updated (fenced-out writes do not count). */
export async function upsertJobRecords(pool: pg.Pool, writes: JobRecordWrite[]): Promise<number> {
  const rows = collapseJobRecordWrites(writes);
  if (rows.length === 0) return 0;
  const base = Date.now();
  const r = await pool.query(`${INSERT_SQL}\n     ${FENCE}`, [recordRows(rows, [], base), base]);
  return r.rowCount ?? 0;
}

const RECORDS_WITH_EVENTS_SQL = `WITH events AS (${eventsInsert(3)})
${INSERT_SQL}
     ${FENCE}`;

/**
 * The worker's write-back: appends `events` (a repeated (queue, job, attempt, event) is a no-op) and
 * applies the fenced upsert of `writes`, in one statement and so one transaction — a record never
 * shows a state whose history is missing, and a batch costs one round trip and one commit.
 * Returns record rows inserted or updated.
 */
export async function writeJobRecordsWithEvents(
  pool: pg.Pool,
  writes: JobRecordWrite[],
  events: JobEventWrite[],
): Promise<number> {
  const rows = collapseJobRecordWrites(writes);
  if (events.length === 0) return upsertJobRecords(pool, rows);
  const base = Date.now();
  const r = await pool.query(RECORDS_WITH_EVENTS_SQL, [
    recordRows(rows, [], base),
    base,
    eventRows(events, base),
    base,
  ]);
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
  const base = Date.now();
  const r = await pool.query(
    `${INSERT_SQL}
     WHERE r.updated_at = EXCLUDED.updated_at`, // EXCLUDED.updated_at is the seen version (now() when none was seen)
    [
      recordRows(
        rows,
        rows.map((w) => seenByKey.get(`${w.queue}\u0000${w.jobId}`) ?? null),
        base,
      ),
      base,
    ],
  );
  return r.rowCount ?? 0;
}

/** Appends lifecycle events; a repeated (queue, job, attempt, event) is a no-op. */
export async function insertJobEvents(pool: pg.Pool, events: JobEventWrite[]): Promise<void> {
  if (events.length === 0) return;
  const base = Date.now();
  await pool.query(eventsInsert(1), [eventRows(events, base), base]);
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

/**
 * A job's history: the stored events plus those its record implies, oldest first. The worker stores
 * only what the record cannot tell (SPEC §9): an ended attempt that failed or is retried (its `active`
 * at the attempt's start, and `retry` or `failed`), stalls, replays. The latest attempt's `active`
 * (record.processed_at) and a `completed` or `failed` end (record.finished_at) come from the record,
 * so the common path — a job that runs once and completes — writes no event rows at all. A record
 * repaired by reconciliation (the worker's own write lost) gets its history the same way.
 */
export function historyOf(record: JobRecordRow | null, stored: JobEventRow[]): JobEventRow[] {
  if (!record || record.attempt < 1) return stored;
  const has = (attempt: number, event: string) => stored.some((e) => e.attempt === attempt && e.event === event);
  const derived: JobEventRow[] = [];
  const { attempt } = record;
  if (record.processed_at && !has(attempt, "active"))
    derived.push({ attempt, event: "active", detail: null, at: record.processed_at });
  const end = record.status === "completed" || record.status === "failed" ? record.status : null;
  if (end && record.finished_at && !has(attempt, end))
    derived.push({
      attempt,
      event: end,
      detail: end === "failed" ? record.failed_reason : null,
      at: record.finished_at,
    });
  if (derived.length === 0) return stored;
  // Attempts in order, then time within one: a retry event is stamped by the worker's clock when it
  // sees the failure, which can be after the next attempt started (stamped by Redis). Stable: equal
  // instants keep stored events first (they were written when they happened).
  return [...stored, ...derived].sort((a, b) => a.attempt - b.attempt || a.at.getTime() - b.at.getTime());
}

/** A job's record and its history (historyOf), oldest first (for GET /jobs/{job_id}). */
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
        ORDER BY attempt, at, id LIMIT 1000`,
      [queue, jobId],
    ),
  ]);
  const record = rec.rows[0] ?? null;
  return { record, events: historyOf(record, ev.rows) };
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
  queue: string;
  jobId: string;
}

/**
 * Records of `queues` not in a final status and not written for `olderThanMs`,
 * in (updated_at, queue, job_id) order after `after` — keyset paging, so a
 * reconciliation run walks forward instead of re-reading the same long-running
 * jobs. The final statuses go in as a literal array, so the planner can prove that the
 * partial (status, updated_at) index (completed records left out) covers the query and
 * use it when unfinished records are few among many (it costs that against the
 * (updated_at) index).
 */
export async function listStaleJobRecords(
  pool: pg.Pool,
  queues: string[],
  olderThanMs: number,
  limit: number,
  after: StaleRecordCursor | null,
): Promise<{ rows: JobRecordRow[]; next: StaleRecordCursor | null }> {
  const r = await pool.query<JobRecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM job_records
      WHERE queue = ANY($1::text[]) AND status <> ALL(${FINAL_STATUSES_SQL})
        AND updated_at < now() - make_interval(secs => $2::double precision / 1000)
        AND ($3::timestamptz IS NULL OR (updated_at, queue, job_id) > ($3::timestamptz, $4::text, $5::text))
      ORDER BY updated_at, queue, job_id LIMIT $6`,
    [queues, olderThanMs, after?.updatedAt ?? null, after?.queue ?? "", after?.jobId ?? "", limit],
  );
  const last = r.rows[r.rows.length - 1];
  return {
    rows: r.rows,
    next:
      last && r.rows.length === limit ? { updatedAt: last.updated_at, queue: last.queue, jobId: last.job_id } : null,
  };
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
