// Positions of the followed BullMQ event streams (queue_stream_positions):
// the history follower (apps/worker/src/history/) writes job records and
// events from a queue's stream and moves the queue's position in the same
// transaction, so a follower killed at any point resumes exactly after what is
// committed. Each write is fenced by the lease epoch the follower got when it
// claimed the queue: a newer claim bumps the epoch, and a commit carrying an
// older one changes nothing (records included).
import type pg from "pg";

import type { JobRecordWrite } from "./jobRecords/fence";
import { gatedJobWrites, type JobEventWrite, type Queryable } from "./jobRecords/upsert";

export interface StreamClaim {
  /** The fencing token every commit of this claim must carry. */
  epoch: number;
  /** Last committed stream entry id; null when nothing was ever committed. */
  lastId: string | null;
  /** Entries the stream had ever been given before the next one to read (XINFO entries-added then). */
  entriesRead: number;
}

/** Takes over `queue`'s position for a new lease holder: bumps the epoch (fencing out every earlier holder). */
export async function claimStreamPosition(pool: pg.Pool, queue: string): Promise<StreamClaim> {
  const r = await pool.query<{ lease_epoch: string; last_id: string | null; entries_read: string }>(
    `INSERT INTO queue_stream_positions AS p (queue, lease_epoch) VALUES ($1, 1)
     ON CONFLICT (queue) DO UPDATE SET lease_epoch = p.lease_epoch + 1, updated_at = now()
     RETURNING lease_epoch, last_id, entries_read`,
    [queue],
  );
  const row = r.rows[0] as { lease_epoch: string; last_id: string | null; entries_read: string };
  return { epoch: Number(row.lease_epoch), lastId: row.last_id, entriesRead: Number(row.entries_read) };
}

export interface StreamBatchCommit {
  queue: string;
  epoch: number;
  /** The stream entry id the records cover up to (inclusive). */
  lastId: string;
  /** StreamClaim.entriesRead once this batch is read. */
  entriesRead: number;
  records: JobRecordWrite[];
  events: JobEventWrite[];
  /** The batch is (part of) a gap repair: stamps gap_repaired_at. */
  gapRepair?: boolean;
}

/**
 * Writes the batch's records and events (the fenced upserts of jobRecords/upsert.ts) and moves the
 * position, in one statement (and so one transaction, one round trip) — only if `epoch` still holds the
 * queue. False: fenced out (another follower claimed the queue since), nothing written.
 */
export async function commitStreamBatch(pool: Queryable, batch: StreamBatchCommit): Promise<boolean> {
  const writes = gatedJobWrites("moved", 5, batch.records, batch.events);
  // `moved` runs first (the writes wait on its row), so its row lock orders this commit against a
  // concurrent claim: a claim committed meanwhile leaves the epoch unmatched and nothing written.
  const r = await pool.query<{ moved: number }>(
    `WITH moved AS (
       UPDATE queue_stream_positions
          SET last_id = $2, entries_read = $4, updated_at = now()${batch.gapRepair ? ", gap_repaired_at = now()" : ""}
        WHERE queue = $1 AND lease_epoch = $3
       RETURNING 1),
     ${writes.ctes}
     SELECT count(*)::int AS moved FROM moved`,
    [batch.queue, batch.lastId, batch.epoch, batch.entriesRead, ...writes.params],
  );
  return r.rows[0]?.moved === 1;
}
