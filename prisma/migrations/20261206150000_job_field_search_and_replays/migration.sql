-- Search by payload field, replays linked to their originals, and the runs of
-- "act on what a search found" (POST /jobs/actions).
--
-- 1. A replay's record names the job it replays (replay_of, same queue), and
--    the original's record lists its replays (replays, newest last). Both are
--    written by the API only (packages/db jobRecords/replay.ts); the worker's
--    write-back never names them, so its upserts leave them as they are.
--    `options` keeps the job options a replay re-uses (attempts, backoff), written
--    with the payload by the write-back. Nullable columns without a default:
--    adding them rewrites nothing.
ALTER TABLE "job_records"
    ADD COLUMN "replay_of" TEXT,
    ADD COLUMN "replays"   TEXT[],
    ADD COLUMN "options"   JSONB;

-- 2. Field equality (`field=data.user.plan:eq:pro`) is a containment test,
--    payload @> '{"user":{"plan":"pro"}}', which this index serves. jsonb_path_ops
--    hashes each path-to-value into one entry (no entries for keys alone), so it is
--    smaller and cheaper to write than the default jsonb_ops; the price is no index
--    for key existence (`exists`), which no filter needs alone. Its write cost is
--    measured in BENCHMARKS.md (bench/queues/recordInserts.js); see docs/decisions.md.
--    On a large existing table, build it first with CREATE INDEX CONCURRENTLY under
--    this name (the runner then finds it there): see docs/operations.md.
CREATE INDEX IF NOT EXISTS "job_records_payload_path_idx" ON "job_records" USING GIN ("payload" jsonb_path_ops);

-- 3. An action over the jobs a search matched: its filter, progress and outcome.
CREATE TABLE "job_actions" (
    "id"            TEXT           NOT NULL,
    -- retry | delete | replay
    "action"        TEXT           NOT NULL,
    "filter"        JSONB          NOT NULL,
    -- running | completed | failed
    "state"         TEXT           NOT NULL DEFAULT 'running',
    "matched"       INTEGER        NOT NULL DEFAULT 0,
    "done"          INTEGER        NOT NULL DEFAULT 0,
    "skipped"       INTEGER        NOT NULL DEFAULT 0,
    -- skip reason -> count
    "skip_reasons"  JSONB          NOT NULL DEFAULT '{}',
    "error"         TEXT,
    "actor"         TEXT           NOT NULL,
    "actor_key_id"  UUID,
    -- The API process running it renews this while it works; a run whose lease lapsed
    -- (its process died) is taken over by the next API process that starts.
    "lease_until"   TIMESTAMPTZ(3),
    "created_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at"   TIMESTAMPTZ(3),
    CONSTRAINT "job_actions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "job_actions_created_at_idx" ON "job_actions" ("created_at" DESC);

-- The matched set, frozen when the action starts: the action works on exactly these
-- jobs, in `seq` order; `outcome` is NULL until handled, then 'done' or a skip reason.
CREATE TABLE "job_action_items" (
    "action_id" TEXT    NOT NULL,
    "seq"       INTEGER NOT NULL,
    "queue"     TEXT    NOT NULL,
    "job_id"    TEXT    NOT NULL,
    "outcome"   TEXT,
    CONSTRAINT "job_action_items_pkey" PRIMARY KEY ("action_id", "seq"),
    CONSTRAINT "job_action_items_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "job_actions"("id") ON DELETE CASCADE
);
