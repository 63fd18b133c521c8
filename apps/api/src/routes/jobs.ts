// Jobs: search over the Postgres job records, one job in full, retry (409
// unless failed) and delete (409 while a worker holds its lock).
// Ids resolve across queues; `?queue=` disambiguates. Mutations need
// jobs.write and are audited as job:<queue>/<id>, refusals and failures included.
import {
  auditTarget,
  ConflictError,
  JobDeleteResult,
  JobDetail,
  JobIdParams,
  JobLookupQuery,
  JobRetryBody,
  JobRetryResult,
  JobSearchQuery,
  JobSearchResult,
} from "@opsdeck/core";
import { markJobRecords } from "@opsdeck/db";
import { isJobLocked } from "@opsdeck/redis";

import { defineRoute, type RouteAudit } from "../http/route";
import { jobDetail, loadJob } from "../queues/jobDetail";
import { withJob } from "../queues/providers";
import { retryJob } from "../queues/retry";
import { searchJobs } from "../queues/search";

const BASE = "/api/v1/platform/system/jobs";
const TAGS = ["jobs"];
const WRITE = { permission: "jobs.write" } as const;

/**
 * A job action's target before its id is resolved: job:<queue>/<id> with `?queue=`, else job:?/<id>
 * (what the entry keeps when the id is in no queue, or in several).
 */
const askedJob: RouteAudit["target"] = ({ params, query }) =>
  auditTarget.job(typeof query.queue === "string" ? query.queue : null, params.job_id ?? "");

export const jobRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "searchJobs",
    summary: "Search jobs by exact id, or by name or payload text (Postgres job records)",
    description:
      "Newest activity first. `start_time` / `end_time` bound the record's last update. Page with `cursor` (each page's `pagination.next_cursor`, stable while records change) or with `offset` (up to 10,000).",
    tags: TAGS,
    access: { permission: "queues.read" },
    rateLimit: "read",
    query: JobSearchQuery,
    response: { schema: JobSearchResult, description: "Matching job records and the pagination" },
    async handler({ deps, query }) {
      return searchJobs(deps.db.pool, {
        q: query.q,
        queue: query.queue,
        status: query.status,
        startTime: query.start_time,
        endTime: query.end_time,
        limit: query.limit,
        offset: query.offset,
        cursor: query.cursor,
      });
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{job_id}`,
    operationId: "getJob",
    summary: "One job: data, options, progress, attempts, failure, return value, logs and history",
    tags: TAGS,
    access: { permission: "queues.read" },
    rateLimit: "read",
    params: JobIdParams,
    query: JobLookupQuery,
    errors: [404, 409],
    response: { schema: JobDetail, description: "The job" },
    handler: (ctx) =>
      withJob(ctx, ({ redis, prefix, queue, jobId }) => jobDetail(redis, ctx.deps.db.pool, prefix, queue, jobId)),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{job_id}/retry`,
    operationId: "retryJob",
    summary: "Re-queue a failed job with a fresh set of attempts",
    description:
      "Only a failed job (409 job_not_failed otherwise). Like every manual retry (the queue-wide retry and Bull Board's retry too), it resets the job's attempts made and started to 0, in Redis and in its job record, so it gets all its attempts again; `reset_attempts: false` keeps the attempts it has used.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: JobIdParams,
    query: JobLookupQuery,
    body: JobRetryBody.optional(),
    errors: [404, 409],
    audit: { action: "job.retry", target: askedJob },
    response: {
      schema: JobRetryResult,
      description: "The job is waiting again",
      example: { job_id: "job_123", queue: "email-sending", status: "queued", attempts_reset: true },
    },
    handler: (ctx) => {
      const id = ctx.params.job_id;
      const resetAttempts = ctx.body?.reset_attempts ?? true;
      ctx.audit.parameters = { queue: ctx.query.queue ?? null, reset_attempts: resetAttempts };
      return withJob(ctx, async ({ queue: q }) => {
        ctx.audit.target = auditTarget.job(q.name, id);
        const job = await loadJob(q, id);
        const notFailed = (state: string) =>
          new ConflictError("job_not_failed", `Job '${id}' is ${state}; only failed jobs can be retried.`, { state });
        const state = await job.getState();
        if (state !== "failed") throw notFailed(state);
        // It may leave the failed set between the check and the move (another retry, a clean).
        const moved = await retryJob(ctx.deps.db.pool, job, "failed", { resetAttempts });
        if (!moved) throw notFailed(await job.getState());
        return { job_id: id, queue: q.name, status: "queued" as const, attempts_reset: resetAttempts };
      });
    },
  }),
  defineRoute({
    method: "delete",
    path: `${BASE}/{job_id}`,
    operationId: "deleteJob",
    summary: "Permanently remove a job (refused while a worker holds its lock)",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: JobIdParams,
    query: JobLookupQuery,
    errors: [404, 409],
    audit: { action: "job.delete", target: askedJob },
    response: { schema: JobDeleteResult, description: "The job is gone" },
    handler: (ctx) => {
      const id = ctx.params.job_id;
      ctx.audit.parameters = { queue: ctx.query.queue ?? null };
      return withJob(ctx, async ({ queue: q, redis, prefix }) => {
        ctx.audit.target = auditTarget.job(q.name, id);
        const locked = () =>
          new ConflictError(
            "job_locked",
            `Job '${id}' is being processed by a worker; wait for it or pause the queue.`,
          );
        if (await isJobLocked(redis, prefix, q.name, id)) throw locked();
        // Queue#remove: 1 removed, 0 the job (or a child) is locked, -8 the next run of a job scheduler.
        const code = await q.remove(id);
        if (code === -8) {
          throw new ConflictError(
            "job_scheduled",
            `Job '${id}' is a job scheduler's next run; remove the scheduler instead.`,
          );
        }
        if (code !== 1) throw locked();
        await markJobRecords(ctx.deps.db.pool, q.name, [id], "removed");
        return { job_id: id, queue: q.name, deleted: true as const };
      });
    },
  }),
];
