// Campaigns accepted by the API (one transactional message is a campaign of
// one) and the Idempotency-Keys of the requests that created them. A key's
// row is inserted in the same transaction as its campaign, so two requests
// with one key create one campaign: the second waits on the first's insert
// and then finds its row. Keys are per API key and expire (an expired key may
// be used again).
//
// A campaign's counts are read from email_messages (the rows the worker
// writes anyway), each recipient counted by its latest row: nothing is
// counted on the send path.
import type pg from "pg";

export interface CampaignInsert {
  id: string;
  kind: "message" | "campaign";
  queue: string;
  keyId: string;
  sender: string;
  subject: string;
  recipientCount: number;
  batchCount: number;
  batchSize: number;
  /** The validated request: content and recipients. */
  body: unknown;
}

export interface CampaignRow {
  id: string;
  kind: "message" | "campaign";
  queue: string;
  key_id: string;
  sender: string;
  subject: string;
  recipient_count: number;
  batch_count: number;
  batch_size: number;
  enqueued_at: Date | null;
  created_at: Date;
}

export interface IdempotencyInput {
  keyId: string;
  key: string;
  requestHash: string;
  /** How long the key is kept, ms. */
  ttlMs: number;
  /** The answer to store and replay. */
  status: number;
  response: unknown;
}

export type CreateCampaignResult =
  | { created: true }
  /** The key was used before: `sameRequest` says whether for this very request (replay) or another (409). */
  | { created: false; sameRequest: boolean; campaignId: string; status: number; response: unknown };

/**
 * Inserts the campaign, and its Idempotency-Key when given, in one transaction. With a key already in
 * use (and not expired), nothing is inserted and the first request's answer comes back.
 */
