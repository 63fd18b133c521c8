// Queues: list with status, one queue's detail, a page of its jobs, and the
// queue-wide mutations (pause, resume, bulk retry, clean, promote). Reads
// need queues.read, mutations queues.write; every mutation is audited,
// failures included.
import {
  auditTarget,
  BulkRetryBody,
  BulkRetryResult,
  CleanBody,
  CleanResult,
  JobTimeline,
  JobTimelineParams,
  JobTimelineQuery,
  PromoteBody,
  PromoteResult,
  QueueDetail,
  QueueJobs,
  QueueJobsQuery,
  QueueList,
  QueueNameParams,
  QueuePauseResult,
} from "@opsdeck/core";

import type { AppDeps } from "../deps";
import { defineRoute, type RouteAudit } from "../http/route";
import {
  type BulkCtx,
  cleanState,
  countCleanable,
  countDelayed,
  countFinished,
  promoteDelayed,
  retryFinished,
} from "../queues/bulk";
import { queueDetail } from "../queues/detail";
import { listJobs } from "../queues/jobList";
import { type QueueAccess, withQueue } from "../queues/providers";
import { queueSummary } from "../queues/summary";
import { jobTimeline } from "../queues/timeline";

const BASE = "/api/v1/platform/system/queues";
const TAGS = ["queues"];
const READ = { permission: "queues.read" } as const;
const WRITE = { permission: "queues.write" } as const;

const namedQueue: RouteAudit["target"] = ({ params }) => auditTarget.queue(params.queue_name ?? "");

function pauseRoute(action: "pause" | "resume") {
  return defineRoute({
    method: "post",
    path: `${BASE}/{queue_name}/${action}`,
    operationId: action === "pause" ? "pauseQueue" : "resumeQueue",
    summary: action === "pause" ? "Pause a queue (emergency stop; active jobs finish)" : "Resume a paused queue",
    description: "Idempotent: pausing a paused queue (or resuming an active one) succeeds and changes nothing.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: QueueNameParams,
    errors: [404],
    audit: { action: `queue.${action}`, target: namedQueue },
    response: {
      schema: QueuePauseResult,
      description: "The queue's new state",
      example: {
        queue: "email-sending",
        status: action === "pause" ? "paused" : "active",
        timestamp: "2025-12-04T12:00:00Z",
      },
    },
    handler: (ctx) =>
      withQueue(ctx, async ({ queue }) => {
        if (action === "pause") await queue.pause();
        else await queue.resume();
        return {
          queue: queue.name,
          status: action === "pause" ? ("paused" as const) : ("active" as const),
          timestamp: new Date().toISOString(),
        };
      }),
  });
}

