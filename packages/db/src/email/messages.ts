// Per-message records of email batch jobs and the claim protocol that keeps a
// message from being sent twice. One row per (queue, job id, job
// creation time, recipient); the creation time keeps a reused BullMQ id (after
// an obliterate) from matching an older job's rows.
//
// Row life: a worker claims a row ('sending', its claim token, a lease); once
// the server has taken the envelope, and before the end of data goes out, a
// mark moves it to 'committing' with that token; the SMTP reply then makes it
// sent / bounced / deferred. A transaction that fails after its mark but
// before its end leaves the row 'committing' under the same token: that run
// may mark it again on another integration, or give it back. Only a row whose
// SMTP transaction never reached the end of data can be claimed again
// ('sending' with a lapsed lease, 'deferred', 'failed').
// A lapsed 'committing' row is 'unconfirmed': the server may have accepted it,
// so it is never re-sent (at-most-once for that window). A suppressed
// recipient gets a final 'suppressed' row and no SMTP traffic. A claim names
// the worker process holding it (`claimed_by`, its heartbeat id), so the
// claims of a process whose heartbeat stopped are released before their lease
// lapses (releaseDeadClaims).
import type pg from "pg";

import { suppressionKeySql } from "./suppressions";

export interface JobRef {
  queue: string;
  jobId: string;
  /** BullMQ job.timestamp (creation), ms. */
  jobCreatedAt: Date;
  campaignId: string;
}

export type MessageStatus =
  "sending" | "committing" | "sent" | "deferred" | "bounced" | "failed" | "unconfirmed" | "suppressed";
export const FINAL_STATUSES: readonly MessageStatus[] = ["sent", "bounced", "unconfirmed", "suppressed"];

export interface ClaimedMessage {
  id: string;
  recipient: string;
  message_id: string;
  attempts: number;
}

export interface MessageState {
  recipient: string;
  status: MessageStatus;
  lease_until: Date | null;
}

const leaseExpr = (param: string) => `now() + make_interval(secs => ${param}::double precision / 1000)`;

/** Every row of the job: recipient, status, lease. */
export async function messageStates(pool: pg.Pool, job: JobRef): Promise<MessageState[]> {
  const r = await pool.query<MessageState>(
    `SELECT recipient, status, lease_until FROM email_messages
     WHERE queue = $1 AND job_id = $2 AND job_created_at = $3`,
    [job.queue, job.jobId, job.jobCreatedAt],
  );
  return r.rows;
}

/** Lapsed 'committing' rows of the job become 'unconfirmed' (never re-sent). Returns how many. */
export async function resolveLapsedCommits(pool: pg.Pool, job: JobRef): Promise<number> {
  const r = await pool.query(
    `UPDATE email_messages SET status = 'unconfirmed', lease_until = NULL, updated_at = now(),
       smtp_response = 'outcome unknown: the sending worker stopped after the end of data was sent; not re-sent to avoid a duplicate'
     WHERE queue = $1 AND job_id = $2 AND job_created_at = $3 AND status = 'committing' AND lease_until < now()`,
    [job.queue, job.jobId, job.jobCreatedAt],
  );
  return r.rowCount ?? 0;
}

/**
 * Claims the given recipients for `token` in one statement: new rows, and rows
 * that may be sent again. Rows held by a live claim or already final are not
 * returned. `messageIds[i]` is recipient i's deterministic Message-ID.
 */
export async function claimMessages(
  pool: pg.Pool,
  job: JobRef,
  recipients: string[],
  messageIds: string[],
  token: string,
  leaseMs: number,
  /** The claiming process's heartbeat id; null when it has none (then only the lease frees the claim). */
  claimedBy: string | null = null,
): Promise<ClaimedMessage[]> {
  const r = await pool.query<ClaimedMessage>({
    name: "email_claim_messages",
    text: `INSERT INTO email_messages (queue, job_id, job_created_at, recipient, campaign_id, message_id, status,
                                 claim_token, lease_until, claimed_by)
     SELECT $1, $2, $3, t.r, $4, t.m, 'sending', $5::uuid, ${leaseExpr("$6")}, $9
     FROM unnest($7::text[], $8::text[]) AS t(r, m)
     ON CONFLICT (queue, job_id, job_created_at, recipient) DO UPDATE
       SET status = 'sending', claim_token = EXCLUDED.claim_token, lease_until = EXCLUDED.lease_until,
           claimed_by = EXCLUDED.claimed_by, attempts = email_messages.attempts + 1, updated_at = now()
       WHERE email_messages.status IN ('deferred', 'failed')
          OR (email_messages.status = 'sending' AND email_messages.lease_until < now())
     RETURNING id::text, recipient, message_id, attempts`,
    values: [job.queue, job.jobId, job.jobCreatedAt, job.campaignId, token, leaseMs, recipients, messageIds, claimedBy],
  });
  return r.rows;
}

