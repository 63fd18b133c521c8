// Job search over the records: by id, name or payload text; results are newest
// activity first. `q` matches a job whose id is exactly `q`, or whose name or
// payload contains it (case-insensitive). The substring half is an ILIKE on
// job_record_search_text(name, payload), which the trigram GIN index of
// migration 20261129230000 serves (the call must stay exactly that expression
// for the planner to use it). Job ids are not in that index (they made a
// record insert ~20 % dearer): an id is looked up through the (queue, job_id)
// key, probing it once per queue the records hold — found by a loose index
// scan over the same key, a few index probes per queue.
import type { FieldFilter } from "@opsdeck/core";
import type pg from "pg";

import { cappedCount, type CappedTotal } from "../cappedCount";
import { likeEscape } from "../likeEscape";
import { fieldCondition } from "./fieldFilter";
import type { JobRecordRow } from "./read";

/** Matches counted exactly before the total becomes an estimate (the API passes JOB_COUNT_CAP). */
const DEFAULT_COUNT_CAP = 10_000;

export interface JobSearchFilter {
  q?: string | undefined;
  queue?: string | undefined;
  status?: string | undefined;
  /** ISO 8601; updated_at >= it. */
  startTime?: string | undefined;
  /** ISO 8601; updated_at < it. */
  endTime?: string | undefined;
  /** Exact job name. */
  name?: string | undefined;
  /** Text in failed_reason (case-insensitive). */
  failedReason?: string | undefined;
  /** Payload field filters; all must hold. */
  fields?: FieldFilter[] | undefined;
  /** ISO 8601 bounds of created_at: from inclusive, to exclusive. */
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** ISO 8601 bounds of finished_at: from inclusive, to exclusive. */
  finishedFrom?: string | undefined;
  finishedTo?: string | undefined;
}

/** A record as search lists it: the fence columns are internal. */
export type JobSearchRow = Omit<JobRecordRow, "attempt" | "phase"> & { replay_of: string | null };

/**
 * Every queue that has records, in order: a loose index scan over the (queue, job_id) key
 * (one probe per queue, not a scan of the table), so an exact job id can be looked up in each.
 */
const RECORDED_QUEUES = `ARRAY(
  WITH RECURSIVE q(name) AS (
    SELECT min(queue) FROM job_records
    UNION ALL
    SELECT (SELECT min(queue) FROM job_records WHERE queue > q.name) FROM q WHERE q.name IS NOT NULL
  )
  SELECT name FROM q WHERE name IS NOT NULL)`;

/** `%`, `_` and `\` are literal in the user's text. */

/** Newest activity first; (queue, job_id), the key, breaks ties so pages never overlap. */
export const SEARCH_ORDER = "updated_at DESC, queue, job_id";

/**
 * The WHERE clause (or "") of a search and its parameters; `args` may hold parameters already
 * (the filter's placeholders follow them).
 */
export function searchFilter(s: JobSearchFilter, args: unknown[] = []): { filter: string; args: unknown[] } {
  const where: string[] = [];
  const param = (v: unknown) => `$${args.push(v)}`;
  if (s.queue) where.push(`queue = ${param(s.queue)}`);
  if (s.q) {
    // Spelled out in both arms so each can be served by its own index (a BitmapOr).
    const queues = s.queue ? `ARRAY[${param(s.queue)}]` : RECORDED_QUEUES;
    where.push(
      `(job_record_search_text(name, payload) ILIKE ${param(`%${likeEscape(s.q)}%`)}` +
        ` OR (job_id = ${param(s.q)} AND queue = ANY(${queues})))`,
    );
  }
  if (s.status) where.push(`status = ${param(s.status)}`);
  if (s.startTime) where.push(`updated_at >= ${param(new Date(s.startTime))}`);
  if (s.endTime) where.push(`updated_at < ${param(new Date(s.endTime))}`);
  if (s.name) where.push(`name = ${param(s.name)}`);
  if (s.failedReason) where.push(`failed_reason ILIKE ${param(`%${likeEscape(s.failedReason)}%`)}`);
  if (s.createdFrom) where.push(`created_at >= ${param(new Date(s.createdFrom))}`);
  if (s.createdTo) where.push(`created_at < ${param(new Date(s.createdTo))}`);
  if (s.finishedFrom) where.push(`finished_at >= ${param(new Date(s.finishedFrom))}`);
  if (s.finishedTo) where.push(`finished_at < ${param(new Date(s.finishedTo))}`);
  for (const f of s.fields ?? []) where.push(fieldCondition(f, param));
  return { filter: where.length ? `WHERE ${where.join(" AND ")}` : "", args };
}

/**
 * Whether the planner's estimate of a filter stands on statistics: equalities on columns (queue, status and
 * name also together), payload containment (`eq`, `ne`) and time ranges. Substring matches (`q`, the failed
 * reason, `contains`) and jsonpath comparisons get fixed guesses (a third of the table for a function), which
 * must not stand in for a count.
 */
function estimatedFromStatistics(s: JobSearchFilter): boolean {
  return !s.q && !s.failedReason && (s.fields ?? []).every((f) => f.op === "eq" || f.op === "ne");
}

/** Where a page ends, in SEARCH_ORDER: the last row's updated_at (epoch microseconds, exact) and key. */
export interface SearchPosition {
  updatedUs: string;
  queue: string;
  jobId: string;
}

/**
 * One page of matching records (SEARCH_ORDER) and how many match in all: the
 * rows after `after` (keyset: stable while records change, and as cheap at
 * page 1000 as at page 1), else from `offset`. Each row carries its position.
 * The total is exact up to `countCap` matches, then an estimate (cappedCount).
 */
export async function searchJobRecords(
  pool: pg.Pool,
  s: JobSearchFilter,
  page: { limit: number; offset: number; after?: SearchPosition | undefined },
  countCap = DEFAULT_COUNT_CAP,
): Promise<{ rows: (JobSearchRow & { updated_us: string })[] } & CappedTotal> {
  const { filter, args } = searchFilter(s);
  let pageFilter = filter;
  const pageArgs = [...args];
  if (page.after) {
    const param = (v: unknown) => `$${pageArgs.push(v)}`;
    // Microseconds from the epoch as a bigint: exact, where a JS Date would drop Postgres's last three digits.
    const at = `('epoch'::timestamptz + ${param(page.after.updatedUs)}::bigint * interval '1 microsecond')`;
    const after = `(updated_at < ${at} OR (updated_at = ${at} AND (queue, job_id) > (${param(page.after.queue)}, ${param(page.after.jobId)})))`;
    pageFilter = filter ? `${filter} AND ${after}` : `WHERE ${after}`;
  }
  const [rows, count] = await Promise.all([
    pool.query<JobSearchRow & { updated_us: string }>(
      `SELECT queue, job_id, name, status, attempts_made, progress, failed_reason, payload,
              created_at, processed_at, finished_at, updated_at, replay_of, history_incomplete,
              (extract(epoch FROM updated_at) * 1000000)::bigint::text AS updated_us
         FROM job_records ${pageFilter}
        ORDER BY ${SEARCH_ORDER}
        LIMIT ${page.limit} OFFSET ${page.after ? 0 : page.offset}`,
      pageArgs,
    ),
    cappedCount((sql, a) => pool.query(sql, a), {
      fromWhere: `FROM job_records ${filter}`,
      args,
      cap: countCap,
      estimateIsSound: estimatedFromStatistics(s),
    }),
  ]);
  return { rows: rows.rows, ...count };
}
