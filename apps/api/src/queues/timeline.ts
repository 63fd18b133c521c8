// GET …/queues/{queue_name}/jobs/{job_id}/timeline: one job's life in one
// list, from Postgres only (it outlives the job in Redis): its record, its
// lifecycle events, the log lines the worker wrote while running it, and the
// audit entries about it — those naming it, and the queue-wide bulk actions
// (retry, clean, promote, the board's empty and obliterate) recorded while it
// lived, which may have moved it (their entries do not list the ids they
// touched). Each source is read oldest first up to limit + 1, so the merged
// first `limit` items are exact and `truncated` says whether more exist.
import { auditTarget, type JobTimeline, NotFoundError } from "@opsdeck/core";
import { getJobHistory, jobLogLines, type JobRecordRow, listJobAuditEvents, type PrismaClient } from "@opsdeck/db";
import type { Queue } from "bullmq";
import type pg from "pg";

type Item = JobTimeline["items"][number];

/** Queue-wide actions that move or delete jobs without naming them (API and board). */
const BULK_ACTIONS = [
  "queue.retry",
  "queue.clean",
  "queue.promote",
  "board.queue.retry",
  "board.queue.clean",
  "board.queue.promote",
  "board.queue.empty",
  "board.queue.obliterate",
] as const;

/**
 * Slack past the record's last update in which a queue-wide action still counts, ms: a bulk action marks
 * the records it moves as it goes and is audited once it has finished.
 */
const BULK_AUDIT_SLACK_MS = 60_000;
/** Log lines are stamped by the worker's clock, the job's creation by Redis': allow this much skew, ms. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Order at one instant (a job that does little starts, logs and finishes within a millisecond): what the
 * record says happened first; an attempt's start before the lines it logged, and those before the
 * attempt's end (completed, failed, retry…); the audit entry, written last, last.
 */
function rankAtInstant(i: Item): number {
  if (i.kind === "record") return 0;
  if (i.kind === "event") return i.event === "active" ? 1 : 3;
  return i.kind === "log" ? 2 : 4;
}

const iso = (d: Date) => d.toISOString();

function recordItem(r: JobRecordRow): Item {
  return {
    at: iso(r.created_at),
    kind: "record",
    name: r.name,
    status: r.status,
    attempt: r.attempt,
    attempts_made: r.attempts_made,
    failed_reason: r.failed_reason,
    processed_at: r.processed_at ? iso(r.processed_at) : null,
    finished_at: r.finished_at ? iso(r.finished_at) : null,
    updated_at: iso(r.updated_at),
  };
}

/** Which sources the caller may read: log lines need logs.read, audit entries keys.admin (as GET …/audit). */
export interface TimelineSources {
  logs: boolean;
  audit: boolean;
}

export async function jobTimeline(
  db: { pool: pg.Pool; prisma: PrismaClient },
  queue: Queue,
  jobId: string,
  opts: { limit: number; sources: TimelineSources },
): Promise<JobTimeline> {
  const { limit, sources } = opts;
  const name = queue.name;
  const take = limit + 1;
  const { record, events } = await getJobHistory(db.pool, name, jobId);
  const [logs, audit] = await Promise.all([
    sources.logs
      ? jobLogLines(db.pool, {
          queue: name,
          jobId,
          from: record ? new Date(record.created_at.getTime() - CLOCK_SKEW_MS) : null,
          limit: take,
        })
      : [],
    sources.audit
      ? listJobAuditEvents(db.prisma, {
          jobTarget: auditTarget.job(name, jobId),
          queueWide: record
            ? {
                target: auditTarget.queue(name),
                actions: BULK_ACTIONS,
                from: record.created_at,
                to: new Date(record.updated_at.getTime() + BULK_AUDIT_SLACK_MS),
              }
            : undefined,
          limit: take,
        })
      : [],
  ]);
  // Nothing on record anywhere: a job Postgres never heard of, unless Redis still has it (its record not written yet).
  if (!record && events.length === 0 && logs.length === 0 && audit.length === 0 && !(await queue.getJob(jobId))) {
    throw new NotFoundError("job_not_found", `No job '${jobId}' in queue '${name}', in Redis or on record.`);
  }
  const items: Item[] = [];
  if (record) items.push(recordItem(record));
  for (const e of events.slice(0, take)) {
    items.push({ at: iso(e.at), kind: "event", attempt: e.attempt, event: e.event, detail: e.detail });
  }
  for (const l of logs) {
    items.push({
      at: iso(l.timestamp),
      kind: "log",
      id: `log_${l.id}`,
      level: l.level,
      service: l.service,
      message: l.message,
      metadata: l.metadata,
    });
  }
  for (const a of audit) {
    items.push({
      at: iso(a.timestamp),
      kind: "audit",
      id: a.id.toString(),
      action: a.action,
      actor: a.actor,
      target: a.target,
      outcome: a.outcome === "failure" ? "failure" : "success",
      error: a.error,
      scope: a.target.startsWith("job:") ? "job" : "queue",
    });
  }
  // Stable: within a kind, each source's own order (events by attempt, then time) is kept.
  items.sort((a, b) => a.at.localeCompare(b.at) || rankAtInstant(a) - rankAtInstant(b));
  const omitted = (["logs", "audit"] as const).filter((k) => !sources[k]);
  return { queue: name, job_id: jobId, items: items.slice(0, limit), truncated: items.length > limit, omitted };
}
