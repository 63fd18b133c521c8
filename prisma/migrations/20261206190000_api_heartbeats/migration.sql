-- API processes, upserted every HEARTBEAT_INTERVAL_MS (10 s) while they run,
-- so replicas see each other. `random_secrets` names the settings (such as
-- SESSION_SECRET) the process fills with a per-process random value because
-- they are unset; with more than one replica running, the worker's
-- random_secret_with_replicas alert fires for each. Names only, never values.
-- `secret_fingerprints` holds, per shared secret, a short HMAC of a fixed text
-- under the secret (setting name → 16 base64url characters): equal on replicas
-- that share the secret, different otherwise (replica_secret_mismatch), and
-- useless for recovering it.
CREATE TABLE "api_heartbeats" (
    "id"                  TEXT           NOT NULL,
    "host"                TEXT           NOT NULL,
    "pid"                 INTEGER        NOT NULL,
    "version"             TEXT           NOT NULL,
    "started_at"          TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at"        TIMESTAMPTZ(3) NOT NULL,
    "stopped_at"          TIMESTAMPTZ(3),
    "random_secrets"      TEXT[]         NOT NULL DEFAULT '{}',
    "secret_fingerprints" JSONB          NOT NULL DEFAULT '{}',
    CONSTRAINT "api_heartbeats_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "api_heartbeats_last_seen_at_idx" ON "api_heartbeats"("last_seen_at");