/**
 * Records suppressed recipients of the job as final 'suppressed' rows (no SMTP traffic): new rows, and
 * rows that could be claimed again. Returns how many rows it wrote.
 */
export async function recordSuppressed(
  pool: pg.Pool,
  job: JobRef,
  recipients: string[],
  messageIds: string[],
): Promise<number> {
  if (recipients.length === 0) return 0;
  const r = await pool.query(
    `INSERT INTO email_messages (queue, job_id, job_created_at, recipient, campaign_id, message_id, status,
                                 smtp_response)
     SELECT $1, $2, $3, t.r, $4, t.m, 'suppressed', 'not sent: the address is on the suppression list'
     FROM unnest($5::text[], $6::text[]) AS t(r, m)
     ON CONFLICT (queue, job_id, job_created_at, recipient) DO UPDATE
       SET status = 'suppressed', smtp_response = EXCLUDED.smtp_response, claim_token = NULL, lease_until = NULL,
           updated_at = now()
       WHERE email_messages.status IN ('deferred', 'failed')
          OR (email_messages.status = 'sending' AND email_messages.lease_until < now())`,
    [job.queue, job.jobId, job.jobCreatedAt, job.campaignId, recipients, messageIds],
  );
  return r.rowCount ?? 0;
}

/**
 * Frees the job's claims held by worker processes known to be dead: their heartbeat row says they
 * stopped, or was last written more than `deadAfterMs` ago. A 'sending' claim goes back to 'deferred'
 * (its end of data was never released: safe to send again), a 'committing' one becomes 'unconfirmed'
 * (never re-sent). Fenced like a lapsed lease: the old claim's token no longer matches a 'sending' row,
 * so if that process was alive after all, its next end-of-data mark fails and it abandons the message.
 */
export async function releaseDeadClaims(
  pool: pg.Pool,
  job: JobRef,
  deadAfterMs: number,
): Promise<{ released: number; unconfirmed: number }> {
  const r = await pool.query<{ released: number; unconfirmed: number }>(
    `WITH dead AS (
       SELECT DISTINCT m.claimed_by FROM email_messages m JOIN worker_heartbeats h ON h.id = m.claimed_by
       WHERE m.queue = $1 AND m.job_id = $2 AND m.job_created_at = $3 AND m.status IN ('sending', 'committing')
         AND m.lease_until > now()
         AND (h.stopped_at IS NOT NULL OR h.last_seen_at < now() - make_interval(secs => $4::double precision / 1000))
     ), u AS (
       UPDATE email_messages m SET
         status = CASE m.status WHEN 'sending' THEN 'deferred' ELSE 'unconfirmed' END,
         smtp_response = CASE m.status WHEN 'sending' THEN 'not sent: the claiming worker stopped'
           ELSE 'outcome unknown: the sending worker stopped after the end of data was sent; not re-sent to avoid a duplicate' END,
         lease_until = NULL, updated_at = now()
       FROM dead
       WHERE m.claimed_by = dead.claimed_by AND m.queue = $1 AND m.job_id = $2 AND m.job_created_at = $3
         AND m.status IN ('sending', 'committing')
       RETURNING m.status
     )
     SELECT count(*) FILTER (WHERE status = 'deferred')::int AS released,
            count(*) FILTER (WHERE status = 'unconfirmed')::int AS unconfirmed FROM u`,
    [job.queue, job.jobId, job.jobCreatedAt, deadAfterMs],
  );
  return r.rows[0] ?? { released: 0, unconfirmed: 0 };
}

