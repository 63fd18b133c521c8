// GET /jobs: the job records that match a search (db searchJobRecords), as the
// contract lists them — payloads capped for a list view — paged by offset or
// by an opaque cursor naming where the previous page ended (keyset paging).
import { type JobSearchResult, ValidationError } from "@opsdeck/core";
import { type JobSearchFilter, searchJobRecords, type SearchPosition } from "@opsdeck/db";
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

export async function searchJobs(
  pool: pg.Pool,
  s: JobSearchFilter & { limit: number; offset: number; cursor?: string | undefined },
): Promise<JobSearchResult> {
  if (s.cursor !== undefined && s.offset !== 0) {
    throw new ValidationError([
      { field: "query.offset", code: "offset_with_cursor", message: "a cursor already says where the page starts" },
    ]);
  }
  const after = s.cursor === undefined ? undefined : decodeCursor(s.cursor);
  const { rows, total } = await searchJobRecords(pool, s, { limit: s.limit, offset: s.offset, after });
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
      };
    }),
    pagination: {
      total,
      limit: s.limit,
      offset: s.offset,
      next_cursor: last ? encodeCursor({ updatedUs: last.updated_us, queue: last.queue, jobId: last.job_id }) : null,
    },
  };
}
