-- Email sending (SPEC §9), SMTP integrations, sending IPs and reputation
-- (SPEC §4 "IP reputation"), integration health for /status (SPEC §6).

-- One SMTP relay Opsdeck sends through. "credentials" is the AES-256-GCM
-- envelope of {username, password} (packages/core/src/credentials.ts) under
-- the key named by "credentials_key_id"; the plaintext is never stored.
-- Health columns are shared by every worker: the circuit breaker state and the
-- latest live check (connect + EHLO).
CREATE TABLE "smtp_integrations" (
    "id"                    TEXT           NOT NULL,
    "name"                  TEXT           NOT NULL,
    "type"                  TEXT           NOT NULL,
    "host"                  TEXT           NOT NULL,
    "port"                  INTEGER        NOT NULL,
    "tls_mode"              TEXT           NOT NULL,
    "credentials"           TEXT,
    "credentials_key_id"    TEXT,
    "sending_ips"           TEXT[]         NOT NULL DEFAULT '{}',
    "weight"                INTEGER        NOT NULL DEFAULT 1,
    "enabled"               BOOLEAN        NOT NULL DEFAULT true,
    "circuit_state"         TEXT           NOT NULL DEFAULT 'closed',
    "circuit_open_until"    TIMESTAMPTZ(3),
    "consecutive_failures"  INTEGER        NOT NULL DEFAULT 0,
    "last_error"            TEXT,
    "last_failure_at"       TIMESTAMPTZ(3),
    "last_check_at"         TIMESTAMPTZ(3),
    "last_check_ok"         BOOLEAN,
    "last_check_error"      TEXT,
    "last_check_latency_ms" INTEGER,
    "created_at"            TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at"            TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "smtp_integrations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "smtp_integrations_tls_mode_check" CHECK ("tls_mode" IN ('none', 'starttls', 'tls')),
    CONSTRAINT "smtp_integrations_circuit_state_check" CHECK ("circuit_state" IN ('closed', 'open', 'half_open')),
    CONSTRAINT "smtp_integrations_weight_check" CHECK ("weight" BETWEEN 0 AND 1000),
    CONSTRAINT "smtp_integrations_credentials_check" CHECK (("credentials" IS NULL) = ("credentials_key_id" IS NULL))
);
CREATE UNIQUE INDEX "smtp_integrations_name_key" ON "smtp_integrations"("name");

-- Per-minute send results per integration: the sliding window of the error
-- rate. "failed" counts integration-level failures only (connection errors,
-- timeouts, connection-level 4xx/5xx), not recipient bounces.
CREATE TABLE "smtp_integration_stats" (
    "integration_id" TEXT           NOT NULL,
    "bucket"         TIMESTAMPTZ(3) NOT NULL,
    "attempts"       INTEGER        NOT NULL DEFAULT 0,
    "failed"         INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT "smtp_integration_stats_pkey" PRIMARY KEY ("integration_id", "bucket"),
    CONSTRAINT "smtp_integration_stats_integration_id_fkey" FOREIGN KEY ("integration_id")
        REFERENCES "smtp_integrations"("id") ON DELETE CASCADE
);

-- One row per (job, recipient): the claim that prevents a double send and the
-- record of the outcome. status: sending (claimed, SMTP transaction not past
-- DATA), committing (the end of DATA may have been sent: outcome unknown until
-- the reply is recorded), sent, deferred, bounced, failed, unconfirmed (a
-- worker died while committing; never re-sent).
CREATE TABLE "email_messages" (
    "id"             BIGSERIAL      NOT NULL,
    "queue"          TEXT           NOT NULL,
    "job_id"         TEXT           NOT NULL,
    "job_created_at" TIMESTAMPTZ(3) NOT NULL,
    "recipient"      TEXT           NOT NULL,
    "campaign_id"    TEXT           NOT NULL,
    "message_id"     TEXT           NOT NULL,
    "status"         TEXT           NOT NULL,
    "claim_token"    UUID,
    "lease_until"    TIMESTAMPTZ(3),
    "attempts"       INTEGER        NOT NULL DEFAULT 1,
    "integration_id" TEXT,
    "sending_ip"     TEXT,
    "smtp_code"      INTEGER,
    "smtp_response"  TEXT,
    "created_at"     TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at"     TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at"        TIMESTAMPTZ(3),
    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_messages_status_check" CHECK ("status" IN
        ('sending', 'committing', 'sent', 'deferred', 'bounced', 'failed', 'unconfirmed'))
);
CREATE UNIQUE INDEX "email_messages_queue_job_id_job_created_at_recipient_key"
    ON "email_messages"("queue", "job_id", "job_created_at", "recipient");
CREATE UNIQUE INDEX "email_messages_message_id_key" ON "email_messages"("message_id");
CREATE INDEX "email_messages_campaign_id_idx" ON "email_messages"("campaign_id");
CREATE INDEX "email_messages_sending_ip_updated_at_idx" ON "email_messages"("sending_ip", "updated_at");
CREATE INDEX "email_messages_integration_id_updated_at_idx" ON "email_messages"("integration_id", "updated_at");

-- A sending IP (from the integrations' "sending_ips") and its DNSBL state.
CREATE TABLE "sending_ips" (
    "ip_address"       TEXT           NOT NULL,
    "provider"         TEXT           NOT NULL,
    "integration_id"   TEXT,
    "blacklists"       TEXT[]         NOT NULL DEFAULT '{}',
    "dnsbl_checked_at" TIMESTAMPTZ(3),
    "dnsbl_error"      TEXT,
    "created_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sending_ips_pkey" PRIMARY KEY ("ip_address")
);

-- Bounces and complaints reported by providers after acceptance (feedback loops).
CREATE TABLE "email_feedback" (
    "id"          BIGSERIAL      NOT NULL,
    "kind"        TEXT           NOT NULL,
    "message_id"  TEXT,
    "sending_ip"  TEXT,
    "detail"      TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_feedback_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_feedback_kind_check" CHECK ("kind" IN ('bounce', 'complaint'))
);
CREATE UNIQUE INDEX "email_feedback_kind_message_id_key" ON "email_feedback"("kind", "message_id");
CREATE INDEX "email_feedback_sending_ip_occurred_at_idx" ON "email_feedback"("sending_ip", "occurred_at");
