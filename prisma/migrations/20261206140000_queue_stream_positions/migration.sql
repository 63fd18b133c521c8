-- Durable history for queues Opsdeck's workers do not serve: the worker
-- follows each such queue's BullMQ event stream (`<prefix>:<queue>:events`)
-- and writes job records and events from it. This table keeps, per queue,
-- the last stream entry whose records are committed, so a restarted or
-- replacing follower resumes there. The position moves in the same
-- transaction as the records it covers.
--
-- lease_epoch fences the position: a follower that takes a queue's lease (a
-- Redis key) first bumps the epoch here, and every later commit must carry
-- the epoch it got. A follower that lost its lease (paused, partitioned) can
-- then no longer move the position, nor write the records of that batch.
CREATE TABLE "queue_stream_positions" (
    "queue"       TEXT           NOT NULL,
    -- A stream entry id ("<ms>-<seq>"); NULL until the first batch is committed.
    "last_id"     TEXT,
    -- How many entries the stream had ever been given up to the next one to
    -- read (XINFO STREAM entries-added then). XTRIM leaves no trace of what it
    -- removed, so a gap shows as more entries deleted (entries-added - length)
    -- than this count: some were after the position.
    "entries_read" BIGINT         NOT NULL DEFAULT 0,
    "lease_epoch" BIGINT         NOT NULL DEFAULT 0,
    -- When a gap (entries trimmed before they were read) was last repaired.
    "gap_repaired_at" TIMESTAMPTZ(3),
    "updated_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "queue_stream_positions_pkey" PRIMARY KEY ("queue")
);

-- A record written by gap repair (the stream lost entries before they were
-- read): its job_events may miss attempts. Sticky: once history is lost, the
-- record says so for good.
ALTER TABLE "job_records" ADD COLUMN "history_incomplete" BOOLEAN NOT NULL DEFAULT false;
