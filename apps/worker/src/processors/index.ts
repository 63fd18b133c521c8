// The processor map, typed from the catalog: a catalog queue without a
// processor (or with one for the wrong payload) fails to compile. Whatever
// the processors hold (the email sending resources, the tick's Redis client,
// the keyring) is built by the runtime and handed down here.
import type { CatalogQueueName, PayloadOf } from "@opsdeck/core";

import type { EmailSending } from "../email/emailSending";
import { deliverAlertWebhook } from "./deliverAlertWebhook";
import { exportLogs } from "./exportLogs";
import { createScheduledTick, type ScheduledTickDeps } from "./scheduledTick";
import { createSendEmail } from "./sendEmail";
import type { Processor } from "./types";

export type ProcessorMap = { [Q in CatalogQueueName]: Processor<PayloadOf<Q>> };

export interface ProcessorDeps extends ScheduledTickDeps {
  email: EmailSending;
}

export function createProcessors(deps: ProcessorDeps): ProcessorMap {
  const sendEmail = createSendEmail(deps.email);
  return {
    "email-sending-high": sendEmail,
    "email-sending": sendEmail,
    "log-exports": exportLogs,
    "metric-rollups": createScheduledTick(deps),
    "alert-webhooks": deliverAlertWebhook,
  };
}
