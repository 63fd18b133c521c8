// The scheduled tick's minute steps: the live SMTP checks of the email
// integrations (first, so this tick's alert rules see them), DNSBL lookups
// of the sending IPs every DNSBL_EVERY_MINUTES, then the metric rollups and
// the alert rules (rollups/tick.ts). The Redis client, the keyring and the
// alert-webhooks producer behind `notify` are the runtime's, built once.
import type { Keyring } from "@opsdeck/core";
import type { Redis } from "@opsdeck/redis";

import { checkIntegrations } from "../email/checks";
import { checkDnsbl } from "../email/dnsbl";
import type { ProcessorContext } from "../processors/types";
import type { AlertEvent } from "../rollups/context";
import { rollupOptions, runMetricsTick } from "../rollups/tick";
import { step } from "./step";

/** Minutes between DNSBL lookups (every quarter hour). */
const DNSBL_EVERY_MINUTES = 15;

export interface MinuteDeps {
  /** The rollups' and alert rules' Redis client; its command deadline suits their probes. */
  redis: Redis;
  /** Opens the SMTP integrations' credentials for their checks. */
  keyring: Keyring;
  /** Queues alert changes on alert-webhooks; absent while ALERT_WEBHOOK_URL is unset. */
  notify?: (events: AlertEvent[]) => Promise<void>;
}

export async function runMinuteSteps(ctx: ProcessorContext, deps: MinuteDeps): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const result: Record<string, unknown> = {};
  result.smtp_checks = await step(
    ctx.log,
    "smtp_checks",
    async () => (await checkIntegrations(ctx, deps.keyring)).length,
  );
  if (new Date().getUTCMinutes() % DNSBL_EVERY_MINUTES === 0) {
    result.dnsbl = await step(ctx.log, "dnsbl", async () => (await checkDnsbl(ctx)).length);
  }
  result.metrics = await runMetricsTick({
    pool: ctx.db.pool,
    poolMax: config.DB_POOL_SIZE,
    redis: deps.redis,
    queuePrefix: config.QUEUE_PREFIX,
    log: ctx.log,
    options: rollupOptions(config),
    ...(deps.notify ? { notify: deps.notify } : {}),
  });
  return result;
}
