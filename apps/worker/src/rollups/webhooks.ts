// Alert webhooks: opened and resolved alerts are queued on the
// catalog's `alert-webhooks` queue (enqueued by the scheduled tick only while
// ALERT_WEBHOOK_URL is set) and POSTed as JSON with a Slack-compatible `text`
// field by its processor (processors/deliverAlertWebhook.ts). Retries use
// exponential backoff (ALERT_WEBHOOK_ATTEMPTS, base ALERT_WEBHOOK_BACKOFF_MS).
// The target comes from config, never from job data, and its host must be on
// ALERT_WEBHOOK_ALLOWLIST (checked at start-up and again before each
// delivery); redirects are not followed.
import type { AlertWebhookPayload, CatalogJobOptions } from "@opsdeck/core";
import type { AlertRow } from "@opsdeck/db";
import { type Queue, UnrecoverableError } from "bullmq";

import type { WorkerConfig } from "../config";
import type { AlertEvent } from "./context";

export interface WebhookConfig {
  url: string;
  /** Hosts allowed: exact names, or "*.example.com" for its subdomains. */
  allowlist: string[];
  /** Deadline of one POST, ms. */
  timeoutMs: number;
}

/** The delivery settings, or null when ALERT_WEBHOOK_URL is unset. */
export function webhookConfig(config: WorkerConfig): WebhookConfig | null {
  if (!config.ALERT_WEBHOOK_URL) return null;
  return {
    url: config.ALERT_WEBHOOK_URL,
    allowlist: config.ALERT_WEBHOOK_ALLOWLIST,
    timeoutMs: config.ALERT_WEBHOOK_TIMEOUT_MS,
  };
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

function webhookJob(e: AlertEvent): AlertWebhookPayload {
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
function webhookBody(job: AlertWebhookPayload): Record<string, unknown> {
  const a = job.alert;
  const head = job.event === "resolved" ? `[resolved] ${a.service}` : `[${a.severity}] ${a.service}`;
  return { text: `${head}: ${a.message} (${a.id})`, event: job.event, alert: a };
}

/** POSTs one delivery; throws to retry, UnrecoverableError when retrying cannot help. */
export async function deliverWebhook(cfg: WebhookConfig, job: AlertWebhookPayload): Promise<number> {
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
export async function enqueueWebhooks(queue: Queue, opts: CatalogJobOptions, events: AlertEvent[]): Promise<void> {
  await queue.addBulk(
    events.map((e) => ({
      name: e.event,
      data: webhookJob(e),
      opts: { ...opts, jobId: `alert-${e.alert.id}-${e.event}` },
    })),
  );
}
