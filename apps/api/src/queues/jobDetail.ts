// GET /jobs/{job_id}: everything about one job: BullMQ's state, data,
// options, progress, attempts, failure and stack, return value, its newest
// log lines, and its history from Postgres (record + lifecycle events).
import { type JobDetail, NotFoundError } from "@opsdeck/core";
import { getJobHistory } from "@opsdeck/db";
import { isJobLocked, type Redis } from "@opsdeck/redis";
import type { Job, Queue } from "bullmq";
import type pg from "pg";

import { capJson, DETAIL_PAYLOAD_CAP_BYTES, iso, jobError } from "./jobView";

/** Job log lines returned (the newest). */
const LOG_LINES = 100;

export async function loadJob(queue: Queue, jobId: string): Promise<Job> {
  const job = await queue.getJob(jobId);
  if (!job) throw new NotFoundError("job_not_found", `No job '${jobId}' in queue '${queue.name}'.`);
  return job;
}

export async function jobDetail(
  redis: Redis,
  pool: pg.Pool,
  prefix: string,
  queue: Queue,
  jobId: string,
): Promise<JobDetail> {
  const job = await loadJob(queue, jobId);
  const [state, locked, logs, history] = await Promise.all([
    job.getState(),
    isJobLocked(redis, prefix, queue.name, jobId),
    queue.getJobLogs(jobId, 0, LOG_LINES - 1, false),
    getJobHistory(pool, queue.name, jobId),
  ]);
  const data = capJson(job.data, DETAIL_PAYLOAD_CAP_BYTES);
  const rec = history.record;
  return {
    id: jobId,
    queue: queue.name,
    name: job.name,
    status: state,
    locked,
    data: data.value,
    data_truncated: data.truncated,
    options: { ...job.opts } as Record<string, unknown>,
    progress: job.progress ?? 0,
    attempts_made: job.attemptsMade ?? 0,
    attempts_started: job.attemptsStarted ?? 0,
    max_attempts: job.opts.attempts ?? 1,
    error: jobError(job),
    stacktrace: job.stacktrace ?? [],
    return_value: capJson(job.returnvalue, DETAIL_PAYLOAD_CAP_BYTES).value,
    priority: job.priority ?? 0,
    delay: job.delay ?? 0,
    created_at: iso(job.timestamp) ?? new Date(0).toISOString(),
    processed_at: iso(job.processedOn),
    finished_at: iso(job.finishedOn),
    // getJobLogs(…, asc=false) gives newest first; show them in the order they were written.
    logs: { lines: [...logs.logs].reverse(), count: logs.count },
    history: {
      record: rec && {
        status: rec.status,
        attempt: rec.attempt,
        attempts_made: rec.attempts_made,
        failed_reason: rec.failed_reason,
        created_at: rec.created_at.toISOString(),
        processed_at: rec.processed_at?.toISOString() ?? null,
        finished_at: rec.finished_at?.toISOString() ?? null,
        updated_at: rec.updated_at.toISOString(),
        replay_of: rec.replay_of,
        replays: rec.replays ?? [],

        history_incomplete: rec.history_incomplete,
      },
      events: history.events.map((e) => ({
        attempt: e.attempt,
        event: e.event,
        detail: e.detail,
        at: e.at.toISOString(),
      })),
    },
  };
}
