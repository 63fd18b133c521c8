// Putting a campaign's batch jobs on its queue, with the catalog's job
// options (attempts and backoff overridable by EMAIL_JOB_ATTEMPTS /
// EMAIL_JOB_BACKOFF_MS) and deterministic job ids: adding the same batches
// again while their jobs exist adds nothing.
import { type CatalogQueueName, defaultJobOptions, type EmailBatchJob } from "@opsdeck/core";
import { campaignJobsStarted } from "@opsdeck/db";

import type { AppDeps } from "../deps";

export async function enqueueBatches(
  deps: AppDeps,
  queue: CatalogQueueName,
  name: string,
  jobs: EmailBatchJob[],
): Promise<void> {
  const opts = defaultJobOptions(queue, {
    attempts: deps.config.EMAIL_JOB_ATTEMPTS,
    backoffMs: deps.config.EMAIL_JOB_BACKOFF_MS,
  });
  await deps.queues.get(queue).addBulk(jobs.map((j) => ({ name, data: j.payload, opts: { ...opts, jobId: j.jobId } })));
}

/**
 * A replayed request whose first run stopped between its commit and its enqueue: the batches that never
 * started go on the queue (again). One that started has message rows; a second job for it (its first
 * long removed from Redis) would be a second set of messages, so it is left alone.
 */
export async function enqueueMissing(
  deps: AppDeps,
  campaignId: string,
  queue: CatalogQueueName,
  name: string,
  jobs: EmailBatchJob[],
): Promise<void> {
  const started = await campaignJobsStarted(deps.db.pool, campaignId);
  await enqueueBatches(
    deps,
    queue,
    name,
    jobs.filter((j) => !started.has(j.jobId)),
  );
}
