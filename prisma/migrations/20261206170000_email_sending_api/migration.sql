-- Email as a product: campaigns sent through the API, their Idempotency-Keys,
-- the suppression list, and what crash recovery needs on email_messages.

-- A campaign (or one transactional message) accepted by the API. Its counts are
-- read from email_messages (campaign_id), never kept here. `body` is the
-- request as validated (content and recipients): retry-failed rebuilds its
-- batches from it.
CREATE TABLE "email_campaigns" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "recipient_count" INTEGER NOT NULL,
    "batch_count" INTEGER NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "enqueued_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_campaigns_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_campaigns_kind_check" CHECK ("kind" IN ('message', 'campaign'))
);
CREATE INDEX "email_campaigns_created_at_idx" ON "email_campaigns"("created_at");

-- An Idempotency-Key, scoped to the API key that sent it, inserted in the same
-- transaction as the campaign it created: two requests with one key make one
-- campaign. `request_hash` is the SHA-256 of the route and the parsed body.
CREATE TABLE "email_idempotency_keys" (
    "key_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "email_idempotency_keys_pkey" PRIMARY KEY ("key_id", "idempotency_key")
);
CREATE INDEX "email_idempotency_keys_expires_at_idx" ON "email_idempotency_keys"("expires_at");

-- Addresses never sent to. `address_key` is the local part as given and the
-- domain lower-cased (local parts may be case-sensitive, domains are not).
CREATE TABLE "email_suppressions" (
    "address_key" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("address_key"),
    CONSTRAINT "email_suppressions_reason_check" CHECK ("reason" IN ('hard_bounce', 'complaint', 'manual', 'soft'))
);
CREATE INDEX "email_suppressions_created_at_idx" ON "email_suppressions"("created_at");

-- 'suppressed': skipped, no SMTP traffic. `claimed_by`: the heartbeat id of the
-- worker process holding the claim, so a dead process's claims can be released
-- before their lease lapses.
ALTER TABLE "email_messages" DROP CONSTRAINT "email_messages_status_check";
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_status_check" CHECK ("status" IN
    ('sending', 'committing', 'sent', 'deferred', 'bounced', 'failed', 'unconfirmed', 'suppressed'));
ALTER TABLE "email_messages" ADD COLUMN "claimed_by" TEXT;
-- GET /email/messages?recipient=… and the campaign view's per-recipient latest outcome.
CREATE INDEX "email_messages_recipient_idx" ON "email_messages"("recipient");
