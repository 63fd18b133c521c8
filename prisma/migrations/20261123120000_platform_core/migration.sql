-- Platform core: API keys, request logs, audit trail, worker heartbeats.

CREATE TABLE "api_keys" (
    "id"           UUID         NOT NULL,
    "name"         TEXT         NOT NULL,
    "role"         TEXT         NOT NULL CHECK ("role" IN ('ops', 'viewer', 'integration')),
    "permissions"  TEXT[]       NOT NULL DEFAULT ARRAY[]::TEXT[],
    "hash"         TEXT         NOT NULL,
    "prefix"       TEXT         NOT NULL,
    "last4"        TEXT         NOT NULL,
    "external_id"  TEXT,
    "quota_minute" INTEGER,
    "quota_hour"   INTEGER,
    "quota_day"    INTEGER,
    "created_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at"   TIMESTAMPTZ(3),
    "revoked_at"   TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "rotated_from" UUID,
    "created_by"   TEXT,
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

CREATE TABLE "request_logs" (
    "id"            BIGSERIAL    NOT NULL,
    "timestamp"     TIMESTAMPTZ(3) NOT NULL,
    "request_id"    TEXT         NOT NULL,
    "method"        TEXT         NOT NULL,
    "endpoint"      TEXT         NOT NULL,
    "route"         TEXT,
    "status_code"   SMALLINT     NOT NULL,
    "response_time" REAL         NOT NULL,
    "request_size"  INTEGER      NOT NULL,
    "response_size" INTEGER      NOT NULL,
    "ip_address"    TEXT,
    "user_agent"    TEXT,
    "key_id"        UUID,
    CONSTRAINT "request_logs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "request_logs_key_id_timestamp_idx" ON "request_logs"("key_id", "timestamp" DESC);
CREATE INDEX "request_logs_timestamp_idx" ON "request_logs"("timestamp");

CREATE TABLE "audit_events" (
    "id"           BIGSERIAL    NOT NULL,
    "timestamp"    TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_key_id" UUID,
    "actor"        TEXT         NOT NULL,
    "action"       TEXT         NOT NULL,
    "target"       TEXT         NOT NULL,
    "parameters"   JSONB        NOT NULL DEFAULT '{}',
    "outcome"      TEXT         NOT NULL CHECK ("outcome" IN ('success', 'failure')),
    "error"        TEXT,
    "request_id"   TEXT,
    "ip_address"   TEXT,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_timestamp_idx" ON "audit_events"("timestamp" DESC);
CREATE INDEX "audit_events_action_timestamp_idx" ON "audit_events"("action", "timestamp" DESC);
CREATE INDEX "audit_events_actor_key_id_timestamp_idx" ON "audit_events"("actor_key_id", "timestamp" DESC);

CREATE TABLE "worker_heartbeats" (
    "id"               TEXT         NOT NULL,
    "host"             TEXT         NOT NULL,
    "pid"              INTEGER      NOT NULL,
    "queues"           TEXT[]       NOT NULL,
    "started_at"       TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at"     TIMESTAMPTZ(3) NOT NULL,
    "cpu_percent"      REAL         NOT NULL,
    "memory_rss_bytes" BIGINT       NOT NULL,
    "memory_percent"   REAL         NOT NULL,
    "version"          TEXT         NOT NULL,
    "stopped_at"       TIMESTAMPTZ(3),
    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "worker_heartbeats_last_seen_at_idx" ON "worker_heartbeats"("last_seen_at");
