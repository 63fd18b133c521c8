-- Metric rollups and alerts (SPEC §4 "Infrastructure", §7, §9 "Metric rollups").
-- Every rollup table keys its rows by (granularity, subject, bucket) so a run
-- that repeats or overlaps rewrites the same rows (idempotent upserts).
-- Retention by granularity: minute 48 h, hour 35 days, day 400 days (defaults).

-- API requests per bucket and route template ('*' = every route together,
-- '(unmatched)' = requests no route matched). Percentiles are computed exactly
-- from request_logs when the bucket is rolled up (never averaged).
CREATE TABLE "request_metrics" (
    "granularity"     TEXT           NOT NULL CHECK ("granularity" IN ('minute', 'hour', 'day')),
    "bucket"          TIMESTAMPTZ(3) NOT NULL,
    "route"           TEXT           NOT NULL,
    "requests"        INTEGER        NOT NULL,
    "errors"          INTEGER        NOT NULL,
    "client_errors"   INTEGER        NOT NULL,
    "duration_sum_ms" DOUBLE PRECISION NOT NULL,
    "p50_ms"          DOUBLE PRECISION,
    "p95_ms"          DOUBLE PRECISION,
    "p99_ms"          DOUBLE PRECISION,
    "max_ms"          DOUBLE PRECISION,
    CONSTRAINT "request_metrics_pkey" PRIMARY KEY ("granularity", "route", "bucket")
);
CREATE INDEX "request_metrics_granularity_bucket_idx" ON "request_metrics"("granularity", "bucket");

-- BullMQ queues per bucket: finished jobs (counts), gauges sampled at the end
-- of the minute (hour/day rows hold the largest minute sample) and job latency
-- (processing time, from job records) as sum and count so it merges exactly.
CREATE TABLE "queue_metrics" (
    "granularity"    TEXT           NOT NULL CHECK ("granularity" IN ('minute', 'hour', 'day')),
    "bucket"         TIMESTAMPTZ(3) NOT NULL,
    "queue"          TEXT           NOT NULL,
    "completed"      INTEGER        NOT NULL,
    "failed"         INTEGER        NOT NULL,
    "waiting"        INTEGER,
    "active"         INTEGER,
    "latency_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latency_count"  INTEGER        NOT NULL DEFAULT 0,
    "wait_sum_ms"    DOUBLE PRECISION NOT NULL DEFAULT 0,
    CONSTRAINT "queue_metrics_pkey" PRIMARY KEY ("granularity", "queue", "bucket")
);
CREATE INDEX "queue_metrics_granularity_bucket_idx" ON "queue_metrics"("granularity", "bucket");

-- Finished jobs per queue that have left the minute rows (moved here by
-- retention in the same statement that deletes them), so a Prometheus counter
-- can be totals + the minute rows still kept, and never goes backwards.
CREATE TABLE "queue_job_totals" (
    "queue"      TEXT           NOT NULL,
    "completed"  BIGINT         NOT NULL DEFAULT 0,
    "failed"     BIGINT         NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "queue_job_totals_pkey" PRIMARY KEY ("queue")
);

-- Worker processes per bucket, sampled from their heartbeats.
CREATE TABLE "worker_metrics" (
    "granularity"      TEXT           NOT NULL CHECK ("granularity" IN ('minute', 'hour', 'day')),
    "bucket"           TIMESTAMPTZ(3) NOT NULL,
    "worker_id"        TEXT           NOT NULL,
    "host"             TEXT           NOT NULL,
    "queues"           TEXT[]         NOT NULL,
    "cpu_percent"      DOUBLE PRECISION NOT NULL,
    "memory_percent"   DOUBLE PRECISION NOT NULL,
    "memory_rss_bytes" BIGINT         NOT NULL,
    "samples"          INTEGER        NOT NULL,
    CONSTRAINT "worker_metrics_pkey" PRIMARY KEY ("granularity", "worker_id", "bucket")
);
CREATE INDEX "worker_metrics_granularity_bucket_idx" ON "worker_metrics"("granularity", "bucket");

-- Redis and Postgres stats per bucket (null: the dependency did not answer).
CREATE TABLE "system_metrics" (
    "granularity"             TEXT           NOT NULL CHECK ("granularity" IN ('minute', 'hour', 'day')),
    "bucket"                  TIMESTAMPTZ(3) NOT NULL,
    "samples"                 INTEGER        NOT NULL,
    "redis_samples"           INTEGER        NOT NULL,
    "postgres_samples"        INTEGER        NOT NULL,
    "redis_used_memory_bytes" BIGINT,
    "redis_ops_per_sec"       DOUBLE PRECISION,
    "redis_connected_clients" INTEGER,
    "redis_latency_ms"        DOUBLE PRECISION,
    "pg_database_bytes"       BIGINT,
    "pg_connections"          INTEGER,
    "pg_query_latency_ms"     DOUBLE PRECISION,
    CONSTRAINT "system_metrics_pkey" PRIMARY KEY ("granularity", "bucket")
);

-- Rollup watermarks: the last bucket of each granularity rolled up.
CREATE TABLE "metric_rollup_state" (
    "granularity" TEXT           NOT NULL CHECK ("granularity" IN ('minute', 'hour', 'day')),
    "last_bucket" TIMESTAMPTZ(3) NOT NULL,
    "updated_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "metric_rollup_state_pkey" PRIMARY KEY ("granularity")
);

-- Alerts: one open alert per (rule, subject), enforced by a partial unique index.
CREATE TABLE "alerts" (
    "id"                     BIGSERIAL      NOT NULL,
    "rule"                   TEXT           NOT NULL,
    "subject"                TEXT           NOT NULL,
    "severity"               TEXT           NOT NULL CHECK ("severity" IN ('error', 'warning', 'info')),
    "service"                TEXT           NOT NULL,
    "message"                TEXT           NOT NULL,
    "details"                JSONB          NOT NULL DEFAULT '{}',
    "opened_at"              TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at"           TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at"            TIMESTAMPTZ(3),
    "acknowledged_at"        TIMESTAMPTZ(3),
    "acknowledged_by"        TEXT,
    "acknowledged_by_key_id" UUID,
    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "alerts_open_rule_subject_key" ON "alerts"("rule", "subject") WHERE "resolved_at" IS NULL;
CREATE INDEX "alerts_opened_at_idx" ON "alerts"("opened_at" DESC);
CREATE INDEX "alerts_resolved_at_idx" ON "alerts"("resolved_at");
