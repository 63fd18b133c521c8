// Job search over the records: by id, name or payload text; results are newest
// activity first. `q` matches a job whose id is exactly `q`, or whose name or
// payload contains it (case-insensitive). The substring half is an ILIKE on
// job_record_search_text(name, payload), which the trigram GIN index of
// migration 20261129230000 serves (the call must stay exactly that expression
// for the planner to use it). Job ids are not in that index (they made a
// record insert ~20 % dearer): an id is looked up through the (queue, job_id)
// key, probing it once per queue the records hold — found by a loose index
// scan over the same key, a few index probes per queue.
import type pg from "pg";

import { likeEscape } from "../likeEscape";
import type { JobRecordRow } from "./read";

export interface JobSearchFilter {
  q?: string | undefined;
  queue?: string | undefined;
  status?: string | undefined;
  /** ISO 8601; updated_at >= it. */
  startTime?: string | undefined;
  /** ISO 8601; updated_at < it. */
  endTime?: string | undefined;
}

/** A record as search lists it: the fence columns are internal. */
export type JobSearchRow = Omit<JobRecordRow, "attempt" | "phase">;

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

/** The WHERE clause (or "") of a search and its parameters. */
export function searchFilter(s: JobSearchFilter): { filter: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
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
  return { filter: where.length ? `WHERE ${where.join(" AND ")}` : "", args };
}

/** One page of matching records (SEARCH_ORDER) and how many match in all. */
export async function searchJobRecords(
  pool: pg.Pool,
  s: JobSearchFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: JobSearchRow[]; total: number }> {
  const { filter, args } = searchFilter(s);
  const [rows, count] = await Promise.all([
    pool.query<JobSearchRow>(
      `SELECT queue, job_id, name, status, attempts_made, progress, failed_reason, payload,
              created_at, processed_at, finished_at, updated_at, history_incomplete
         FROM job_records ${filter}
        ORDER BY ${SEARCH_ORDER}
        LIMIT ${page.limit} OFFSET ${page.offset}`,
      args,
    ),
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM job_records ${filter}`, args),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}