export const queueRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listQueues",
    summary: "Every catalog and discovered queue with counts and status",
    description:
      "Status: critical when waiting > 1000 or failed > 10, warning when waiting is 100–1000, else healthy " +
      "(QUEUE_* thresholds, per queue via QUEUE_STATUS_THRESHOLDS). All counts come from one pipelined Redis round trip.",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    response: { schema: QueueList, description: "Queues, catalog first" },
    async handler({ deps }) {
      const { names, counts, at } = await deps.queues.snapshot();
      return {
        queues: names.flatMap((n) => {
          const c = counts.get(n);
          return c ? [queueSummary(deps.config, n, c, at)] : [];
        }),
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{queue_name}`,
    operationId: "getQueue",
    summary: "One queue: counts per state, workers, limits, schedulers, last 60 minutes' throughput",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: QueueNameParams,
    errors: [404],
    response: { schema: QueueDetail, description: "The queue" },
    handler: (ctx) => withQueue(ctx, ({ queue, redis, prefix }) => queueDetail(ctx.deps.config, redis, queue, prefix)),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{queue_name}/jobs`,
    operationId: "listQueueJobs",
    summary: "A page of a queue's jobs in one state",
    description: "`stalled` lists active jobs whose lock has lapsed. Payloads over 8 KiB come back as a text preview.",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: QueueNameParams,
    query: QueueJobsQuery,
    errors: [404],
    response: { schema: QueueJobs, description: "Jobs, newest first and the pagination" },
    handler: (ctx) =>
      withQueue(ctx, ({ queue, redis, prefix }) =>
        listJobs(redis, prefix, queue, ctx.query.status, ctx.query.limit, ctx.query.offset),
      ),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{queue_name}/jobs/{job_id}/timeline`,
    operationId: "getJobTimeline",
    summary: "One job's life in one list: its record, events, the log lines written while it ran, audit entries",
    description:
      "From Postgres, so it outlives the job in Redis. Oldest first, at most `limit` items (`truncated` when more " +
      "exist). Audit entries are those naming the job and the queue-wide bulk actions (retry, clean, promote, the " +
      "board's empty and obliterate) recorded while it lived (`scope: queue`: they may have moved it). Log lines need " +
      "logs.read and audit entries keys.admin; without them those sources are left out and listed in `omitted`.",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: JobTimelineParams,
    query: JobTimelineQuery,
    errors: [404],
    response: { schema: JobTimeline, description: "The job's timeline" },
    handler: (ctx) =>
      withQueue(ctx, ({ queue }) =>
        jobTimeline(ctx.deps.db, queue, ctx.params.job_id, {
          limit: ctx.query.limit,
          sources: {
            logs: ctx.principal.permissions.has("logs.read"),
            audit: ctx.principal.permissions.has("keys.admin"),
          },
        }),
      ),
  }),
  pauseRoute("pause"),
  pauseRoute("resume"),
  defineRoute({
    method: "post",
    path: `${BASE}/{queue_name}/retry`,
    operationId: "retryQueueJobs",
    summary: "Retry failed (or completed) jobs in bulk, each with a fresh set of attempts",
    description:
      "Oldest first, at most `limit`, in script calls of about 8 ms of Redis time each, so Redis keeps serving other clients. Like every manual retry, each job's attempts made and started go back to 0, in Redis and in its job record, so a job that used all its attempts gets them all again; `reset_attempts: false` keeps them (such a job then gets one more try).",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: QueueNameParams,
    body: BulkRetryBody,
    errors: [404],
    audit: { action: "queue.retry", target: namedQueue },
    response: { schema: BulkRetryResult, description: "How many jobs matched and were (or would be) retried" },
    handler: (ctx) => {
      const b = ctx.body;
      ctx.audit.parameters = { ...b };
      return withQueue(ctx, async (q) => {
        const c = bulkCtx(ctx.deps, q);
        const cutoff = Date.now() - (b.older_than_seconds ?? 0) * 1000;
        const matched = await countFinished(c, b.state, cutoff, b.limit);
        const retried = b.dry_run
          ? 0
          : await retryFinished(c, b.state, cutoff, b.limit, { resetAttempts: b.reset_attempts });
        return { queue: q.queue.name, state: b.state, matched, retried, dry_run: b.dry_run };
      });
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{queue_name}/clean`,
    operationId: "cleanQueue",
    summary: "Delete jobs in a state older than a grace period",
    description:
      "Oldest first, at most `limit`, in script calls of about 8 ms of Redis time each; jobs still locked and a scheduler's next job are kept. `dry_run` counts what would be deleted.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: QueueNameParams,
    body: CleanBody,
    errors: [404],
    audit: { action: "queue.clean", target: namedQueue },
    response: { schema: CleanResult, description: "How many jobs matched and were deleted" },
    handler: (ctx) => {
      const b = ctx.body;
      ctx.audit.parameters = { ...b };
      return withQueue(ctx, async (q) => {
        const c = bulkCtx(ctx.deps, q);
        const name = q.queue.name;
        const graceMs = b.grace_seconds * 1000;
        // A real clean deletes exactly what matches (up to limit), so it counts as it goes: a separate
        // count pass would read the whole state once more (for a drain, ~40 % of raw BullMQ's work).
        if (b.dry_run) {
          const matched = await countCleanable(c, b.state, graceMs, b.limit);
          return { queue: name, state: b.state, matched, deleted: 0, dry_run: true };
        }
        const deleted = await cleanState(c, b.state, graceMs, b.limit);
        return { queue: name, state: b.state, matched: deleted, deleted, dry_run: false };
      });
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{queue_name}/promote`,
    operationId: "promoteQueueJobs",
    summary: "Move delayed jobs to waiting now",
    description:
      "Earliest due first, at most `limit`, in script calls of about 8 ms of Redis time each. The body is optional.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: QueueNameParams,
    body: PromoteBody.optional(),
    errors: [404],
    audit: { action: "queue.promote", target: namedQueue },
    response: { schema: PromoteResult, description: "How many delayed jobs matched and were promoted" },
    handler: (ctx) => {
      const b = ctx.body ?? PromoteBody.parse({});
      ctx.audit.parameters = { ...b };
      return withQueue(ctx, async (q) => {
        const c = bulkCtx(ctx.deps, q);
        const matched = await countDelayed(c, b.limit);
        const promoted = b.dry_run ? 0 : await promoteDelayed(c, b.limit);
        return { queue: q.queue.name, matched, promoted, dry_run: b.dry_run };
      });
    },
  }),
];

function bulkCtx(deps: AppDeps, q: QueueAccess): BulkCtx {
  return { queue: q.queue, redis: q.redis, pool: deps.db.pool, prefix: q.prefix };
}