/**
 * When the job's claims held elsewhere may be free: the earliest of each live claim's lease end and,
 * for a holder with a heartbeat, the moment it would count as dead (last beat + `deadAfterMs`). Null
 * when no claim of the job is held.
 */
export async function heldClaimsFreeAt(pool: pg.Pool, job: JobRef, deadAfterMs: number): Promise<Date | null> {
  const r = await pool.query<{ at: Date | null }>(
    `SELECT min(least(m.lease_until,
              coalesce(h.last_seen_at + make_interval(secs => $4::double precision / 1000), m.lease_until))) AS at
     FROM email_messages m LEFT JOIN worker_heartbeats h ON h.id = m.claimed_by
     WHERE m.queue = $1 AND m.job_id = $2 AND m.job_created_at = $3 AND m.status IN ('sending', 'committing')
       AND m.lease_until > now()`,
    [job.queue, job.jobId, job.jobCreatedAt, deadAfterMs],
  );
  return r.rows[0]?.at ?? null;
}

export interface MessageOutcome {
  status: "sent" | "deferred" | "bounced" | "failed" | "unconfirmed";
  smtpCode: number | null;
  smtpResponse: string | null;
  integrationId: string | null;
  sendingIp: string | null;
}

/**
 * Gives back claims of `token` whose end of data was never released (the job stops early, or no integration
 * could take the message): they become 'deferred'. The caller knows the end never went out; a row may be
 * 'committing' when a transaction failed between its mark and its end.
 */
export async function releaseClaims(pool: pg.Pool, ids: string[], token: string, reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await pool.query(
    `UPDATE email_messages SET status = 'deferred', lease_until = NULL, smtp_response = $3, updated_at = now()
     WHERE id = ANY($1::bigint[]) AND claim_token = $2::uuid AND status IN ('sending', 'committing')`,
    [ids, token, reason],
  );
  return r.rowCount ?? 0;
}

/** On a job's last attempt: its deferred messages are given up as 'failed'. */
export async function failDeferred(pool: pg.Pool, job: JobRef): Promise<number> {
  const r = await pool.query(
    `UPDATE email_messages SET status = 'failed', updated_at = now()
     WHERE queue = $1 AND job_id = $2 AND job_created_at = $3 AND status = 'deferred'`,
    [job.queue, job.jobId, job.jobCreatedAt],
  );
  return r.rowCount ?? 0;
}

/** Message counts of a job by status. */
export async function jobMessageCounts(pool: pg.Pool, job: JobRef): Promise<Record<string, number>> {
  const r = await pool.query<{ status: string; n: number }>({
    name: "email_job_message_counts",
    text: `SELECT status, count(*)::int AS n FROM email_messages
     WHERE queue = $1 AND job_id = $2 AND job_created_at = $3 GROUP BY status`,
    values: [job.queue, job.jobId, job.jobCreatedAt],
  });
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
}

export interface CommitMark {
  id: string;
  token: string;
}

export interface OutcomeMark {
  id: string;
  token: string;
  outcome: MessageOutcome;
}

// Both batch statements take arrays (unnest: a custom plan sees their real length and joins by the primary
// key; jsonb_to_recordset is costed at 100 rows and got a seq scan). Named (prepared): they run about once
// per message, so Postgres skips parsing them (the send path's sessions still plan them per call, see
// emailRuntime.ts).
const idSet = (list: string | null | undefined) => new Set(list ? list.split(",") : []);

/**
 * The end-of-data marks of many messages in one statement: one round trip and
 * one commit for every SMTP transaction waiting at its gate. Called before the
 * final "." of DATA is released; only ids whose claim `token` still held are
 * returned (now 'committing'); a missing one was taken over by another worker,
 * and its transaction must be abandoned. A row already 'committing' under the
 * same token is one whose earlier transaction failed before its end: it is
 * marked again (failover).
 */
