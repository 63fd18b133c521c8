// The queue catalog: the one place that names Opsdeck's own
// queues, their payload schemas, priorities and retry policy. The API
// validates a payload against it before `queue.add`; the worker validates
// again before processing, because jobs outlive deploys. The worker's
// processor map is typed from `QUEUES`, so a queue without a processor fails
// to compile.
import { z } from "zod";

import { AlertSeverity } from "./contracts/alerts";

const Email = z.email().max(320);

/** One recipient of a batch: the address and the values of its `{{var}}` placeholders. */
export const EmailRecipient = z.object({
  email: Email,
  variables: z.record(z.string().max(64), z.string().max(10_000)).optional(),
});

/** Most recipients in one batch job, and in one API request. */
export const EMAIL_MAX_RECIPIENTS = 10_000;

/** A message's content, shared by the batch payload and the API's send bodies. */
export const emailContentShape = {
  from: z.string().min(3).max(320),
  subject: z.string().min(1).max(998),
  text: z.string().max(1_000_000).optional(),
  html: z.string().max(2_000_000).optional(),
  /** Template id or inline template; `{{var}}` placeholders filled per recipient. */
  template: z.string().max(2_000_000).optional(),
  headers: z.record(z.string().max(128), z.string().max(998)).optional(),
};

/** A message needs a body: text, html or a template. */
export const hasEmailBody = {
  check: (p: { text?: string | undefined; html?: string | undefined; template?: string | undefined }) =>
    p.text !== undefined || p.html !== undefined || p.template !== undefined,
  message: "one of text, html or template is required",
};

/** One batch of a campaign. */
export const EmailBatchPayload = z
  .object({
    campaign_id: z.string().min(1).max(128),
    ...emailContentShape,
    recipients: z.array(EmailRecipient).min(1).max(EMAIL_MAX_RECIPIENTS),
  })
  .refine(hasEmailBody.check, { message: hasEmailBody.message });
export type EmailBatchPayload = z.infer<typeof EmailBatchPayload>;

/** A log export; the filters are those of the log search. */
export const LogExportPayload = z.object({
  export_id: z.string().min(1).max(64),
});
export type LogExportPayload = z.infer<typeof LogExportPayload>;

/** A scheduled rollup tick; `minute` is the ISO start of the minute it rolls up. */
export const MetricRollupPayload = z.object({
  kind: z.enum(["minute", "hour", "day", "maintenance"]).default("minute"),
  minute: z.iso.datetime().optional(),
});
export type MetricRollupPayload = z.infer<typeof MetricRollupPayload>;

/**
 * One opened or resolved alert to POST to ALERT_WEBHOOK_URL (the target comes from config, never from
 * the job). `alert.id` is the API's `alert_<n>`; timestamps are ISO 8601.
 */
export const AlertWebhookPayload = z.object({
  event: z.enum(["opened", "resolved"]),
  alert: z.object({
    id: z.string().regex(/^alert_\d{1,20}$/, "must be alert_<n>"),
    rule: z.string().min(1).max(64),
    subject: z.string().min(1).max(2_000),
    severity: AlertSeverity,
    service: z.string().min(1).max(128),
    message: z.string().min(1).max(100_000),
    timestamp: z.iso.datetime(),
    resolved_at: z.iso.datetime().nullable(),
  }),
});
export type AlertWebhookPayload = z.infer<typeof AlertWebhookPayload>;

export interface QueueDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** The queue's priority class, as the queue list reports it. */
  priority: "high" | "normal" | "low";
  payload: S;
  /** BullMQ `attempts`. */
  attempts: number;
  /** Exponential backoff base delay, ms. */
  backoffMs: number;
  /** Default worker concurrency (overridable by config). */
  concurrency: number;
  description: string;
}

function defineQueue<S extends z.ZodType>(def: QueueDefinition<S>): QueueDefinition<S> {
  return def;
}

export const QUEUES = {
  "email-sending-high": defineQueue({
    name: "email-sending-high",
    priority: "high",
    payload: EmailBatchPayload,
    attempts: 8,
    backoffMs: 5_000,
    concurrency: 10,
    description: "Transactional and high-priority campaign batches",
  }),
  "email-sending": defineQueue({
    name: "email-sending",
    priority: "normal",
    payload: EmailBatchPayload,
    attempts: 8,
    backoffMs: 10_000,
    concurrency: 10,
    description: "Campaign batches",
  }),
  "log-exports": defineQueue({
    name: "log-exports",
    priority: "normal",
    payload: LogExportPayload,
    attempts: 3,
    backoffMs: 5_000,
    concurrency: 2,
    description: "Asynchronous log exports streamed to files",
  }),
  "metric-rollups": defineQueue({
    name: "metric-rollups",
    priority: "low",
    payload: MetricRollupPayload,
    attempts: 3,
    backoffMs: 2_000,
    concurrency: 1,
    description: "Per-minute rollups, compaction, alert evaluation and maintenance",
  }),
  "alert-webhooks": defineQueue({
    name: "alert-webhooks",
    priority: "normal",
    payload: AlertWebhookPayload,
    // The worker's producer sets ALERT_WEBHOOK_ATTEMPTS / ALERT_WEBHOOK_BACKOFF_MS (same defaults).
    attempts: 8,
    backoffMs: 5_000,
    concurrency: 4,
    description: "Opened and resolved alerts POSTed to ALERT_WEBHOOK_URL",
  }),
} as const;

export type CatalogQueueName = keyof typeof QUEUES;
export const CATALOG_QUEUE_NAMES = Object.keys(QUEUES) as CatalogQueueName[];
export type PayloadOf<Q extends CatalogQueueName> = z.infer<(typeof QUEUES)[Q]["payload"]>;

export function isCatalogQueue(name: string): name is CatalogQueueName {
  return Object.hasOwn(QUEUES, name);
}

/** BullMQ queue names: no ':' (the key prefix supplies it), bounded length. */
export const QueueName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only");
