-- Application logs (SPEC §4 "Logs") and log exports (SPEC §9).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Partitioned by day on "timestamp"; retention drops whole partitions. The
-- primary key (timestamp, id) doubles as the keyset-paging index (newest first
-- is a backward scan). Full text uses an expression index on
-- to_tsvector('simple', message) — no stemming or stop words, so a log word
-- matches as typed; queries must use the same expression to hit it.
CREATE SEQUENCE "app_logs_id_seq" AS BIGINT;
CREATE TABLE "app_logs" (
    "id"         BIGINT NOT NULL DEFAULT nextval('app_logs_id_seq'),
    "timestamp"  TIMESTAMPTZ(3) NOT NULL,
    "level"      TEXT NOT NULL,
    "service"    TEXT NOT NULL,
    "message"    TEXT NOT NULL,
    "request_id" TEXT,
    "user_id"    TEXT,
    "metadata"   JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "app_logs_pkey" PRIMARY KEY ("timestamp", "id")
) PARTITION BY RANGE ("timestamp");
ALTER SEQUENCE "app_logs_id_seq" OWNED BY "app_logs"."id";

CREATE INDEX "app_logs_search_idx" ON "app_logs" USING GIN (to_tsvector('simple'::regconfig, "message"));
CREATE INDEX "app_logs_message_trgm_idx" ON "app_logs" USING GIN ("message" gin_trgm_ops);
CREATE INDEX "app_logs_request_id_idx" ON "app_logs" ("request_id", "timestamp") WHERE "request_id" IS NOT NULL;
CREATE INDEX "app_logs_user_id_idx" ON "app_logs" ("user_id", "timestamp") WHERE "user_id" IS NOT NULL;
CREATE INDEX "app_logs_service_idx" ON "app_logs" ("service", "timestamp");
CREATE INDEX "app_logs_level_idx" ON "app_logs" ("level", "timestamp");

-- Creates the missing daily partitions app_logs_pYYYYMMDD for [from_day, to_day]
-- (UTC days). Idempotent and safe to run concurrently (the lock serialises
-- callers). Returns how many partitions it created.
CREATE FUNCTION "opsdeck_ensure_log_partitions"(from_day DATE, to_day DATE) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
  d DATE := from_day;
  created INTEGER := 0;
  part TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('opsdeck_app_logs_partitions'));
  WHILE d <= to_day LOOP
    part := 'app_logs_p' || to_char(d, 'YYYYMMDD');
    IF to_regclass(quote_ident(part)) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF app_logs FOR VALUES FROM (%L) TO (%L)',
        part, (d::timestamp AT TIME ZONE 'UTC'), ((d + 1)::timestamp AT TIME ZONE 'UTC'));
      created := created + 1;
    END IF;
    d := d + 1;
  END LOOP;
  RETURN created;
END $$;

SELECT "opsdeck_ensure_log_partitions"((now() AT TIME ZONE 'UTC')::date - 1, (now() AT TIME ZONE 'UTC')::date + 7);

-- One asynchronous export. The file name is derived from the id and format
-- only (never from input), so a download can never address another path.
CREATE TABLE "log_exports" (
    "id"              TEXT NOT NULL,
    "owner_key_id"    UUID,
    "status"          TEXT NOT NULL DEFAULT 'queued',
    "format"          TEXT NOT NULL,
    "gzip"            BOOLEAN NOT NULL DEFAULT false,
    "filters"         JSONB NOT NULL DEFAULT '{}',
    "max_rows"        INTEGER NOT NULL,
    "rows_written"    BIGINT NOT NULL DEFAULT 0,
    "total_rows"      BIGINT,
    "row_count"       BIGINT,
    "size_bytes"      BIGINT,
    "sha256"          TEXT,
    "file_name"       TEXT,
    "error"           TEXT,
    "attempts"        INTEGER NOT NULL DEFAULT 0,
    "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "started_at"      TIMESTAMPTZ(3),
    "completed_at"    TIMESTAMPTZ(3),
    "updated_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "expires_at"      TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "log_exports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "log_exports_owner_key_id_created_at_idx" ON "log_exports" ("owner_key_id", "created_at" DESC);
CREATE INDEX "log_exports_created_at_idx" ON "log_exports" ("created_at" DESC);
CREATE INDEX "log_exports_status_expires_at_idx" ON "log_exports" ("status", "expires_at");
