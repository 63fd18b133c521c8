// Scheduled live checks of the SMTP integrations: connect + EHLO (+ STARTTLS
// and AUTH as configured) per enabled integration, bounded by
// EMAIL_CHECK_TIMEOUT_MS, run in parallel; a destination outside
// EMAIL_ALLOWED_DESTINATIONS is never connected to (destination_forbidden).
// A failure opens the circuit; a success after the cool-down closes it. Run by
// the scheduled tick every minute (scheduled/minute.ts; each run is
// independent and idempotent).
import { checkStoredIntegration, type Keyring } from "@opsdeck/core";
import { listIntegrations, pruneIntegrationStats, saveCheckResult } from "@opsdeck/db";

import type { ProcessorContext } from "../processors/types";

export interface IntegrationCheck {
  integration_id: string;
  ok: boolean;
  /** ms */
  latency_ms: number;
  error: string | null;
}

/** `keyring` opens the integrations' sealed credentials (the runtime builds it once). */
export async function checkIntegrations(
  ctx: Pick<ProcessorContext, "db" | "config" | "log">,
  keyring: Keyring,
): Promise<IntegrationCheck[]> {
  const { config, log } = ctx;
  const pool = ctx.db.pool;
  const rows = await listIntegrations(pool, { enabledOnly: true });
  const results = await Promise.all(
    rows.map(async (row): Promise<IntegrationCheck> => {
      const r = await checkStoredIntegration(row, keyring, config);
      await saveCheckResult(pool, row.id, r, config.EMAIL_CIRCUIT_COOLDOWN_MS);
      if (!r.ok) log.warn("smtp integration check failed", { integration_id: row.id, error: r.error });
      return { integration_id: row.id, ok: r.ok, latency_ms: r.latencyMs, error: r.error };
    }),
  );
  // Window buckets are only read within EMAIL_HEALTH_WINDOW_SECONDS; keep a day for inspection.
  await pruneIntegrationStats(pool, Math.max(86_400, config.EMAIL_HEALTH_WINDOW_SECONDS));
  return results;
}
