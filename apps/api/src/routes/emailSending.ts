// Sending email through the API: one transactional message (to
// email-sending-high) or a campaign (split into batch jobs on email-sending,
// or -high with priority high), and re-sending a campaign's failed
// recipients. Each send creates a campaign row (with its Idempotency-Key, in
// one transaction), then adds the batch jobs with deterministic ids
// (`<campaign>-<n>`), so neither a replayed request nor a retried enqueue can
// add a batch twice. Bodies are checked against the catalog's schemas.
import { createHash, randomBytes } from "node:crypto";

import {
  auditTarget,
  campaignBatches,
  CampaignIdParams,
  type CatalogQueueName,
  ConflictError,
  distinctRecipients,
  type EmailBatchJob,
  type EmailContent,
  NotFoundError,
  RetryFailedResult,
  SendAccepted,
  SendCampaignBody,
  SendMessageBody,
} from "@opsdeck/core";
import { campaignBody, createCampaign, failedRecipients, getCampaign, markCampaignEnqueued } from "@opsdeck/db";

import type { AppDeps } from "../deps";
import { enqueueBatches, enqueueMissing } from "../email/enqueue";
import { idempotencyKeyOf, requestHash } from "../email/idempotency";
import { defineRoute, reply, type RouteContext } from "../http/route";

export const EMAIL_SEND_PREFIX = "/api/v1/platform/email";
const TAGS = ["email"];
const SEND = { permission: "email.send" } as const;

const IDEMPOTENCY_DOC =
  "Send an Idempotency-Key header (1–255 visible ASCII characters, e.g. a UUID) to make the request safe to retry: the same key with the same body gets the first answer again (same status, header Idempotent-Replayed: true) and sends nothing more; the same key with another body is a 409 idempotency_key_reused. Keys are per API key and kept EMAIL_IDEMPOTENCY_TTL_SECONDS (24 h by default).";

const newCampaignId = () => `cmp_${randomBytes(12).toString("hex")}`;

interface Send {
  kind: "message" | "campaign";
  queue: CatalogQueueName;
  content: EmailContent;
  recipients: { email: string; variables?: Record<string, string> }[];
  batchSize: number;
  /** The validated body, stored with the campaign. */
  body: unknown;
}

const jobsOf = (id: string, s: Send): EmailBatchJob[] => campaignBatches(id, s.content, s.recipients, s.batchSize);

/**
 * Creates the campaign (once per Idempotency-Key) and enqueues its batches; a replay answers as the first
 * request did, enqueueing what the first could not.
 */
async function send(ctx: RouteContext<unknown, unknown, unknown>, route: string, s: Send) {
  const { deps } = ctx;
  const principal = ctx.principal!;
  const key = idempotencyKeyOf(ctx.req);
  const hash = requestHash(route, s.body);
  const id = newCampaignId();
  const jobs = jobsOf(id, s);
  const accepted: SendAccepted = {
    campaign_id: id,
    kind: s.kind,
    queue: s.queue,
    recipients: s.recipients.length,
    batches: jobs.length,
    status: "queued",
  };
  ctx.audit.parameters = {
    kind: s.kind,
    queue: s.queue,
    recipients: s.recipients.length,
    batches: jobs.length,
    ...(key ? { idempotency_key: key } : {}),
  };
  const created = await createCampaign(
    deps.db.pool,
    {
      id,
      kind: s.kind,
      queue: s.queue,
      keyId: principal.keyId,
      sender: s.content.from,
      subject: s.content.subject,
      recipientCount: s.recipients.length,
      batchCount: jobs.length,
      batchSize: s.batchSize,
      body: s.body,
    },
    key
      ? {
          keyId: principal.keyId,
          key,
          requestHash: hash,
          ttlMs: deps.config.EMAIL_IDEMPOTENCY_TTL_SECONDS * 1_000,
          status: 202,
          response: accepted,
        }
      : null,
  );
  if (!created.created) {
    ctx.audit.target = auditTarget.campaign(created.campaignId);
    if (!created.sameRequest) {
      throw new ConflictError(
        "idempotency_key_reused",
        "This Idempotency-Key was used for another request; use a new key for a new request.",
      );
    }
    ctx.audit.parameters = { ...ctx.audit.parameters, replayed: true };
    const prior = await getCampaign(deps.db.pool, created.campaignId);
    if (prior && prior.enqueued_at === null) {
      // The first request's batch size (config may differ between API replicas or restarts).
      await enqueueMissing(deps, prior.id, s.queue, s.kind, jobsOf(prior.id, { ...s, batchSize: prior.batch_size }));
      await markCampaignEnqueued(deps.db.pool, prior.id);
    }
    return reply(created.response as SendAccepted, {
      headers: { "Idempotent-Replayed": "true", Location: `${EMAIL_SEND_PREFIX}/campaigns/${created.campaignId}` },
    });
  }
  ctx.audit.target = auditTarget.campaign(id);
  await enqueueBatches(deps, s.queue, s.kind, jobs);
  await markCampaignEnqueued(deps.db.pool, id);
  return reply(accepted, { headers: { Location: `${EMAIL_SEND_PREFIX}/campaigns/${id}` } });
}

