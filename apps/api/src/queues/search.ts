// GET /jobs: the job records that match a search (db searchJobRecords), as the
// contract lists them — payloads capped for a list view.
import type { JobSearchResult } from "@opsdeck/core";
import { type JobSearchFilter, searchJobRecords } from "@opsdeck/db";
import type pg from "pg";

import { capJson, LIST_PAYLOAD_CAP_BYTES } from "./jobView";

export async function searchJobs(
  pool: pg.Pool,
  s: JobSearchFilter & { limit: number; offset: number },
): Promise<JobSearchResult> {
  const { rows, total } = await searchJobRecords(pool, s, { limit: s.limit, offset: s.offset });
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
        history_incomplete: r.history_incomplete,
      };
    }),
    pagination: { total, limit: s.limit, offset: s.offset },
  };
}
