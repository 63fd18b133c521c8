// Alert webhook delivery (`alert-webhooks`): POSTs one opened or resolved
// alert to ALERT_WEBHOOK_URL (rollups/webhooks.ts). Served like every catalog
// queue, so its payload is validated, its record written and it drains at
// shutdown. A job that reaches a worker without ALERT_WEBHOOK_URL (another
// process enqueued it, or the setting was removed since) fails as
// unrecoverable: retrying cannot help until the setting is back, and the
// failed job can then be retried through Opsdeck.
import type { AlertWebhookPayload } from "@opsdeck/core";
import { coerceError } from "@opsdeck/core";
import { UnrecoverableError } from "bullmq";

import { deliverWebhook, webhookConfig } from "../rollups/webhooks";
import type { Processor } from "./types";

export const deliverAlertWebhook: Processor<AlertWebhookPayload> = async (job, payload, ctx) => {
  const hook = webhookConfig(ctx.config);
  if (!hook) throw new UnrecoverableError("ALERT_WEBHOOK_URL is not set on this worker; the alert cannot be delivered");
  try {
    return { status: await deliverWebhook(hook, payload) };
  } catch (err) {
    ctx.log.warn("alert webhook delivery failed", {
      alert_id: payload.alert.id,
      event: payload.event,
      attempt: job.attemptsMade + 1,
      err: coerceError(err).message,
    });
    throw err;
  }
};
