// Sending-IP reputation.
//
// Over the last 7 days of messages sent through an IP (N = messages with an
// SMTP outcome through it, at least 1):
//   bounce rate    = bounced / N   (5xx at send time, plus provider bounce feedback)
//   complaint rate = complaints / N (provider feedback loops)
//   deferral rate  = messages deferred at least once / N
//   score = 100 − 400·bounce − 5000·complaint − 100·deferral − 15·(DNSBL listings), clamped to 0–100
// so 5% bounces cost 20 points, 0.1% complaints 5, 10% deferrals 10.
// status: critical when listed on any DNSBL or score < 50; warning when score < 80; else good.
// daily_volume: messages sent through the IP since 00:00 UTC.
import type pg from "pg";

import { addSuppressions } from "./suppressions";

export interface ReputationCounts {
  attempted: number;
  bounced: number;
  complaints: number;
  deferred: number;
}

export function reputationScore(c: ReputationCounts, listings: number): number {
  const n = Math.max(1, c.attempted);
  const penalty = (400 * c.bounced) / n + (5000 * c.complaints) / n + (100 * c.deferred) / n + 15 * listings;
  return Math.max(0, Math.min(100, Math.round(100 - penalty)));
}

export function reputationStatus(score: number, listings: number): "good" | "warning" | "critical" {
  if (listings > 0 || score < 50) return "critical";
  if (score < 80) return "warning";
  return "good";
}

export interface SendingIpRow {
  ip_address: string;
  provider: string;
  integration_id: string | null;
  blacklists: string[];
  dnsbl_checked_at: Date | null;
  dnsbl_error: string | null;
}

export interface IpReputation extends ReputationCounts {
  ip_address: string;
  provider: string;
  blacklists: string[];
  daily_volume: number;
  dnsbl_checked_at: Date | null;
  reputation_score: number;
  status: "good" | "warning" | "critical";
}

export async function listSendingIps(pool: pg.Pool): Promise<SendingIpRow[]> {
  const r = await pool.query<SendingIpRow>(`SELECT * FROM sending_ips ORDER BY ip_address`);
  return r.rows;
}

/** Sending IPs listed on at least one DNSBL, with the lists. */
export async function listBlacklistedIps(
  pool: pg.Pool,
): Promise<{ ip: string; provider: string; blacklists: string[] }[]> {
  const r = await pool.query<{ ip: string; provider: string; blacklists: string[] }>(
    `SELECT ip_address AS ip, provider, blacklists FROM sending_ips WHERE cardinality(blacklists) > 0`,
  );
  return r.rows;
}

export async function ipReputation(pool: pg.Pool): Promise<IpReputation[]> {
  const r = await pool.query<SendingIpRow & ReputationCounts & { daily_volume: number }>(
    `SELECT ip.*,
       coalesce(m.attempted, 0)::int AS attempted, coalesce(m.bounced, 0)::int + coalesce(fb.bounces, 0)::int AS bounced,
       coalesce(fb.complaints, 0)::int AS complaints, coalesce(m.deferred, 0)::int AS deferred,
       coalesce(m.daily, 0)::int AS daily_volume
     FROM sending_ips ip
     LEFT JOIN (
       SELECT sending_ip,
              count(*) FILTER (WHERE status IN ('sent', 'bounced', 'deferred', 'failed', 'unconfirmed')) AS attempted,
              count(*) FILTER (WHERE status = 'bounced') AS bounced,
              count(*) FILTER (WHERE status = 'deferred' OR attempts > 1) AS deferred,
              count(*) FILTER (WHERE sent_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS daily
       FROM email_messages WHERE updated_at >= now() - interval '7 days' AND sending_ip IS NOT NULL
       GROUP BY sending_ip) m ON m.sending_ip = ip.ip_address
     LEFT JOIN (
       -- Bounce feedback already reflected in a message's status is not counted twice.
       SELECT f.sending_ip,
              count(*) FILTER (WHERE f.kind = 'complaint') AS complaints,
              count(*) FILTER (WHERE f.kind = 'bounce' AND NOT EXISTS (
                SELECT 1 FROM email_messages em WHERE em.message_id = f.message_id AND em.status = 'bounced')) AS bounces
       FROM email_feedback f WHERE f.occurred_at >= now() - interval '7 days' GROUP BY f.sending_ip
     ) fb ON fb.sending_ip = ip.ip_address
     ORDER BY ip.ip_address`,
  );
  return r.rows.map((row) => {
    const score = reputationScore(row, row.blacklists.length);
    return {
      ip_address: row.ip_address,
      provider: row.provider,
      blacklists: row.blacklists,
      daily_volume: row.daily_volume,
      dnsbl_checked_at: row.dnsbl_checked_at,
      attempted: row.attempted,
      bounced: row.bounced,
      complaints: row.complaints,
      deferred: row.deferred,
      reputation_score: score,
      status: reputationStatus(score, row.blacklists.length),
    };
  });
}