export async function markCommittingBatch(pool: pg.Pool, marks: CommitMark[], leaseMs: number): Promise<Set<string>> {
  if (marks.length === 1) {
    // The common case (the marks of concurrent transactions rarely meet): a primary-key UPDATE, cheaper to
    // plan and run than the join with unnest. Its row count says whether the claim held: without RETURNING,
    // no row description and row come back to be parsed (about 10 µs of client CPU a message).
    const [m] = marks as [CommitMark];
    const one = await pool.query({
      name: "email_mark_committing_one",
      text: `UPDATE email_messages SET status = 'committing', lease_until = ${leaseExpr("$3")}
         WHERE id = $1 AND claim_token = $2::uuid AND status IN ('sending', 'committing')`,
      values: [m.id, m.token, leaseMs],
    });
    return new Set(one.rowCount === 1 ? [m.id] : []);
  }
  // A plain UPDATE ... RETURNING (a row per id): these batches are a few marks, and wrapping them to return
  // one row cost more to plan than the rows cost to send; every message's SMTP transaction waits on it.
  const r = await pool.query<{ id: string }>({
    name: "email_mark_committing",
    // updated_at is left alone: it is indexed, and an update that changes no indexed column can be HOT (see
    // migration 20261129210000). The outcome, which follows within moments, sets it.
    text: `UPDATE email_messages m SET status = 'committing', lease_until = ${leaseExpr("$3")}
       FROM unnest($1::bigint[], $2::uuid[]) AS t(id, tok)
       WHERE m.id = t.id AND m.claim_token = t.tok AND m.status IN ('sending', 'committing')
       RETURNING m.id::text AS id`,
    values: [marks.map((m) => m.id), marks.map((m) => m.token), leaseMs],
  });
  return new Set(r.rows.map((x) => x.id));
}

/**
 * The outcomes of many messages in one statement (a late confirmation also
 * upgrades an 'unconfirmed' row its token committed), with the ids it changed returned as one
 * comma-separated list (one row, not a row per id: outcome batches are large). Returns the
 * ids recorded; a missing one lost its claim. No outcome is written before its
 * row's end-of-data mark returned, so a row is never in both kinds of batch.
 */
export async function recordOutcomes(pool: pg.Pool, outcomes: OutcomeMark[]): Promise<Set<string>> {
  const col = <T>(f: (o: OutcomeMark) => T) => outcomes.map(f);
  const r = await pool.query<{ ids: string | null }>({
    name: "email_record_outcomes",
    text: `WITH o AS (
       UPDATE email_messages m SET status = t.status, smtp_code = t.code, smtp_response = left(t.resp, 2000),
         integration_id = t.integ, sending_ip = t.ip, lease_until = NULL, updated_at = now(),
         sent_at = CASE WHEN t.status = 'sent' THEN now() ELSE m.sent_at END
       FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
         AS t(id, tok, status, code, resp, integ, ip)
       WHERE m.id = t.id AND m.claim_token = t.tok AND m.status IN ('sending', 'committing', 'unconfirmed')
       RETURNING m.id, m.recipient, m.status, m.smtp_code, m.smtp_response
     ), hard AS (
       -- A hard bounce (a 5xx reply) puts the address on the suppression list, in the same statement.
       INSERT INTO email_suppressions (address_key, address, reason, source, detail)
       SELECT DISTINCT ON (k) k, recipient, 'hard_bounce', 'send', left(smtp_response, 500)
       FROM (SELECT ${suppressionKeySql("recipient")} AS k, recipient, smtp_response FROM o
             WHERE status = 'bounced' AND smtp_code >= 500) b
       ON CONFLICT (address_key) DO UPDATE SET reason = 'hard_bounce', source = 'send', detail = EXCLUDED.detail,
         expires_at = NULL, created_at = now()
     )
     SELECT string_agg(id::text, ',') AS ids FROM o`,
    values: [
      col((i) => i.id),
      col((i) => i.token),
      col((i) => i.outcome.status),
      col((i) => i.outcome.smtpCode),
      // A server's reply may hold NUL, which Postgres text refuses: one such reply must not fail the batch.
      col((i) => i.outcome.smtpResponse?.replaceAll("\u0000", "") ?? null),
      col((i) => i.outcome.integrationId),
      col((i) => i.outcome.sendingIp),
    ],
  });
  return idSet(r.rows[0]?.ids);
}
