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
  JobReplayBody,
  JobReplayResult,
  JobRetryBody,
  JobRetryResult,
  JobSearchQuery,
  JobSearchResult,
  NotFoundError,
  QueueJobParams,
  ValidationError,
} from "@opsdeck/core";
import { markJobRecords } from "@opsdeck/db";
import { isJobLocked } from "@opsdeck/redis";

import { defineRoute, type RouteAudit } from "../http/route";
import { jobDetail, loadJob } from "../queues/jobDetail";
import { withJob, withQueue } from "../queues/providers";
import { isRefusal, newReplayId, replayJob } from "../queues/replay";
import { retryJob } from "../queues/retry";
import { searchJobs, toSearchFilter } from "../queues/search";

const BASE = "/api/v1/platform/system/jobs";
const QUEUES_BASE = "/api/v1/platform/system/queues";
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
    summary: "Search jobs by id, name, payload text, payload fields, status, failure and time (Postgres job records)",
    description:
      "Newest activity first; every filter given must hold. `start_time` / `end_time` bound the record's last update, `created_*` and `finished_*` its creation and finish. `field` filters compare payload fields by path (see the parameter). POST /job-actions takes the same filters. Page with `cursor` (each page's `pagination.next_cursor`, stable while records change) or with `offset` (up to 10,000). `pagination.total` is exact up to JOB_COUNT_CAP (10,000) matches, then the planner's estimate (`total_is_estimate`), given without counting where the planner expects ten times JOB_COUNT_CAP or more from filters it estimates from statistics (not `q`, `failed_reason`, `contains` or range comparisons). A search that outlasts the statement deadline is a 400 `search_timeout`: narrow it.",
    tags: TAGS,
    access: { permission: "queues.read" },
    rateLimit: "read",
    query: JobSearchQuery,
    response: { schema: JobSearchResult, description: "Matching job records and the pagination" },
    async handler({ deps, query }) {
      return searchJobs(deps.db.pool, {
        ...toSearchFilter(query),
        limit: query.limit,
        offset: query.offset,
        cursor: query.cursor,
        countCap: deps.config.JOB_COUNT_CAP,
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
  defineRoute({
    method: "post",
    path: `${QUEUES_BASE}/{queue_name}/jobs/{job_id}/replay`,
    operationId: "replayJob",
    summary: "Re-enqueue a job from its record (or a copy of one Redis holds) as a new, linked job",
    description:
      "For a job Redis no longer holds (removed, pruned by retention): a new job with a new id, the recorded name, retry options (attempts, backoff) and payload — or `data`, an edited payload (checked against the catalog schema on catalog queues; any JSON object up to 1 MiB elsewhere). The new job's record has `replay_of`; the original's lists it in `replays`. A job still failed in Redis is refused with 409 job_retryable_in_place (retry it instead) unless `copy` is true; a job Redis holds in another state is copied. A record that kept only a preview of a payload over 64 KiB needs `data` (409 payload_truncated).",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: QueueJobParams,
    body: JobReplayBody.optional(),
    errors: [404, 409],
    audit: {
      action: "job.replay",
      target: ({ params }) => auditTarget.job(params.queue_name ?? null, params.job_id ?? ""),
    },
    response: {
      status: 201,
      schema: JobReplayResult,
      description: "The new job is waiting",
      example: {
        job_id: "rp-3f9a0c1d2e4b5a6c7d8e",
        queue: "email-sending",
        replay_of: "1041",
        name: "send",
        status: "queued",
        payload_edited: true,
      },
    },
    handler: (ctx) => {
      const { job_id: id } = ctx.params;
      const copy = ctx.body?.copy ?? false;
      const data = ctx.body?.data;
      const newJobId = newReplayId();
      ctx.audit.parameters = { copy, payload_edited: data !== undefined, new_job_id: newJobId };
      return withQueue(ctx, async ({ queue }) => {
        const r = await replayJob(ctx.deps.db.pool, queue, id, { data, copy, newJobId });
        if (isRefusal(r)) {
          switch (r.reason) {
            case "no_record":
              throw new NotFoundError(
                "job_not_found",
                `No job '${id}' in queue '${queue.name}', in Redis or on record.`,
              );
            case "retryable_in_place":
              throw new ConflictError(
                "job_retryable_in_place",
                `Job '${id}' is still failed in Redis: retry it (POST /jobs/{job_id}/retry), or pass copy: true for a new job.`,
              );
            case "payload_truncated":
              throw new ConflictError(
                "payload_truncated",
                `The record of job '${id}' kept only a preview of its payload (over 64 KiB); pass the payload as data.`,
              );
            case "invalid_payload":
              throw new ValidationError(
                r.issues.map((i) => ({
                  field: i.path ? `data.${i.path}` : "data",
                  code: "invalid_payload",
                  message: i.message,
                })),
              );
          }
        }
        return {
          job_id: r.jobId,
          queue: queue.name,
          replay_of: id,
          name: r.name,
          status: "queued" as const,
          payload_edited: r.payloadEdited,
        };
      });
    },
  }),
];
