// One email batch job (SPEC §9): every recipient's message is claimed in
// Postgres, sent through the router and recorded; progress goes to the job.
// A retry or a second run of the same job skips what is final (sent, bounced,
// unconfirmed) and resumes with the rest. Recipients claimed by a live worker
// are waited for (their lease) and then taken over or found finished.
//
// Outcome of the job: completes when every message is final; throws (BullMQ
// retries with backoff) while messages are deferred or no integration could
// take them; on the last attempt deferred messages become 'failed' first.
import { randomUUID } from "node:crypto";

import type { EmailBatchPayload, Logger } from "@opsdeck/core";
import {
  claimMessages,
  failDeferred,
  FINAL_STATUSES,
  jobMessageCounts,
  type JobRef,
  messageStates,
  type MessageStatus,
  releaseClaims,
  resolveLapsedCommits,
} from "@opsdeck/db";
import type { Job } from "bullmq";

import type { EmailSending } from "./emailSending";
import { sendOne } from "./sendOne";
import { fromDomain, messageIdFor, renderFor, uniqueRecipients } from "./template";

/** Progress is written to Redis at most this often, ms. */
const PROGRESS_EVERY_MS = 500;
/** Most recipients claimed in one statement. */
const CLAIM_CHUNK_MAX = 100;

export class RetryableBatchError extends Error {}

export interface BatchDeps {
  /** The runtime's email sending resources (router, the send path's pool and its group commits). */
  sending: EmailSending;
  log: Logger;
  /** Aborted at shutdown once the job has been handed back: stop taking messages, release the claims held. */
  signal?: AbortSignal;
}

type Recipient = EmailBatchPayload["recipients"][number];