/**
 * Stores one DNSBL round for an IP: `listed` zones (by name) replace the old
 * list, except that zones whose lookup failed (`unknown`) keep their last state.
 */
export async function saveDnsblResult(
  pool: pg.Pool,
  ip: string,
  listed: string[],
  unknown: string[],
  error: string | null,
): Promise<void> {
  await pool.query(
    `UPDATE sending_ips SET
       blacklists = ARRAY(SELECT DISTINCT z FROM unnest($2::text[] || ARRAY(
                      SELECT x FROM unnest(blacklists) x WHERE x = ANY($3::text[]))) z ORDER BY z),
       dnsbl_checked_at = now(), dnsbl_error = $4, updated_at = now()
     WHERE ip_address = $1`,
    [ip, listed, unknown, error],
  );
}

export interface FeedbackInput {
  kind: "bounce" | "complaint";
  messageId: string | null;
  sendingIp: string | null;
  detail: string | null;
  occurredAt: Date;
}

/**
 * Records provider feedback. The message (by Message-ID) supplies the sending
 * IP when the report lacks it; a bounce marks a sent message 'bounced'. A
 * complaint or bounce about a known message puts its recipient on the
 * suppression list. Idempotent per (kind, message id).
 */
export async function recordFeedback(
  pool: pg.Pool,
  f: FeedbackInput,
): Promise<{ recorded: boolean; messageFound: boolean; sendingIp: string | null }> {
  let sendingIp = f.sendingIp;
  let messageFound = false;
  let recipient: string | null = null;
  if (f.messageId) {
    const m = await pool.query<{ sending_ip: string | null; recipient: string }>(
      `SELECT sending_ip, recipient FROM email_messages WHERE message_id = $1`,
      [f.messageId],
    );
    if (m.rows[0]) {
      messageFound = true;
      sendingIp ??= m.rows[0].sending_ip;
      recipient = m.rows[0].recipient;
    }
  }
  const ins = await pool.query(
    `INSERT INTO email_feedback (kind, message_id, sending_ip, detail, occurred_at) VALUES ($1, $2, $3, left($4, 2000), $5)
     ON CONFLICT (kind, message_id) DO NOTHING`,
    [f.kind, f.messageId, sendingIp, f.detail, f.occurredAt],
  );
  if (f.kind === "bounce" && messageFound) {
    await pool.query(
      `UPDATE email_messages SET status = 'bounced', smtp_response = coalesce(left($2, 2000), smtp_response), updated_at = now()
       WHERE message_id = $1 AND status IN ('sent', 'unconfirmed')`,
      [f.messageId, f.detail ? `feedback: ${f.detail}` : null],
    );
  }
  if (recipient !== null) {
    await addSuppressions(pool, [
      {
        address: recipient,
        reason: f.kind === "complaint" ? "complaint" : "hard_bounce",
        source: "feedback",
        detail: f.detail,
      },
    ]);
  }
  return { recorded: (ins.rowCount ?? 0) === 1, messageFound, sendingIp };
}
