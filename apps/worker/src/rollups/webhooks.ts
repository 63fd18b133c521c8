// Alert webhooks (SPEC §4): opened and resolved alerts are queued on the
// `alert-webhooks` BullMQ queue (not in the catalog: it exists only when
// ALERT_WEBHOOK_URL is set) and POSTed as JSON with a Slack-compatible `text`
// field. Retries use exponential backoff (ALERT_WEBHOOK_ATTEMPTS, base
// ALERT_WEBHOOK_BACKOFF_MS). The target comes from config, never from job
// data, and its host must be on ALERT_WEBHOOK_ALLOWLIST (checked at start-up
// and again before each delivery); redirects are not followed.
import type { Logger } from "@opsdeck/core";
import type { AlertRow } from "@opsdeck/db";
import { Queue, UnrecoverableError, Worker } from "bullmq";

import type { AlertEvent } from "./context";

export const ALERT_WEBHOOK_QUEUE = "alert-webhooks";

export interface WebhookConfig {
  url: string;
  /** Hosts allowed: exact names, or "*.example.com" for its subdomains. */
  allowlist: string[];
  attempts: number;
  /** Backoff base, ms. */
  backoffMs: number;
  /** Deadline of one POST, ms. */
  timeoutMs: number;
}

/** True when `url` is http(s) and its host is allowed. */
export function webhookAllowed(url: string, allowlist: string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return false;
  const host = u.hostname.toLowerCase();
  return allowlist.some((a) => {
    const allowed = a.trim().toLowerCase();
    return allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) : host === allowed;
  });
}

export interface WebhookJob {
  event: "opened" | "resolved";
  alert: {
    id: string;
    rule: string;
    subject: string;
    severity: string;
    service: string;
    message: string;
    timestamp: string;
    resolved_at: string | null;
  };
}

export function webhookJob(e: AlertEvent): WebhookJob {
  const a: AlertRow = e.alert;
  return {
    event: e.event,
    alert: {
      id: `alert_${a.id}`,
      rule: a.rule,
      subject: a.subject,
      severity: a.severity,
      service: a.service,
      message: a.message,
      timestamp: a.opened_at.toISOString(),
      resolved_at: a.resolved_at?.toISOString() ?? null,
    },
  };
}

/** The JSON body: Slack reads `text`; other receivers get the alert itself. */
export function webhookBody(job: WebhookJob): Record<string, unknown> {
  const a = job.alert;
  const head = job.event === "resolved" ? `[resolved] ${a.service}` : `[${a.severity}] ${a.service}`;
  return { text: `${head}: ${a.message} (${a.id})`, event: job.event, alert: a };
}

/** POSTs one delivery; throws to retry, UnrecoverableError when retrying cannot help. */
export async function deliverWebhook(cfg: WebhookConfig, job: WebhookJob): Promise<number> {
  if (!webhookAllowed(cfg.url, cfg.allowlist))
    throw new UnrecoverableError("webhook host is not on ALERT_WEBHOOK_ALLOWLIST");
  const res = await fetch(cfg.url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "opsdeck-alerts" },
    body: JSON.stringify(webhookBody(job)),
    redirect: "manual",
    signal: AbortSignal.timeout(cfg.timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return res.status;
  const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
  const err = `webhook answered ${res.status}`;
  throw retryable ? new Error(err) : new UnrecoverableError(err);
}

/** Queues deliveries; the job id makes a repeated enqueue of the same event a no-op. */
export async function enqueueWebhooks(queue: Queue, cfg: WebhookConfig, events: AlertEvent[]): Promise<void> {
  await queue.addBulk(
    events.map((e) => ({
      name: e.event,
      data: webhookJob(e),
      opts: {
        jobId: `alert-${e.alert.id}-${e.event}`,
        attempts: cfg.attempts,
        backoff: { type: "exponential", delay: cfg.backoffMs },
        removeOnComplete: { count: 1_000, age: 7 * 86_400 },
        removeOnFail: { count: 1_000, age: 30 * 86_400 },
      },
    })),
  );
}

export interface WebhookWorker {
  readonly worker: Worker;
  close(): Promise<void>;
}

/** The delivering worker, run by the worker runtime when ALERT_WEBHOOK_URL is set. */
export function startWebhookWorker(opts: {
  redisUrl: string;
  prefix: string;
  config: WebhookConfig;
  log: Logger;
}): WebhookWorker {
  const worker = new Worker<WebhookJob>(
    ALERT_WEBHOOK_QUEUE,
    async (job) => {
      const status = await deliverWebhook(opts.config, job.data);
      return { status };
    },
    {
      connection: {
        url: opts.redisUrl,
        maxRetriesPerRequest: null,
        connectionName: `opsdeck-worker-${ALERT_WEBHOOK_QUEUE}`,
      },
      prefix: opts.prefix,
      concurrency: 4,
    },
  );
  worker.on("failed", (job, err) =>
    opts.log.warn("alert webhook delivery failed", { job_id: job?.id, attempts: job?.attemptsMade, err: err.message }),
  );
  worker.on("error", (err) => opts.log.warn("alert webhook worker error", { err }));
  return { worker, close: () => worker.close() };
}