const accepted = {
  status: 202 as const,
  schema: SendAccepted,
  description: "Accepted and queued; GET Location for its progress",
  headers: {
    Location: "The campaign's URL",
    "Idempotent-Replayed": "true when this is the stored answer to an earlier request with the same Idempotency-Key",
  },
};

function contentOf(b: EmailContent): EmailContent {
  const { from, subject, text, html, template, headers } = b;
  return { from, subject, text, html, template, headers };
}

async function mustGetCampaign(deps: AppDeps, id: string) {
  const c = await getCampaign(deps.db.pool, id);
  if (!c) throw new NotFoundError("campaign_not_found", `No campaign ${id}.`);
  return c;
}

export const emailSendingRoutes = [
  defineRoute({
    method: "post",
    path: `${EMAIL_SEND_PREFIX}/messages`,
    operationId: "sendEmailMessage",
    summary: "Send one transactional message (high-priority queue)",
    description: `${IDEMPOTENCY_DOC} The body is limited to EMAIL_SEND_BODY_LIMIT_BYTES (16 MiB by default; 413 beyond). A suppressed address is not sent to (status suppressed).`,
    tags: TAGS,
    access: SEND,
    rateLimit: "write",
    body: SendMessageBody,
    errors: [409, 413],
    audit: { action: "email.send", target: () => auditTarget.campaign(null) },
    response: accepted,
    handler(ctx) {
      const b = ctx.body;
      const recipient = b.variables ? { email: b.to, variables: b.variables } : { email: b.to };
      return send(ctx, "messages", {
        kind: "message",
        queue: "email-sending-high",
        content: contentOf(b),
        recipients: [recipient],
        batchSize: 1,
        body: b,
      });
    },
  }),
  defineRoute({
    method: "post",
    path: `${EMAIL_SEND_PREFIX}/campaigns`,
    operationId: "sendEmailCampaign",
    summary: "Send a campaign: up to 10,000 recipients with per-recipient variables, in batch jobs",
    description: `${IDEMPOTENCY_DOC} The body is limited to EMAIL_SEND_BODY_LIMIT_BYTES (16 MiB by default; 413 beyond). Recipients are de-duplicated case-insensitively and split in order into batches of batch_size (EMAIL_CAMPAIGN_BATCH_SIZE, 500 by default); suppressed addresses are skipped (status suppressed).`,
    tags: TAGS,
    access: SEND,
    rateLimit: "write",
    body: SendCampaignBody,
    errors: [409, 413],
    audit: { action: "email.send", target: () => auditTarget.campaign(null) },
    response: accepted,
    handler(ctx) {
      const b = ctx.body;
      const recipients = distinctRecipients(b.recipients);
      return send(ctx, "campaigns", {
        kind: "campaign",
        queue: b.priority === "high" ? "email-sending-high" : "email-sending",
        content: contentOf(b),
        recipients,
        batchSize: b.batch_size ?? ctx.deps.config.EMAIL_CAMPAIGN_BATCH_SIZE,
        body: b,
      });
    },
  }),
  defineRoute({
    method: "post",
    path: `${EMAIL_SEND_PREFIX}/campaigns/{campaign_id}/retry-failed`,
    operationId: "retryFailedEmail",
    summary: "Send again to the recipients whose latest message failed (never to one that was sent)",
    description:
      "Failed: given up after the batch's last attempt. The new batches' job ids are derived from exactly those failed messages, so asking again before they run adds nothing; once they have run, a new call retries whatever failed since. Bounced, suppressed, unconfirmed and sent recipients are never included.",
    tags: TAGS,
    access: SEND,
    rateLimit: "write",
    params: CampaignIdParams,
    errors: [404],
    audit: { action: "email.retry_failed", target: ({ params }) => auditTarget.campaign(params.campaign_id ?? null) },
    response: { status: 202, schema: RetryFailedResult, description: "The failed recipients queued again" },
    async handler(ctx) {
      const { deps } = ctx;
      const c = await mustGetCampaign(deps, ctx.params.campaign_id);
      const { recipients, fingerprint } = await failedRecipients(deps.db.pool, c.id);
      ctx.audit.parameters = { recipients: recipients.length };
      if (recipients.length === 0) return { campaign_id: c.id, recipients: 0, batches: 0 };
      const body = (await campaignBody(deps.db.pool, c.id)) as EmailContent & {
        recipients?: { email: string; variables?: Record<string, string> }[];
        to?: string;
        variables?: Record<string, string>;
      };
      const all = body.recipients ?? [
        body.variables ? { email: body.to!, variables: body.variables } : { email: body.to! },
      ];
      const failed = new Set(recipients);
      const again = all.filter((r) => failed.has(r.email));
      // The failed messages' row ids name this wave: the same failures give the same job ids.
      const tag = `r${createHash("sha256").update(fingerprint).digest("hex").slice(0, 12)}`;
      const jobs = campaignBatches(c.id, contentOf(body), again, c.batch_size, tag);
      await enqueueBatches(deps, c.queue as CatalogQueueName, c.kind, jobs);
      return { campaign_id: c.id, recipients: again.length, batches: jobs.length };
    },
  }),
];
