// Queues (SPEC §4, seed 001): list with status, one queue's detail, a page
// of its jobs, and the queue-wide mutations (pause, resume, bulk retry,
// clean, promote). Reads need queues.read, mutations queues.write; every
// mutation is audited, failures included.
import {
  BulkRetryBody,
  BulkRetryResult,
  CleanBody,
  CleanResult,
  PromoteBody,
  PromoteResult,
  QueueDetail,
  QueueJobs,
  QueueJobsQuery,
  QueueList,
  QueueNameParams,
  QueuePauseResult,
} from "@opsdeck/core";

import { audited } from "../http/audit";
import { defineRoute } from "../http/route";
import { cleanState, countCleanable, countDelayed, countFinished, promoteDelayed, retryFinished } from "../queues/bulk";
import { readyRedis } from "../queues/connection";
import { queueDetail } from "../queues/detail";
import { listJobs } from "../queues/jobList";
import { findQueue } from "../queues/resolveJob";
import { queueSummary } from "../queues/summary";

const BASE = "/api/v1/platform/system/queues";
const TAGS = ["queues"];
const READ = { permission: "queues.read" } as const;
const WRITE = { permission: "queues.write" } as const;

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
    response: {
      schema: QueuePauseResult,
      description: "The queue's new state",
      example: {
        queue: "email-sending",
        status: action === "pause" ? "paused" : "active",
        timestamp: "2025-12-04T12:00:00Z",
      },
    },
    async handler(ctx) {
      const name = ctx.params.queue_name;
      return audited(ctx, `queue.${action}`, `queue:${name}`, {}, async () => {
        const q = await findQueue(ctx.deps, name);
        if (action === "pause") await q.pause();
        else await q.resume();
        return { queue: name, status: action === "pause" ? "paused" : "active", timestamp: new Date().toISOString() };
      });
    },
  });
}

export const queueRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listQueues",
    summary: "Every catalog and discovered queue with counts and status",
    description:
      "Status per seed 001: critical when waiting > 1000 or failed > 10, warning when waiting is 100–1000, else healthy " +
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
    async handler({ deps, params }) {
      const q = await findQueue(deps, params.queue_name);
      return queueDetail(deps.config, await readyRedis(deps.queues), q, deps.queues.prefix);
    },
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
    response: { schema: QueueJobs, description: "Jobs, newest first, and the seed's pagination" },
    async handler({ deps, params, query }) {
      const q = await findQueue(deps, params.queue_name);
      const redis = await readyRedis(deps.queues);
      return listJobs(redis, deps.queues.prefix, q, query.status, query.limit, query.offset);
    },
  }),
  pauseRoute("pause"),
  pauseRoute("resume"),
  defineRoute({
    method: "post",
    path: `${BASE}/{queue_name}/retry`,
    operationId: "retryQueueJobs",
    summary: "Retry failed (or completed) jobs in bulk",
    description:
      "Oldest first, at most `limit`, in script calls of about 8 ms of Redis time each, so Redis keeps serving other clients.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: QueueNameParams,
    body: BulkRetryBody,
    errors: [404],
    response: { schema: BulkRetryResult, description: "How many jobs matched and were (or would be) retried" },
    async handler(ctx) {
      const name = ctx.params.queue_name;
      const b = ctx.body;
      return audited(ctx, "queue.retry", `queue:${name}`, { ...b }, async () => {
        const c = await bulkCtx(ctx.deps, name);
        const cutoff = Date.now() - (b.older_than_seconds ?? 0) * 1000;
        const matched = await countFinished(c, b.state, cutoff, b.limit);
        const retried = b.dry_run ? 0 : await retryFinished(c, b.state, cutoff, b.limit);
        return { queue: name, state: b.state, matched, retried, dry_run: b.dry_run };
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
    response: { schema: CleanResult, description: "How many jobs matched and were deleted" },
    async handler(ctx) {
      const name = ctx.params.queue_name;
      const b = ctx.body;
      return audited(ctx, "queue.clean", `queue:${name}`, { ...b }, async () => {
        const c = await bulkCtx(ctx.deps, name);
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
    response: { schema: PromoteResult, description: "How many delayed jobs matched and were promoted" },
    async handler(ctx) {
      const name = ctx.params.queue_name;
      const b = ctx.body ?? PromoteBody.parse({});
      return audited(ctx, "queue.promote", `queue:${name}`, { ...b }, async () => {
        const c = await bulkCtx(ctx.deps, name);
        const matched = await countDelayed(c, b.limit);
        const promoted = b.dry_run ? 0 : await promoteDelayed(c, b.limit);
        return { queue: name, matched, promoted, dry_run: b.dry_run };
      });
    },
  }),
];

async function bulkCtx(deps: Parameters<typeof findQueue>[0], name: string) {
  const queue = await findQueue(deps, name);
  return { queue, redis: await readyRedis(deps.queues), pool: deps.db.pool, prefix: deps.queues.prefix };
}
