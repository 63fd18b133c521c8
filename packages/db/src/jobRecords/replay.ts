// The link between a replayed job and its replay, written by the API when it
// enqueues the replay — before the job reaches Redis, so whoever writes the new
// job's record next (the catalog worker's write-back, reconciliation) finds the
// link there: their upserts never name replay_of or replays, so they keep them.
import type pg from "pg";

import { JOB_PHASE } from "./fence";
import { recordPayloadText } from "./upsert";

/** Replays an original's record lists; older ones stay linked through their own replay_of. */
const MAX_LISTED_REPLAYS = 100;

export interface ReplayRecord {
  queue: string;
  /** The new job's id. */
  jobId: string;
  /** The replayed job's id (same queue). */
  replayOf: string;
  name: string;
  payload: unknown;
  options: unknown;
  /** The new job's BullMQ `timestamp`: the record's created_at, part of the fence. */
  createdAt: Date;
}

/**
 * Inserts the new job's record (waiting, attempt 0, phase 0: every later write of the job passes the
 * fence over it) with replay_of, and appends the new id to the original's `replays`, in one statement.
 * Idempotent: a repeat (or a record the worker already wrote) only gets the link set.
 */
export async function recordReplay(pool: pg.Pool, r: ReplayRecord): Promise<void> {
  await pool.query(
    `WITH original AS (
       UPDATE job_records SET replays = (coalesce(replays, '{}') || $2::text)[greatest(cardinality(coalesce(replays, '{}')) + 2 - ${MAX_LISTED_REPLAYS}, 1):]
        WHERE queue = $1 AND job_id = $3 AND NOT ($2::text = ANY(coalesce(replays, '{}'))))
     INSERT INTO job_records AS r (queue, job_id, name, status, attempt, phase, attempts_made, payload, options,
                                   created_at, replay_of)
     VALUES ($1, $2, $4, 'waiting', 0, ${JOB_PHASE.queued}, 0, $5::jsonb, $6::jsonb, $7, $3)
     ON CONFLICT (queue, job_id) DO UPDATE SET replay_of = EXCLUDED.replay_of`,
    [
      r.queue,
      r.jobId,
      r.replayOf,
      r.name,
      recordPayloadText(r.payload),
      r.options === null || r.options === undefined ? null : JSON.stringify(r.options),
      r.createdAt,
    ],
  );
}
