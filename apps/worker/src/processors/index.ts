// The processor map, typed from the catalog: a catalog queue without a
// processor (or with one for the wrong payload) fails to compile.
import type { CatalogQueueName, PayloadOf } from "@opsdeck/core";

import type { Reconciler } from "../reconcile";
import { deliverAlertWebhook } from "./deliverAlertWebhook";
import { exportLogs } from "./exportLogs";
import { createRollupMetrics } from "./rollupMetrics";
import { sendEmail } from "./sendEmail";
import type { Processor } from "./types";

export type ProcessorMap = { [Q in CatalogQueueName]: Processor<PayloadOf<Q>> };

export function createProcessors(deps: { reconciler: Reconciler }): ProcessorMap {
  return {
    "email-sending-high": sendEmail,
    "email-sending": sendEmail,
    "log-exports": exportLogs,
    "metric-rollups": createRollupMetrics(deps.reconciler),
    "alert-webhooks": deliverAlertWebhook,
  };
}
