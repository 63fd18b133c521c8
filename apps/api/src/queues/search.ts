// GET /jobs: search the Postgres job records (SPEC §4) by id, name or payload
// text. `q` is matched with ILIKE on the generated `search_text` column,
// which the trigram GIN index serves; results are newest activity first.
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

/** `%`, `_` and `\` are literal in the user's text. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchJobRecords(pool: pg.Pool, s: JobSearch): Promise<JobSearchResult> {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    args.push(v);
    where.push(sql.replace("?", `$${args.length}`));
  };
  if (s.q) add("search_text ILIKE ?", `%${likeEscape(s.q)}%`);
  if (s.queue) add("queue = ?", s.queue);
  if (s.status) add("status = ?", s.status);
  if (s.startTime) add("updated_at >= ?", new Date(s.startTime));
  if (s.endTime) add("updated_at < ?", new Date(s.endTime));
  const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const [rows, count] = await Promise.all([
    pool.query<Row>(
      `SELECT queue, job_id, name, status, attempts_made, progress, failed_reason, payload,
              created_at, processed_at, finished_at, updated_at
         FROM job_records ${filter}
        ORDER BY updated_at DESC, id DESC
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
