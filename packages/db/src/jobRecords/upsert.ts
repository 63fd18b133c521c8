// Job record writes (the worker's status write-back, and reconciliation's
// repairs): one row per job of a catalog queue plus an append-only event
// history, behind the fence of fence.ts.
//
// Workers write records as batched upserts, one statement per batch
// (INSERT ... SELECT FROM jsonb_array_elements(...)), together with the
// batch's history events (writeJobRecordsWithEvents).
//
// A batch travels as one JSON array of row arrays per table (jsonb_array_elements
// in SQL), built by a single JSON.stringify: several times cheaper on the
// worker's event loop than pg's per-element array serialization, and smaller.
// Timestamps travel as millisecond offsets from a base sent alongside (small
// integers stringify fast) and become timestamptz in SQL.
import type pg from "pg";

import { collapseJobRecordWrites, type JobRecordWrite } from "./fence";

/** A pool, or a client inside a transaction (the history follower commits records with its stream position). */
export type Queryable = Pick<pg.Pool, "query">;

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
const MAX_RECORD_PAYLOAD_BYTES = 64 * 1024;

// JSON escapes jsonb input refuses — and one such job must not poison a whole batch: \u0000 (NUL, which
// Postgres text cannot hold either, is dropped) and a lone UTF-16 surrogate (JSON.stringify escapes only
// lone ones; it becomes U+FFFD, as a UTF-8 encoder would write it). Applied to each batch's JSON, this
// cleans every text column too. Only real escapes count: a backslash after an even number of backslashes.
const BAD_JSON_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi;
function cleanJson(text: string): string {
  if (!text.includes("\\u")) return text;
  return text.replace(BAD_JSON_ESCAPE, (_m, pre: string, code: string) => (code === "0000" ? pre : `${pre}\\ufffd`));
}

/** A record's payload as stored: JSON text, or a preview when over MAX_RECORD_PAYLOAD_BYTES (replay.ts too). */
export const recordPayloadText = (payload: unknown): string | null => jsonText(payload, MAX_RECORD_PAYLOAD_BYTES);

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

// $rows: the rows, a JSON array of row arrays (recordRows); $base: the base of their timestamp offsets,
// epoch ms. to_timestamp() of epoch seconds is exact to the microsecond (Postgres rounds with rint), so
// a millisecond value round-trips and the fence and repair comparisons see the same instant. `where`:
// a condition on the whole batch (the stream follower's position gate), empty for none.
const recordsInsert = (rowsParam: number, baseParam: number, where = ""): string => {
  const ts = (i: number) => `to_timestamp(($${baseParam}::float8 + (x->>${i})::float8) / 1000)`;
  return `INSERT INTO job_records AS r (queue, job_id, name, status, attempt, phase, attempts_made, progress,
                                   failed_reason, payload, created_at, processed_at, finished_at, updated_at, options,
                                   history_incomplete)
     SELECT x->>0, x->>1, x->>2, x->>3, (x->>4)::int, (x->>5)::smallint, (x->>6)::int, (x->>7)::jsonb,
            x->>8, (x->>9)::jsonb, ${ts(10)}, ${ts(11)}, ${ts(12)}, coalesce(${ts(13)}, now()), (x->>14)::jsonb,
            coalesce((x->>15)::boolean, false)
       FROM jsonb_array_elements($${rowsParam}::jsonb) AS x${where ? ` WHERE ${where}` : ""}
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
       updated_at = now(),
       options = coalesce(EXCLUDED.options, r.options),
       history_incomplete = r.history_incomplete OR EXCLUDED.history_incomplete`;
};
const INSERT_SQL = recordsInsert(1, 2);

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
        recordPayloadText(w.payload),
        offset(w.createdAt, base),
        offset(w.processedAt, base),
        offset(w.finishedAt, base),
        offset(seen[i] ?? null, base),
        jsonText(w.options),
        // Only when set: the worker's write-back (every catalog job) sends one element less per row.
        ...(w.historyIncomplete ? [true] : []),
      ]),
    ),
  );
}

// $first: the events, a JSON array of row arrays (eventRows); $base: their timestamps' base, epoch ms.
const eventsInsert = (first: number, base = first + 1, where = ""): string =>
  `INSERT INTO job_events (queue, job_id, attempt, event, detail, at)
     SELECT e->>0, e->>1, (e->>2)::int, e->>3, e->>4, to_timestamp(($${base}::float8 + (e->>5)::float8) / 1000)
       FROM jsonb_array_elements($${first}::jsonb) AS e${where ? ` WHERE ${where}` : ""}
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
export async function upsertJobRecords(pool: Queryable, writes: JobRecordWrite[]): Promise<number> {
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
  pool: Queryable,
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

/** Data-modifying CTEs (`events`, `records`) for one statement, and their parameters. */
export interface GatedJobWrites {
  ctes: string;
  params: unknown[];
}

/**
 * The same writes as writeJobRecordsWithEvents (the fenced upsert and the events, replays no-ops), as
 * CTEs to put in a statement of the caller's, which write only when the CTE named `gate` returns a
 * row; their parameters are numbered from `$first`. The stream follower moves its fenced position in
 * that gate, so the position and the records it covers cost one statement and one round trip.
 */
export function gatedJobWrites(
  gate: string,
  first: number,
  writes: JobRecordWrite[],
  events: JobEventWrite[],
): GatedJobWrites {
  const rows = collapseJobRecordWrites(writes);
  const base = Date.now();
  const when = `EXISTS (SELECT 1 FROM ${gate})`;
  return {
    ctes: `events AS (${eventsInsert(first + 2, first + 1, when)}),
     records AS (${recordsInsert(first, first + 1, when)}
     ${FENCE})`,
    params: [recordRows(rows, [], base), base, eventRows(events, base)],
  };
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
