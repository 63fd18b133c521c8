// Shared by the email tests: worker settings for fast retries and leases (and
// the sink's loopback address allowed), an integration row pointing at a
// local port, campaign payloads, and waiting for a job to finish.
import { Job, type Queue } from "bullmq";
import type pg from "pg";

import { createKeyring, credentialsAad, type EmailBatchPayload, sealSecret } from "../../packages/core/src";
import { insertIntegration, newIntegrationId, type SmtpIntegrationRow } from "../../packages/db/src";
import { waitFor } from "../worker/workerHelpers";

/** A fixed 32-byte test key (base64). */
export const TEST_KEY = Buffer.alloc(32, 7).toString("base64");

/**
 * The test SMTP sinks listen on 127.0.0.1, which Opsdeck refuses to connect to unless
 * EMAIL_ALLOWED_DESTINATIONS allows it: apps and workers that talk to a sink need this.
 */
export const SINK_DESTINATIONS = { EMAIL_ALLOWED_DESTINATIONS: "127.0.0.0/8" };

/** Worker env for the email tests: the sink allowed, short leases, quick circuit cool-down, small pools. */
export const EMAIL_ENV: Record<string, string> = {
  ...SINK_DESTINATIONS,
  CREDENTIALS_ENCRYPTION_KEY: TEST_KEY,
  CREDENTIALS_KEY_ID: "test1",
  EMAIL_CLAIM_LEASE_MS: "3000",
  EMAIL_CIRCUIT_COOLDOWN_MS: "60000",
  EMAIL_SMTP_CONNECT_TIMEOUT_MS: "2000",
  EMAIL_SMTP_SOCKET_TIMEOUT_MS: "5000",
  WORKER_QUEUES: "email-sending",
  WORKER_LOCK_DURATION_MS: "2000",
  WORKER_STALLED_INTERVAL_MS: "1000",
};

export async function addIntegration(
  pool: pg.Pool,
  f: {
    name: string;
    port: number;
    /** @defaultValue "127.0.0.1" (stored as given: the API's destination check is bypassed) */
    host?: string;
    tlsMode?: "none" | "starttls" | "tls";
    allowPlaintextAuth?: boolean;
    type?: string;
    weight?: number;
    sendingIps?: string[];
    auth?: { username: string; password: string };
    /** The id TEST_KEY goes by in the reader's config. @defaultValue "test1" (EMAIL_ENV's) */
    keyId?: string;
  },
): Promise<SmtpIntegrationRow> {
  const id = newIntegrationId();
  const ring = createKeyring({ CREDENTIALS_ENCRYPTION_KEY: TEST_KEY, CREDENTIALS_KEY_ID: f.keyId ?? "test1" });
  const sealed = f.auth ? sealSecret(ring, JSON.stringify(f.auth), credentialsAad(id)) : null;
  const row = await insertIntegration(
    pool,
    id,
    {
      name: f.name,
      type: f.type ?? "smtp",
      host: f.host ?? "127.0.0.1",
      port: f.port,
      tlsMode: f.tlsMode ?? "none",
      allowPlaintextAuth: f.allowPlaintextAuth ?? false,
      sendingIps: f.sendingIps ?? [],
      weight: f.weight ?? 1,
      enabled: true,
    },
    sealed,
  );
  if (!row) throw new Error(`integration ${f.name} exists`);
  return row;
}

export function campaign(id: string, n: number, extra: Partial<EmailBatchPayload> = {}): EmailBatchPayload {
  return {
    campaign_id: id,
    from: "Opsdeck Demo <news@example.com>",
    subject: "Hello {{name}}",
    text: "Hi {{name}}, your code is {{code}}.",
    html: "<p>Hi {{name}}</p>",
    recipients: Array.from({ length: n }, (_, i) => ({
      email: `user${i}@${id}.example.com`,
      variables: { name: `User <${i}>`, code: String(1000 + i) },
    })),
    ...extra,
  };
}

export const RETRY_FAST = { attempts: 6, backoff: { type: "fixed", delay: 300 } } as const;

export function finished(q: Queue, id: string, timeoutMs = 180_000): Promise<Job> {
  return waitFor(
    `job ${id} finished`,
    async () => {
      const job = await Job.fromId(q, id);
      return job?.finishedOn ? job : undefined;
    },
    timeoutMs,
  );
}

export async function statuses(pool: pg.Pool, campaignId: string): Promise<Record<string, number>> {
  const r = await pool.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM email_messages WHERE campaign_id = $1 GROUP BY status`,
    [campaignId],
  );
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
}
