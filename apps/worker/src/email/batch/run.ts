// One email batch job's state, shared by its steps (claims.ts, lane.ts,
// round.ts, rounds.ts, finish.ts): who the recipients are, the claim token and
// lease, each recipient's status as this run knows it, and why sending
// stopped early, if it did.
import { randomUUID } from "node:crypto";

import type { EmailBatchPayload, EmailSettings, Logger } from "@opsdeck/core";
import { FINAL_STATUSES, type JobRef, type MessageStatus } from "@opsdeck/db";
import type { Job } from "bullmq";
import type pg from "pg";

import type { EmailSending } from "../emailSending";
import type { IntegrationRouter } from "../integrations";
import type { SendWriters } from "../sendWriters";
import { fromDomain, messageIdFor, parsedAddress, uniqueRecipients } from "../template";

/** Progress is written to Redis at most this often, ms. */
const PROGRESS_EVERY_MS = 500;

export type Recipient = EmailBatchPayload["recipients"][number];

export interface BatchDeps {
  /** The runtime's email sending resources (router, the send path's pool and its group commits). */
  sending: EmailSending;
  log: Logger;
  /** Aborted at shutdown once the job has been handed back: stop taking messages, release the claims held. */
  signal?: AbortSignal;
  /**
   * Gives the job's worker slot back until `at` (ms since the epoch): moves the job to delayed and
   * throws BullMQ's DelayedError. Absent when the job has no lock token (called outside a worker): the
   * run then waits for other processes' claims in place.
   */
  yieldUntil?: (at: number) => Promise<never>;
}

export interface BatchRun {
  readonly job: Job;
  readonly payload: EmailBatchPayload;
  readonly ref: JobRef;
  /** Deduplicated, in payload order. */
  readonly recipients: Recipient[];
  readonly byEmail: ReadonlyMap<string, Recipient>;
  /** The sender's domain, for Message-IDs. */
  readonly domain: string;
  /** The From header's value, parsed once for every message of the batch. */
  readonly sender: ReturnType<typeof parsedAddress>;
  /** This run's claim token. */
  readonly token: string;
  /** How long a claim holds, ms (EMAIL_CLAIM_LEASE_MS). */
  readonly leaseMs: number;
  /** The send path's pool. */
  readonly pool: pg.Pool;
  readonly router: IntegrationRouter;
  readonly writers: SendWriters;
  readonly settings: EmailSettings;
  readonly log: Logger;
  readonly signal: AbortSignal | undefined;
  readonly yieldUntil: ((at: number) => Promise<never>) | undefined;
  /** This process's heartbeat id, written on each claim. */
  readonly workerId: string | null;
  /** A claiming process silent this long is dead: its claims are released, ms. */
  readonly deadAfterMs: number;
  /**
   * Each recipient's status as this run knows it: read at the start of every round, then kept up to date
   * with what this run claims and records. Progress is counted from it rather than from Postgres (a count
   * statement per job every PROGRESS_EVERY_MS); the job's final counts still come from Postgres.
   */
  readonly statusOf: Map<string, MessageStatus>;
  /** Set when no integration could take a message: the job stops and retries later. */
  unavailable: string | null;
  /**
   * Outcome writes in flight (awaited before a round ends). Each leaves the set once settled: kept until the
   * round's end, a thousand settled writes (their promises, closures and rows) outlive the young generation
   * and are copied into the old one, for the collector to mark and sweep later.
   */
  readonly recording: Set<Promise<void>>;
  /** The first outcome write that failed (Postgres down: the job retries); null while none has. */
  recordError: unknown;
  /** When progress was last written, ms since the epoch. */
  progressAt: number;
}

export function createBatchRun(job: Job, payload: EmailBatchPayload, deps: BatchDeps): BatchRun {
  const recipients = uniqueRecipients(payload.recipients);
  const { sending } = deps;
  return {
    job,
    payload,
    ref: {
      queue: job.queueName,
      jobId: String(job.id),
      jobCreatedAt: new Date(job.timestamp),
      campaignId: payload.campaign_id,
    },
    recipients,
    byEmail: new Map(recipients.map((r) => [r.email, r])),
    domain: fromDomain(payload.from),
    sender: parsedAddress(payload.from),
    token: randomUUID(),
    leaseMs: sending.settings.EMAIL_CLAIM_LEASE_MS,
    pool: sending.writes,
    router: sending.router,
    writers: sending.writers,
    settings: sending.settings,
    log: deps.log,
    signal: deps.signal,
    yieldUntil: deps.yieldUntil,
    workerId: sending.workerId,
    deadAfterMs: sending.deadAfterMs,
    statusOf: new Map(),
    unavailable: null,
    recording: new Set(),
    recordError: null,
    progressAt: 0,
  };
}

/** The deterministic Message-ID of `email`'s message in this job. */
export function messageIdOf(run: BatchRun, email: string): string {
  const { ref, job } = run;
  return messageIdFor({ queue: ref.queue, jobId: ref.jobId, createdAt: job.timestamp }, email, run.domain);
}

/** True once this run must take no more messages: no integration, a failed outcome write, or shutdown. */
export function stopped(run: BatchRun): boolean {
  return run.unavailable !== null || run.recordError !== null || run.signal?.aborted === true;
}

/** Why claims are given back unsent (stored as their reason). */
export function stopReason(run: BatchRun): string {
  if (run.unavailable !== null) return `not sent: ${run.unavailable}`;
  if (run.signal?.aborted) return "not sent: worker shutting down";
  return run.recordError ? "not sent: outcomes could not be recorded" : "not sent: stopped";
}

/** Writes `counts` (messages per status) as the job's progress. */
export async function reportCounts(run: BatchRun, counts: Record<string, number>): Promise<void> {
  const total = run.recipients.length;
  const done = FINAL_STATUSES.reduce((n, st) => n + (counts[st] ?? 0), 0);
  await run.job.updateProgress({ percent: Math.floor((100 * done) / total), total, ...counts });
}

/** Reports progress from `statusOf`, at most every PROGRESS_EVERY_MS. */
export async function reportProgress(run: BatchRun): Promise<void> {
  if (Date.now() - run.progressAt < PROGRESS_EVERY_MS) return;
  run.progressAt = Date.now();
  const counts: Record<string, number> = {};
  for (const st of run.statusOf.values()) counts[st] = (counts[st] ?? 0) + 1;
  await reportCounts(run, counts);
}