export async function sendBatch(job: Job, p: EmailBatchPayload, deps: BatchDeps): Promise<Record<string, number>> {
  const { log } = deps;
  const { writes: pool, router, settings, writers: write } = deps.sending;
  const ref: JobRef = {
    queue: job.queueName,
    jobId: String(job.id),
    jobCreatedAt: new Date(job.timestamp),
    campaignId: p.campaign_id,
  };
  const domain = fromDomain(p.from);
  const idOf = (email: string) =>
    messageIdFor({ queue: ref.queue, jobId: ref.jobId, createdAt: job.timestamp }, email, domain);
  const recipients = uniqueRecipients(p.recipients);
  const byEmail = new Map(recipients.map((r) => [r.email, r]));
  const token = randomUUID();
  const lease = settings.EMAIL_CLAIM_LEASE_MS;

  const unconfirmed = await resolveLapsedCommits(pool, ref);
  if (unconfirmed > 0)
    log.warn("messages left committing by a stopped worker marked unconfirmed", { count: unconfirmed });

  // Each recipient's status as this run knows it: read at the start of every round, then kept up to date
  // with what this run claims and records. Progress is counted from it rather than from Postgres (a count
  // statement per job every PROGRESS_EVERY_MS); the job's final counts still come from Postgres.
  const statusOf = new Map<string, MessageStatus>();
  const report = async (counts: Record<string, number>) => {
    const done = FINAL_STATUSES.reduce((n, st) => n + (counts[st] ?? 0), 0);
    await job.updateProgress({
      percent: Math.floor((100 * done) / recipients.length),
      total: recipients.length,
      ...counts,
    });
  };
  let lastProgress = 0;
  const progress = async () => {
    if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = Date.now();
    const counts: Record<string, number> = {};
    for (const st of statusOf.values()) counts[st] = (counts[st] ?? 0) + 1;
    await report(counts);
  };

  let unavailable: string | null = null;
  /** Outcome writes in flight, and the first that failed (Postgres down: the job retries). */
  const recording: Promise<void>[] = [];
  let recordError: unknown = null;
  /** Sends `todo`; returns the recipients it could not claim (another worker holds them, or they are final). */
  const sendAll = async (todo: Recipient[]): Promise<Recipient[]> => {
    const claimed: { id: string; recipient: string; message_id: string }[] = [];
    const skipped: Recipient[] = [];
    let next = 0;
    let claiming: Promise<void> | null = null;
    // Claims per statement: a few rounds of the lanes' work, so claiming costs a fraction of a statement per
    // message; bounded, since a crashed worker's unsent claims wait out their lease before another takes them.
    const chunk = Math.min(CLAIM_CHUNK_MAX, Math.max(1, settings.EMAIL_SEND_CONCURRENCY * 5));
    // Claims the next chunk in one statement when the local buffer runs dry (one claim in flight at a time).
    const take = async () => {
      while (
        claimed.length === 0 &&
        next < todo.length &&
        unavailable === null &&
        recordError === null &&
        !deps.signal?.aborted
      ) {
        claiming ??= (async () => {
          const part = todo.slice(next, next + chunk);
          next += part.length;
          const emails = part.map((r) => r.email);
          const got = await claimMessages(pool, ref, emails, emails.map(idOf), token, lease);
          const mine = new Set(got.map((m) => m.recipient));
          for (const m of got) statusOf.set(m.recipient, "sending");
          skipped.push(...part.filter((r) => !mine.has(r.email)));
          claimed.push(...got);
        })().finally(() => (claiming = null));
        await claiming;
      }
      return unavailable === null && recordError === null && !deps.signal?.aborted ? claimed.shift() : undefined;
    };
    const lane = async () => {
      for (let m = await take(); m; m = await take()) {
        const r = byEmail.get(m.recipient);
        if (!r) continue;
        const rendered = renderFor(p, r);
        const result = await sendOne(router, { from: p.from, to: r.email, messageId: m.message_id, ...rendered }, () =>
          write.commit({ id: m.id, token, leaseMs: lease }),
        );
        if (result.kind === "unavailable") {
          unavailable = result.response;
          statusOf.set(m.recipient, "deferred");
          await releaseClaims(pool, [m.id], token, `not sent: ${result.response}`);
        } else if (result.kind === "done") {
          statusOf.set(m.recipient, result.outcome.status);
          // Not awaited here (the lane moves on; see sendWriters.ts); all are awaited before the batch ends.
          // Until it lands the row stays 'committing', which a crash turns into 'unconfirmed': never sent
          // twice either way.
          recording.push(
            write.outcome.later({ id: m.id, token, outcome: result.outcome }).then(
              (ok) => {
                if (!ok) log.warn("message outcome not recorded: claim lost", { row: m.id });
              },
              (err: unknown) => {
                recordError ??= err;
              },
            ),
          );
        }
        await progress();
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.EMAIL_SEND_CONCURRENCY, todo.length) }, lane));
    await Promise.all(recording.splice(0));
    // Claimed but never started (the job stopped early): give them back.
    if (claimed.length)
      await releaseClaims(
        pool,
        claimed.splice(0).map((m) => m.id),
        token,
        `not sent: ${unavailable ?? (deps.signal?.aborted ? "worker shutting down" : recordError ? "outcomes could not be recorded" : "stopped")}`,
      );
    if (recordError) throw recordError;
    return skipped;
  };

  // Round 0 sends everything not final (deferred and failed ones again, on a retry). Recipients
  // under another worker's live claim (seen before sending, or lost to it at claim time) are
  // rechecked until they are final or their claim lapses and they are taken over; a claim lives
  // at most two leases (sending, then committing), which bounds the wait.
  let candidates = recipients;
  const deadline = Date.now() + 2 * lease + 1_000;
  for (let round = 0; ; round++) {
    const states = new Map((await messageStates(pool, ref)).map((s) => [s.recipient, s]));
    statusOf.clear();
    for (const st of states.values()) statusOf.set(st.recipient, st.status);
    const now = Date.now();
    const todo = candidates.filter((r) => {
      const st = states.get(r.email);
      return !st || !FINAL_STATUSES.includes(st.status);
    });
    const live = (r: Recipient) => {
      const st = states.get(r.email);
      return (st?.status === "sending" || st?.status === "committing") && (st.lease_until?.getTime() ?? 0) > now;
    };
    const held = todo.filter(live);
    const free = todo.filter((r) => !live(r));
    const skipped = free.length ? await sendAll(free) : [];
    // Handed back at shutdown: the claims are released, so the next worker sends the rest at once.
    if (deps.signal?.aborted) throw new Error(`stopped: ${String(deps.signal.reason)}`);
    if (unavailable !== null) break;
    candidates = [...held, ...skipped];
    if (candidates.length === 0) break;
    if (Date.now() > deadline) {
      unavailable = `${candidates.length} recipients still claimed by another worker`;
      break;
    }
    const until = Math.min(...held.map((r) => states.get(r.email)?.lease_until?.getTime() ?? now), now + 1_000);
    await new Promise((res) =>
      setTimeout(res, Math.min(Math.max(until - Date.now(), 0) + 50, 100 * 2 ** Math.min(round, 4))),
    );
    await resolveLapsedCommits(pool, ref);
  }

  const counts = await jobMessageCounts(pool, ref);
  await report(counts);
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const pending = (counts.deferred ?? 0) + (counts.failed ?? 0) + (counts.sending ?? 0) + (counts.committing ?? 0);
  if (unavailable !== null || pending > 0) {
    if (lastAttempt) await failDeferred(pool, ref);
    throw new RetryableBatchError(
      unavailable !== null
        ? `no SMTP integration could take the messages (${unavailable}); ${pending} pending`
        : `${pending} of ${recipients.length} messages deferred or pending; retrying`,
    );
  }
  return { total: recipients.length, ...counts };
}
