-- Job records and their history (SPEC §9 "Status write-back").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "job_records" (
    "id"             BIGSERIAL      NOT NULL,
    "queue"          TEXT           NOT NULL,
    "job_id"         TEXT           NOT NULL,
    "name"           TEXT           NOT NULL,
    "status"         TEXT           NOT NULL,
    "attempt"        INTEGER        NOT NULL DEFAULT 0,
    "phase"          SMALLINT       NOT NULL DEFAULT 0,
    "attempts_made"  INTEGER        NOT NULL DEFAULT 0,
    "progress"       JSONB,
    "failed_reason"  TEXT,
    "payload"        JSONB,
    -- Capped so one huge payload cannot bloat the trigram index.
    "search_text"    TEXT GENERATED ALWAYS AS (left("job_id" || ' ' || "name" || ' ' || coalesce("payload"::text, ''), 4000)) STORED,
    "created_at"     TIMESTAMPTZ(3) NOT NULL,
    "processed_at"   TIMESTAMPTZ(3),
    "finished_at"    TIMESTAMPTZ(3),
    "updated_at"     TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_records_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "job_records_queue_job_id_key" ON "job_records"("queue", "job_id");
CREATE INDEX "job_records_status_updated_at_idx" ON "job_records"("status", "updated_at" DESC);
CREATE INDEX "job_records_updated_at_idx" ON "job_records"("updated_at" DESC);
CREATE INDEX "job_records_search_text_trgm_idx" ON "job_records" USING GIN ("search_text" gin_trgm_ops);

CREATE TABLE "job_events" (
    "id"      BIGSERIAL      NOT NULL,
    "queue"   TEXT           NOT NULL,
    "job_id"  TEXT           NOT NULL,
    "attempt" INTEGER        NOT NULL,
    "event"   TEXT           NOT NULL,
    "detail"  TEXT,
    "at"      TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "job_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "job_events_queue_job_id_attempt_event_key" ON "job_events"("queue", "job_id", "attempt", "event");
CREATE INDEX "job_events_queue_job_id_idx" ON "job_events"("queue", "job_id");
