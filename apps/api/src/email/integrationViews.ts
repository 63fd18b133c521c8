// Shared by the email routes: the keyring from config, the health window
// settings, and the integration view (credentials never leave the database
// except sealed; the view says only whether there are some).
import { createKeyring, type IntegrationView, type Keyring } from "@opsdeck/core";
import { type IntegrationHealth, integrationHealth, type SmtpIntegrationRow, type WindowOptions } from "@opsdeck/db";

import type { ApiConfig } from "../config";
import type { AppDeps } from "../deps";

const keyrings = new WeakMap<ApiConfig, Keyring>();

export function keyringOf(config: ApiConfig): Keyring {
  let ring = keyrings.get(config);
  if (!ring) {
    ring = createKeyring(config);
    keyrings.set(config, ring);
  }
  return ring;
}

export function healthWindow(config: ApiConfig): WindowOptions {
  return {
    windowSeconds: config.EMAIL_HEALTH_WINDOW_SECONDS,
    errorRate: config.EMAIL_CIRCUIT_ERROR_RATE,
    minAttempts: config.EMAIL_CIRCUIT_MIN_ATTEMPTS,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function integrationView(row: SmtpIntegrationRow, h: IntegrationHealth | undefined): IntegrationView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    host: row.host,
    port: row.port,
    tls_mode: row.tls_mode,
    allow_plaintext_auth: row.allow_plaintext_auth,
    has_credentials: row.credentials !== null,
    credentials_key_id: row.credentials_key_id,
    sending_ips: row.sending_ips,
    weight: row.weight,
    enabled: row.enabled,
    health: {
      status: !row.enabled ? "disabled" : h?.healthy ? "healthy" : "unhealthy",
      circuit_state: row.circuit_state,
      circuit_open_until: iso(row.circuit_open_until),
      error_rate: h?.error_rate ?? null,
      attempts: h?.attempts ?? 0,
      last_error: row.last_error,
      last_check_at: iso(row.last_check_at),
      last_check_ok: row.last_check_ok,
    },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Views of `rows` with their current health. */
export async function integrationViews(deps: AppDeps, rows: SmtpIntegrationRow[]): Promise<IntegrationView[]> {
  const health = new Map((await integrationHealth(deps.db.pool, healthWindow(deps.config))).map((h) => [h.id, h]));
  return rows.map((r) => integrationView(r, health.get(r.id)));
}
