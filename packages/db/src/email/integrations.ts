// SMTP integrations: the relays Opsdeck sends through. Credentials
// stay sealed here (an AES-256-GCM envelope); callers seal and open them with
// the keyring (packages/core/src/credentials.ts), so no plaintext secret ever
// passes through this module.
import { randomBytes } from "node:crypto";

import type pg from "pg";

type TlsMode = "none" | "starttls" | "tls";

export interface SmtpIntegrationRow {
  id: string;
  name: string;
  type: string;
  host: string;
  port: number;
  tls_mode: TlsMode;
  allow_plaintext_auth: boolean;
  credentials: string | null;
  credentials_key_id: string | null;
  sending_ips: string[];
  weight: number;
  enabled: boolean;
  circuit_state: "closed" | "open" | "half_open";
  circuit_open_until: Date | null;
  consecutive_failures: number;
  last_error: string | null;
  last_failure_at: Date | null;
  last_check_at: Date | null;
  last_check_ok: boolean | null;
  last_check_error: string | null;
  last_check_latency_ms: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface IntegrationFields {
  name: string;
  type: string;
  host: string;
  port: number;
  tlsMode: TlsMode;
  /** AUTH over an unencrypted connection to a non-loopback host. @defaultValue false */
  allowPlaintextAuth?: boolean;
  sendingIps: string[];
  weight: number;
  enabled: boolean;
}

/** A new id: "smtp_" + 12 random base32-ish characters. */
export function newIntegrationId(): string {
  return `smtp_${randomBytes(9).toString("base64url").replace(/[-_]/g, "x").slice(0, 12)}`;
}

export async function listIntegrations(
  pool: pg.Pool,
  opts: { enabledOnly?: boolean } = {},
): Promise<SmtpIntegrationRow[]> {
  const r = await pool.query<SmtpIntegrationRow>(
    `SELECT * FROM smtp_integrations ${opts.enabledOnly ? "WHERE enabled" : ""} ORDER BY created_at, id`,
  );
  return r.rows;
}

export async function getIntegration(pool: pg.Pool, id: string): Promise<SmtpIntegrationRow | undefined> {
  const r = await pool.query<SmtpIntegrationRow>(`SELECT * FROM smtp_integrations WHERE id = $1`, [id]);
  return r.rows[0];
}

/** Inserts an integration; `sealed` is the credentials envelope bound to `id` (or null). Returns null on a duplicate name. */
export async function insertIntegration(
  pool: pg.Pool,
  id: string,
  f: IntegrationFields,
  sealed: { envelope: string; keyId: string } | null,
): Promise<SmtpIntegrationRow | null> {
  const r = await pool.query<SmtpIntegrationRow>(
    `INSERT INTO smtp_integrations (id, name, type, host, port, tls_mode, credentials, credentials_key_id,
                                    sending_ips, weight, enabled, allow_plaintext_auth)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12)
     ON CONFLICT (name) DO NOTHING RETURNING *`,
    [
      id,
      f.name,
      f.type,
      f.host,
      f.port,
      f.tlsMode,
      sealed?.envelope ?? null,
      sealed?.keyId ?? null,
      f.sendingIps,
      f.weight,
      f.enabled,
      f.allowPlaintextAuth ?? false,
    ],
  );
  const row = r.rows[0] ?? null;
  if (row) await syncSendingIps(pool, row);
  return row;
}

/**
 * Updates the given fields. `sealed`: undefined keeps the credentials, null
 * removes them. Credentials belong to the endpoint they were given for: a
 * changed host, port or TLS mode, or allow_plaintext_auth turned on, removes
 * the stored ones unless `sealed` replaces them in the same update (decided
 * against the row as it is when the update runs). A changed host, port or TLS
 * mode also resets the circuit (it described the old endpoint). Throws on a
 * duplicate name (pg 23505).
 */
export async function updateIntegration(
  pool: pg.Pool,
  id: string,
  f: Partial<IntegrationFields>,
  sealed?: { envelope: string; keyId: string } | null,
): Promise<SmtpIntegrationRow | undefined> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  const param = (v: unknown, cast = "") => {
    values.push(v);
    return `$${values.length}${cast}`;
  };
  const set = (col: string, v: unknown, cast = "") => sets.push(`${col} = ${param(v, cast)}`);
  if (f.name !== undefined) set("name", f.name);
  if (f.type !== undefined) set("type", f.type);
  if (f.host !== undefined) set("host", f.host);
  if (f.port !== undefined) set("port", f.port);
  if (f.tlsMode !== undefined) set("tls_mode", f.tlsMode);
  if (f.allowPlaintextAuth !== undefined) set("allow_plaintext_auth", f.allowPlaintextAuth);
  if (f.sendingIps !== undefined) set("sending_ips", f.sendingIps, "::text[]");
  if (f.weight !== undefined) set("weight", f.weight);
  if (f.enabled !== undefined) set("enabled", f.enabled);
  if (sealed !== undefined) {
    set("credentials", sealed?.envelope ?? null);
    set("credentials_key_id", sealed?.keyId ?? null);
  } else {
    // Conditions on the row's current values (SET expressions read the row before the update).
    const moved: string[] = [];
    if (f.host !== undefined) moved.push(`host IS DISTINCT FROM ${param(f.host)}`);
    if (f.port !== undefined) moved.push(`port IS DISTINCT FROM ${param(f.port)}`);
    if (f.tlsMode !== undefined) moved.push(`tls_mode IS DISTINCT FROM ${param(f.tlsMode)}`);
    if (f.allowPlaintextAuth === true) moved.push("NOT allow_plaintext_auth");
    if (moved.length > 0) {
      const cleared = `CASE WHEN ${moved.join(" OR ")} THEN NULL ELSE`;
      sets.push(`credentials = ${cleared} credentials END, credentials_key_id = ${cleared} credentials_key_id END`);
    }
  }
  if (f.host !== undefined || f.port !== undefined || f.tlsMode !== undefined || f.enabled === true) {
    sets.push(`circuit_state = 'closed', circuit_open_until = NULL, consecutive_failures = 0`);
  }
  sets.push("updated_at = now()");
  const r = await pool.query<SmtpIntegrationRow>(
    `UPDATE smtp_integrations SET ${sets.join(", ")} WHERE id = $1 RETURNING *`,
    values,
  );
  const row = r.rows[0];
  if (row) await syncSendingIps(pool, row);
  return row;
}

/** Registers the integration's sending IPs for reputation tracking (an IP keeps its DNSBL state). */
async function syncSendingIps(pool: pg.Pool, row: SmtpIntegrationRow): Promise<void> {
  if (row.sending_ips.length === 0) return;
  await pool.query(
    `INSERT INTO sending_ips (ip_address, provider, integration_id)
     SELECT ip, $2, $3 FROM unnest($1::text[]) AS ip
     ON CONFLICT (ip_address) DO UPDATE SET provider = EXCLUDED.provider,
       integration_id = EXCLUDED.integration_id, updated_at = now()`,
    [row.sending_ips, row.type, row.id],
  );
}