export async function createCampaign(
  pool: pg.Pool,
  c: CampaignInsert,
  idem: IdempotencyInput | null,
): Promise<CreateCampaignResult> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (idem) {
      // An expired key is taken over in place; a live one is left alone (no row comes back).
      const ins = await client.query(
        `INSERT INTO email_idempotency_keys (key_id, idempotency_key, request_hash, campaign_id, status, response,
                                             expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::double precision / 1000))
         ON CONFLICT (key_id, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
           campaign_id = EXCLUDED.campaign_id, status = EXCLUDED.status, response = EXCLUDED.response,
           created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE email_idempotency_keys.expires_at <= now()
         RETURNING 1`,
        [idem.keyId, idem.key, idem.requestHash, c.id, idem.status, JSON.stringify(idem.response), idem.ttlMs],
      );
      if (ins.rowCount === 0) {
        const prior = await client.query<{
          request_hash: string;
          campaign_id: string;
          status: number;
          response: unknown;
        }>(
          `SELECT request_hash, campaign_id, status, response FROM email_idempotency_keys
           WHERE key_id = $1 AND idempotency_key = $2`,
          [idem.keyId, idem.key],
        );
        await client.query("ROLLBACK");
        const p = prior.rows[0];
        if (!p) throw new Error("idempotency key vanished during its conflict");
        return {
          created: false,
          sameRequest: p.request_hash === idem.requestHash,
          campaignId: p.campaign_id,
          status: p.status,
          response: p.response,
        };
      }
    }
    await client.query(
      `INSERT INTO email_campaigns (id, kind, queue, key_id, sender, subject, recipient_count, batch_count, batch_size,
                                    body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.id,
        c.kind,
        c.queue,
        c.keyId,
        c.sender,
        c.subject,
        c.recipientCount,
        c.batchCount,
        c.batchSize,
        JSON.stringify(c.body),
      ],
    );
    await client.query("COMMIT");
    return { created: true };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function getCampaign(pool: pg.Pool, id: string): Promise<CampaignRow | null> {
  const r = await pool.query<CampaignRow>(
    `SELECT id, kind, queue, key_id, sender, subject, recipient_count, batch_count, batch_size, enqueued_at, created_at
     FROM email_campaigns WHERE id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** The validated request a campaign was created from. */
export async function campaignBody(pool: pg.Pool, id: string): Promise<unknown> {
  const r = await pool.query<{ body: unknown }>(`SELECT body FROM email_campaigns WHERE id = $1`, [id]);
  return r.rows[0]?.body ?? null;
}

/** Its batches are all on the queue. */
export async function markCampaignEnqueued(pool: pg.Pool, id: string): Promise<void> {
  await pool.query(`UPDATE email_campaigns SET enqueued_at = now() WHERE id = $1 AND enqueued_at IS NULL`, [id]);
}

/** Job ids of the campaign that have written message rows (started at least once). */
export async function campaignJobsStarted(pool: pg.Pool, id: string): Promise<Set<string>> {
  const r = await pool.query<{ job_id: string }>(`SELECT DISTINCT job_id FROM email_messages WHERE campaign_id = $1`, [
    id,
  ]);
  return new Set(r.rows.map((x) => x.job_id));
}

interface CampaignCountRow {
  status: string;
  sending_ip: string | null;
  integration_id: string | null;
  n: number;
  complained: number;
}

export interface CampaignCounts {
  /** Recipients by the status of their latest message, per sending IP and integration. */
  rows: CampaignCountRow[];
  /** First claim. */
  startedAt: Date | null;
  /** Latest change of any message. */
  lastUpdateAt: Date | null;
}

/** Each recipient's latest message, counted by status, sending IP and integration (and complaints about it). */
export async function campaignCounts(pool: pg.Pool, id: string): Promise<CampaignCounts> {
  const r = await pool.query<CampaignCountRow & { started: Date | null; last: Date | null }>(
    `WITH latest AS (
       SELECT DISTINCT ON (recipient) recipient, status, sending_ip, integration_id, message_id
       FROM email_messages WHERE campaign_id = $1 ORDER BY recipient, id DESC
     ), span AS (
       SELECT min(created_at) AS started, max(updated_at) AS last FROM email_messages WHERE campaign_id = $1
     )
     SELECT l.status, l.sending_ip, l.integration_id, count(*)::int AS n,
            count(f.message_id)::int AS complained, span.started, span.last
     FROM latest l
     LEFT JOIN email_feedback f ON f.kind = 'complaint' AND f.message_id = l.message_id
     CROSS JOIN span
     GROUP BY l.status, l.sending_ip, l.integration_id, span.started, span.last`,
    [id],
  );
  const first = r.rows[0];
  return {
    rows: r.rows.map(({ status, sending_ip, integration_id, n, complained }) => ({
      status,
      sending_ip,
      integration_id,
      n,
      complained,
    })),
    startedAt: first?.started ?? null,
    lastUpdateAt: first?.last ?? null,
  };
}

/**
 * Recipients whose latest message failed (given up after every attempt), and a fingerprint of that
 * state: it changes once any of them is tried again, so a retry asked twice before it runs is one retry.
 */
export async function failedRecipients(
  pool: pg.Pool,
  id: string,
): Promise<{ recipients: string[]; fingerprint: string }> {
  const r = await pool.query<{ recipient: string; row_id: string }>(
    `SELECT recipient, id::text AS row_id FROM (
       SELECT DISTINCT ON (recipient) recipient, id, status FROM email_messages
       WHERE campaign_id = $1 ORDER BY recipient, id DESC
     ) l WHERE status = 'failed' ORDER BY recipient`,
    [id],
  );
  return { recipients: r.rows.map((x) => x.recipient), fingerprint: r.rows.map((x) => x.row_id).join(",") };
}

/** Drops expired Idempotency-Keys; returns how many. */
export async function pruneIdempotencyKeys(pool: pg.Pool): Promise<number> {
  const r = await pool.query(`DELETE FROM email_idempotency_keys WHERE expires_at < now()`);
  return r.rowCount ?? 0;
}
