// GET /jobs: the job records that match a search (db searchJobRecords), as the
// contract lists them — payloads capped for a list view — paged by offset or
// by an opaque cursor naming where the previous page ended (keyset paging).
import { AppError, fieldFilterText, type JobFilter, type JobSearchResult, ValidationError } from "@opsdeck/core";
import { type JobSearchFilter, pgErrorKind, searchJobRecords, type SearchPosition } from "@opsdeck/db";
import type pg from "pg";

import { capJson, LIST_PAYLOAD_CAP_BYTES } from "./jobView";

/** base64url of JSON [updated_us, queue, job_id]: opaque to clients, checked on the way back. */
function encodeCursor(p: SearchPosition): string {
  return Buffer.from(JSON.stringify([p.updatedUs, p.queue, p.jobId])).toString("base64url");
}

function decodeCursor(cursor: string): SearchPosition {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    v = null;
  }
  if (
    Array.isArray(v) &&
    v.length === 3 &&
    v.every((x) => typeof x === "string" && x.length > 0 && x.length <= 512 && !x.includes("\u0000")) &&
    /^-?\d{1,18}$/.test(v[0] as string)
  ) {
    const [updatedUs, queue, jobId] = v as [string, string, string];
    return { updatedUs, queue, jobId };
  }
  throw new ValidationError([
    {
      field: "query.cursor",
      code: "invalid_cursor",
      message: "not a cursor this API gave (use pagination.next_cursor)",
    },
  ]);
}

/** A search's filters as the contract names them, for the db. */
export function toSearchFilter(f: JobFilter): JobSearchFilter {
  return {
    q: f.q,
    queue: f.queue,
    status: f.status,
    name: f.name,
    failedReason: f.failed_reason,
    fields: f.field,
    startTime: f.start_time,
    endTime: f.end_time,
    createdFrom: f.created_from,
    createdTo: f.created_to,
    finishedFrom: f.finished_from,
    finishedTo: f.finished_to,
  };
}

/** The filters as asked for, for an action's record and audit entry: field filters in their query syntax. */
export function filterView(f: JobFilter): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) view[k] = v;
  if (f.field) view.field = f.field.map(fieldFilterText);
  return view;
}

/**
 * Runs a search (or an action's count and snapshot) over the records; one that outlasts the
 * statement deadline (DB_STATEMENT_TIMEOUT_MS: a range or text filter alone over millions of
 * records) is the caller's to narrow, a 400, not a 500.
 */
export async function withSearchDeadline<T>(search: () => Promise<T>): Promise<T> {
  try {
    return await search();
  } catch (err) {
    if (pgErrorKind(err) !== "timeout") throw err;
    throw new AppError(
      400,
      "search_timeout",
      "The search took longer than its deadline; narrow it: an eq field filter, queue, status, name or a time range.",
    );
  }
}

export async function searchJobs(
  pool: pg.Pool,
  s: JobSearchFilter & { limit: number; offset: number; cursor?: string | undefined; countCap: number },
): Promise<JobSearchResult> {
  if (s.cursor !== undefined && s.offset !== 0) {
    throw new ValidationError([
      { field: "query.offset", code: "offset_with_cursor", message: "a cursor already says where the page starts" },
    ]);
  }
  const after = s.cursor === undefined ? undefined : decodeCursor(s.cursor);
  const { rows, total, totalIsEstimate } = await withSearchDeadline(() =>
    searchJobRecords(pool, s, { limit: s.limit, offset: s.offset, after }, s.countCap),
  );
  const last = rows.length === s.limit ? rows[rows.length - 1] : undefined;
  return {
    jobs: rows.map((r) => {
      const payload = capJson(r.payload, LIST_PAYLOAD_CAP_BYTES);
      return {
        id: r.job_id,
        queue: r.queue,
        name: r.name,
        status: r.status,
        attempts: r.attempts_made,
        progress: r.progress,
        failed_reason: r.failed_reason,
        payload: payload.value,
        payload_truncated: payload.truncated,
        created_at: r.created_at.toISOString(),
        processed_at: r.processed_at?.toISOString() ?? null,
        finished_at: r.finished_at?.toISOString() ?? null,
        updated_at: r.updated_at.toISOString(),
        replay_of: r.replay_of,

        history_incomplete: r.history_incomplete,
      };
    }),
    pagination: {
      total,
      total_is_estimate: totalIsEstimate,
      limit: s.limit,
      offset: s.offset,
      next_cursor: last ? encodeCursor({ updatedUs: last.updated_us, queue: last.queue, jobId: last.job_id }) : null,
    },
  };
}
