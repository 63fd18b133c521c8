// Job schedulers (repeatable jobs) of any queue: list, one, create or update,
// remove, trigger now. Reads need queues.read, changes queues.write; every
// change is audited as scheduler:<queue>/<id>, as the board's are.
import {
  auditTarget,
  SchedulerList,
  SchedulerListParams,
  SchedulerListQuery,
  SchedulerParams,
  SchedulerRemoveResult,
  SchedulerTriggerResult,
  SchedulerUpsertBody,
  SchedulerUpsertResult,
  SchedulerView,
} from "@opsdeck/core";

import { defineRoute, type RouteAudit } from "../http/route";
import { withQueue } from "../queues/providers";
import {
  listSchedulers,
  loadScheduler,
  removeScheduler,
  schedulerView,
  triggerScheduler,
  upsertScheduler,
} from "../queues/schedulers";

const BASE = "/api/v1/platform/system/queues/{queue_name}/schedulers";
const TAGS = ["queues"];
const READ = { permission: "queues.read" } as const;
const WRITE = { permission: "queues.write" } as const;

const namedScheduler: RouteAudit["target"] = ({ params }) =>
  auditTarget.scheduler(params.queue_name ?? "", params.scheduler_id ?? "");

export const schedulerRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listSchedulers",
    summary: "A queue's job schedulers (repeatable jobs), by next run",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: SchedulerListParams,
    query: SchedulerListQuery,
    errors: [404],
    response: { schema: SchedulerList, description: "Schedulers, soonest next run first, and the pagination" },
    handler: (ctx) => withQueue(ctx, ({ queue }) => listSchedulers(queue, ctx.query.limit, ctx.query.offset)),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/{scheduler_id}`,
    operationId: "getScheduler",
    summary: "One job scheduler",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: SchedulerParams,
    errors: [404],
    response: { schema: SchedulerView, description: "The scheduler" },
    handler: (ctx) =>
      withQueue(ctx, async ({ queue }) =>
        schedulerView(queue.name, await loadScheduler(queue, ctx.params.scheduler_id)),
      ),
  }),
  defineRoute({
    method: "put",
    path: `${BASE}/{scheduler_id}`,
    operationId: "upsertScheduler",
    summary: "Create or replace a job scheduler",
    description:
      "Exactly one of `every` (ms, at least 1000) and `pattern` (cron, with an optional IANA `tz`), checked with " +
      "BullMQ's own cron parser. The template's data must pass the queue's payload schema on a catalog queue. " +
      "Replacing a scheduler reschedules its next run.",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: SchedulerParams,
    body: SchedulerUpsertBody,
    errors: [404],
    audit: { action: "scheduler.upsert", target: namedScheduler },
    response: { schema: SchedulerUpsertResult, description: "The scheduler as stored, and whether it is new" },
    handler: (ctx) => {
      const b = ctx.body;
      // The template's data stays out of the audit trail (it can hold anything); its size and shape do not.
      ctx.audit.parameters = {
        every: b.every ?? null,
        pattern: b.pattern ?? null,
        tz: b.tz ?? null,
        limit: b.limit ?? null,
        template_name: b.template.name,
      };
      return withQueue(ctx, ({ queue }) => upsertScheduler(queue, ctx.params.scheduler_id, b));
    },
  }),
  defineRoute({
    method: "delete",
    path: `${BASE}/{scheduler_id}`,
    operationId: "removeScheduler",
    summary: "Remove a job scheduler (and its next, not yet started, job)",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: SchedulerParams,
    errors: [404],
    audit: { action: "scheduler.remove", target: namedScheduler },
    response: { schema: SchedulerRemoveResult, description: "The scheduler is gone" },
    handler: (ctx) =>
      withQueue(ctx, async ({ queue }) => {
        await removeScheduler(queue, ctx.params.scheduler_id);
        return { id: ctx.params.scheduler_id, queue: queue.name, removed: true as const };
      }),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{scheduler_id}/trigger`,
    operationId: "triggerScheduler",
    summary: "Add one job from a scheduler's template now, leaving its schedule as it is",
    tags: TAGS,
    access: WRITE,
    rateLimit: "write",
    params: SchedulerParams,
    errors: [404],
    audit: { action: "scheduler.trigger", target: namedScheduler },
    response: { status: 201, schema: SchedulerTriggerResult, description: "The job added" },
    handler: (ctx) =>
      withQueue(ctx, async ({ queue }) => {
        const jobId = await triggerScheduler(queue, ctx.params.scheduler_id);
        ctx.audit.parameters = { job_id: jobId };
        return { scheduler_id: ctx.params.scheduler_id, queue: queue.name, job_id: jobId };
      }),
  }),
];
