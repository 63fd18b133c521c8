// GET /jobs: search the Postgres job records (SPEC §4) by id, name or payload
// text; results are newest activity first. `q` matches a job whose id is
// exactly `q`, or whose name or payload contains it (case-insensitive). The
// substring half is an ILIKE on job_record_search_text(name, payload), which
// the trigram GIN index of migration 20261129230000 serves (the call must stay
// exactly that expression for the planner to use it). Job ids are not in that
// index (they made a record insert ~20 % dearer): an id is looked up through
// the (queue, job_id) key, probing it once per queue the records hold — found
// by a loose index scan over the same key, a few index probes per queue.
import type { JobSearchResult } from "@opsdeck/core";
import type pg from "pg";

import { capJson, LIST_PAYLOAD_CAP_BYTES } from "./jobView";

export interface JobSearch {
  q?: string | undefined;
  queue?: string | undefined;
  status?: string | undefined;
  startTime?: string | undefined;
  endTime?: string | undefined;
  limit: number;
  offset: number;
}

interface Row {
  queue: string;
  job_id: string;
  name: string;
  status: string;
  attempts_made: number;
  progress: unknown;
  failed_reason: string | null;
  payload: unknown;
  created_at: Date;
  processed_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

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
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest activity first; (queue, job_id), the key, breaks ties so pages never overlap. */
export const SEARCH_ORDER = "updated_at DESC, queue, job_id";

/** The WHERE clause (or "") of a search and its parameters. */
export function searchFilter(s: Omit<JobSearch, "limit" | "offset">): { filter: string; args: unknown[] } {
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

export async function searchJobRecords(pool: pg.Pool, s: JobSearch): Promise<JobSearchResult> {
  const { filter, args } = searchFilter(s);
  const [rows, count] = await Promise.all([
    pool.query<Row>(
      `SELECT queue, job_id, name, status, attempts_made, progress, failed_reason, payload,
              created_at, processed_at, finished_at, updated_at
         FROM job_records ${filter}
        ORDER BY ${SEARCH_ORDER}
        LIMIT ${s.limit} OFFSET ${s.offset}`,
      args,
    ),
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM job_records ${filter}`, args),
  ]);
  return {
    jobs: rows.rows.map((r) => {
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
      };
    }),
    pagination: { total: Number(count.rows[0]?.n ?? 0), limit: s.limit, offset: s.offset },
  };
}
