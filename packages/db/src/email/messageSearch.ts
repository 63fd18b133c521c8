// Reading email_messages for the API: search (by recipient, campaign, status,
// Message-ID and time, newest first, keyset-paged on the row id) and one
// message with the provider feedback received about it.
import type pg from "pg";

export interface MessageRow {
  id: string;
  queue: string;
  job_id: string;
  campaign_id: string;
  recipient: string;
  message_id: string;
  status: string;
  attempts: number;
  integration_id: string | null;
  sending_ip: string | null;
  smtp_code: number | null;
  smtp_response: string | null;
  claimed_by: string | null;
  lease_until: Date | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

export interface MessageQuery {
  recipient?: string | undefined;
  campaignId?: string | undefined;
  status?: string | undefined;
  messageId?: string | undefined;
  /** created_at ≥ since. */
  since?: Date | undefined;
  /** created_at < until. */
  until?: Date | undefined;
  /** Rows with a smaller id than this (the previous page's last). */
  beforeId?: string | undefined;
  limit: number;
}

// `id` comes out as text (a bigint does not fit a JS number); ORDER BY names the table's column, or it
// would sort by that text.
const COLUMNS = `id::text, queue, job_id, campaign_id, recipient, message_id, status, attempts, integration_id,
  sending_ip, smtp_code, smtp_response, claimed_by, lease_until, created_at, updated_at, sent_at`;

/** Newest first; up to `limit + 1` rows (the extra one says there is another page). */
export async function searchMessages(pool: pg.Pool, q: MessageQuery): Promise<MessageRow[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (col: string, op: string, v: unknown) => {
    values.push(v);
    where.push(`${col} ${op} $${values.length}`);
  };
  if (q.recipient !== undefined) add("recipient", "=", q.recipient);
  if (q.campaignId !== undefined) add("campaign_id", "=", q.campaignId);
  if (q.status !== undefined) add("status", "=", q.status);
  if (q.messageId !== undefined) add("message_id", "=", q.messageId);
  if (q.since !== undefined) add("created_at", ">=", q.since);
  if (q.until !== undefined) add("created_at", "<", q.until);
  if (q.beforeId !== undefined) add("id", "<", q.beforeId);
  values.push(q.limit + 1);
  const r = await pool.query<MessageRow>(
    `SELECT ${COLUMNS} FROM email_messages ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY email_messages.id DESC LIMIT $${values.length}`,
    values,
  );
  return r.rows;
}

export interface FeedbackRow {
  kind: string;
  detail: string | null;
  occurred_at: Date;
  created_at: Date;
}

/** One message by row id, with the feedback recorded for its Message-ID; null when unknown. */
export async function messageWithFeedback(
  pool: pg.Pool,
  id: string,
): Promise<{ message: MessageRow; feedback: FeedbackRow[] } | null> {
  const r = await pool.query<MessageRow>(`SELECT ${COLUMNS} FROM email_messages WHERE id = $1`, [id]);
  const message = r.rows[0];
  if (!message) return null;
  const f = await pool.query<FeedbackRow>(
    `SELECT kind, detail, occurred_at, created_at FROM email_feedback WHERE message_id = $1 ORDER BY occurred_at LIMIT 100`,
    [message.message_id],
  );
  return { message, feedback: f.rows };
}
