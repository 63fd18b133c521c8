// Email through the API: sending one message or a campaign, reading a
// campaign's counts and its messages, retrying the failed ones, and the
// suppression list. Bodies reuse the catalog's content and recipient schemas
// (queues.ts), so what the API accepts is what the worker will accept.
import { z } from "zod";

import { EMAIL_MAX_RECIPIENTS, emailContentShape, EmailRecipient, hasEmailBody } from "../queues";
import { IsoTime, Text } from "./common";

const Address = z.email().max(320);

export const SendMessageBody = z
  .strictObject({
    ...emailContentShape,
    to: Address,
    variables: EmailRecipient.shape.variables,
  })
  .refine(hasEmailBody.check, { message: hasEmailBody.message });
export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const SendCampaignBody = z
  .strictObject({
    ...emailContentShape,
    recipients: z
      .array(EmailRecipient)
      .min(1)
      .max(EMAIL_MAX_RECIPIENTS)
      .describe(`At most ${EMAIL_MAX_RECIPIENTS}; duplicates (case-insensitive) are sent once`),
    priority: z
      .enum(["normal", "high"])
      .default("normal")
      .describe("high: the email-sending-high queue (transactional traffic); normal: email-sending"),
    batch_size: z
      .number()
      .int()
      .min(1)
      .max(EMAIL_MAX_RECIPIENTS)
      .optional()
      .describe("Recipients per batch job (default EMAIL_CAMPAIGN_BATCH_SIZE)"),
  })
  .refine(hasEmailBody.check, { message: hasEmailBody.message });
export type SendCampaignBody = z.infer<typeof SendCampaignBody>;

export const SendAccepted = z.object({
  campaign_id: z.string(),
  kind: z.enum(["message", "campaign"]),
  queue: z.string(),
  recipients: z.number().int().describe("Distinct recipients"),
  batches: z.number().int(),
  status: z.literal("queued"),
});
export type SendAccepted = z.infer<typeof SendAccepted>;

/** A campaign's id (cmp_…, or a producer's own campaign_id): letters, digits, '_', '-', '.'. */
const CampaignId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only");

export const CampaignIdParams = z.strictObject({ campaign_id: CampaignId });

const MESSAGE_STATUSES = [
  "sending",
  "committing",
  "sent",
  "deferred",
  "bounced",
  "failed",
  "unconfirmed",
  "suppressed",
] as const;

const Counts = z.object({
  queued: z.number().int().describe("No message yet (its batch has not reached it)"),
  sending: z.number().int().describe("Claimed by a worker, SMTP transaction under way"),
  sent: z.number().int(),
  deferred: z.number().int().describe("Temporarily refused (4xx); retried with the batch"),
  bounced: z.number().int().describe("Permanently refused (5xx at send time, or bounce feedback)"),
  complained: z.number().int().describe("Sent, and a complaint about it was received since"),
  suppressed: z.number().int().describe("Not sent: the address is on the suppression list"),
  failed: z.number().int().describe("Given up after the batch's last attempt"),
  unconfirmed: z.number().int().describe("The worker stopped after the end of data: maybe delivered, never re-sent"),
});

export const CampaignView = z.object({
  id: z.string(),
  kind: z.enum(["message", "campaign"]),
  queue: z.string(),
  from: z.string(),
  subject: z.string(),
  recipients: z.number().int(),
  batches: z.number().int(),
  created_at: z.string(),
  started_at: z.string().nullable().describe("First message claimed"),
  finished_at: z.string().nullable().describe("When every recipient reached a final status; null until then"),
  counts: Counts.describe("Recipients by the status of their latest message"),
  by_route: z
    .array(
      z.object({
        sending_ip: z.string().nullable(),
        integration_id: z.string().nullable(),
        sent: z.number().int(),
        deferred: z.number().int(),
        bounced: z.number().int(),
        complained: z.number().int(),
        failed: z.number().int(),
        unconfirmed: z.number().int(),
      }),
    )
    .describe("Recipients handed to a server, by sending IP and integration"),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const RetryFailedResult = z.object({
  campaign_id: z.string(),
  recipients: z.number().int().describe("Recipients whose latest message failed, queued again"),
  batches: z.number().int(),
});

export const MessageListQuery = z.strictObject({
  recipient: Address.optional(),
  campaign_id: CampaignId.optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  message_id: Text.min(3).max(998).optional().describe("The Message-ID header, <…@…>"),
  since: IsoTime.optional().describe("Created at or after"),
  until: IsoTime.optional().describe("Created before"),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "a next_cursor from a previous page")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Max results (default 50, max 200)"),
});

const MessageView = z.object({
  id: z.string(),
  campaign_id: z.string(),
  queue: z.string(),
  job_id: z.string(),
  recipient: z.string(),
  message_id: z.string().describe("The Message-ID header sent"),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int().describe("Claims of this message (1 + retries)"),
  integration_id: z.string().nullable(),
  sending_ip: z.string().nullable(),
  smtp_code: z.number().int().nullable(),
  smtp_response: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  sent_at: z.string().nullable(),
});

export const MessageList = z.object({
  messages: z.array(MessageView),
  next_cursor: z.string().nullable().describe("Pass as cursor for the next (older) page; null on the last"),
});

export const MessageIdParams = z.strictObject({
  id: z.string().regex(/^\d{1,18}$/, "a message's id (its `id` in a list, not its Message-ID)"),
});

export const MessageDetail = MessageView.extend({
  timeline: z
    .array(
      z.object({
        at: z.string().nullable(),
        event: z.enum(["claimed", "handed_to_server", "smtp_reply", "outcome", "feedback"]),
        detail: z.string().nullable(),
      }),
    )
    .describe("What happened to the message, oldest first"),
});
export type MessageDetail = z.infer<typeof MessageDetail>;

const SUPPRESSION_REASONS = ["hard_bounce", "complaint", "manual", "soft"] as const;

const SuppressionView = z.object({
  address: z.string(),
  reason: z.enum(SUPPRESSION_REASONS),
  source: z.enum(["send", "feedback", "api"]),
  detail: z.string().nullable(),
  expires_at: z.string().nullable(),
  created_at: z.string(),
});

export const SuppressionListQuery = z.strictObject({
  q: Text.min(1).max(320).optional().describe("Part of the address (case-insensitive)"),
  reason: z.enum(SUPPRESSION_REASONS).optional(),
  include_expired: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  cursor: z.string().max(1_000).optional().describe("A next_cursor from a previous page"),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("Max results (default 100, max 500)"),
});

export const SuppressionList = z.object({
  suppressions: z.array(SuppressionView),
  next_cursor: z.string().nullable(),
});

export const AddSuppressionsBody = z.strictObject({
  addresses: z
    .array(
      z.strictObject({
        address: Address,
        reason: z.enum(["manual", "soft"]).default("manual"),
        expires_at: IsoTime.optional().describe("Lifted at this time (for soft reasons); absent: for good"),
        detail: Text.max(500).optional(),
      }),
    )
    .min(1)
    .max(1_000),
});

export const AddSuppressionsResult = z.object({ suppressions: z.array(SuppressionView) });

export const SuppressionAddressParams = z.strictObject({ address: Address });

export const RemovedSuppression = z.object({ address: z.string(), removed: z.literal(true) });
