// The queue and job lookups every queue and job route starts with, as
// wrappers around a handler's work (as bull-board's queueProvider and
// jobProvider): the work receives the queue named by the route (404 when
// there is none) or the job's queue (404, or 409 `ambiguous_job_id` when
// `?queue=` is needed), with the queue registry's Redis connection ready
// (503 within 400 ms when it is not).
import type { Redis } from "@opsdeck/redis";
import type { Queue } from "bullmq";

import type { AppDeps } from "../deps";
import { readyRedis } from "./connection";
import { findQueue, resolveJobQueue } from "./resolveJob";

export interface QueueAccess {
  queue: Queue;
  /** The queue registry's connection, ready. */
  redis: Redis;
  /** QUEUE_PREFIX. */
  prefix: string;
}

export interface JobAccess extends QueueAccess {
  jobId: string;
}

interface WithDeps {
  deps: AppDeps;
}

async function access(deps: AppDeps, queue: Queue): Promise<QueueAccess> {
  return { queue, redis: await readyRedis(deps.queues), prefix: deps.queues.prefix };
}

/** Runs `fn` with the queue named by the route's `{queue_name}`. */
export async function withQueue<T>(
  ctx: WithDeps & { params: { queue_name: string } },
  fn: (q: QueueAccess) => Promise<T>,
): Promise<T> {
  return fn(await access(ctx.deps, await findQueue(ctx.deps, ctx.params.queue_name)));
}

/** Runs `fn` with the job named by the route's `{job_id}`, found across queues or in `?queue=`. */
export async function withJob<T>(
  ctx: WithDeps & { params: { job_id: string }; query: { queue?: string | undefined } },
  fn: (job: JobAccess) => Promise<T>,
): Promise<T> {
  const jobId = ctx.params.job_id;
  const queue = await resolveJobQueue(ctx.deps, jobId, ctx.query.queue);
  return fn({ ...(await access(ctx.deps, queue)), jobId });
}
