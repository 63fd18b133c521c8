// Queues: the list with the documented fields and
// status thresholds, one queue's detail, its jobs, and the queue-wide
// mutations (pause, resume, bulk retry, clean, promote).
import { z } from "zod";

import { QueueName } from "../queues";
import { Pagination } from "./common";

export const QueueNameParams = z.strictObject({ queue_name: QueueName });

export const QueueHealth = z.enum(["healthy", "warning", "critical"]);
export type QueueHealth = z.infer<typeof QueueHealth>;

export const QueueSummary = z.object({
  name: z.string(),
  priority: z.enum(["high", "normal", "low"]).describe("Catalog priority; 'normal' for discovered queues"),
  active_jobs: z.number().int(),
  waiting_jobs: z.number().int().describe("Ready to run: wait + prioritized (+ legacy paused list)"),
  completed_last_hour: z.number().int().describe("Completed jobs still retained whose finish is in the last hour"),
  failed_jobs: z.number().int(),
  status: QueueHealth,
  paused: z.boolean(),
  delayed_jobs: z.number().int(),
  workers: z
    .number()
    .int()
    .nullable()
    .describe("Worker connections seen in CLIENT LIST; null when Redis refuses CLIENT LIST"),
  oldest_waiting_age_seconds: z.number().int().nullable().describe("Age of the next job to run from the wait list"),
  stalled_jobs: z.number().int().describe("Active jobs whose lock has lapsed (first 1000 active jobs checked)"),
  catalog: z.boolean().describe("Defined by Opsdeck (true) or discovered under the prefix (false)"),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueueList = z.object({ queues: z.array(QueueSummary) });
export type QueueList = z.infer<typeof QueueList>;

const QueueStateCounts = z.object({
  active: z.number().int(),
  waiting: z.number().int(),
  prioritized: z.number().int(),
  delayed: z.number().int(),
  paused: z.number().int().describe("Legacy paused list (BullMQ < 5 kept paused jobs apart)"),
  "waiting-children": z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  stalled: z.number().int(),
});

const ThroughputPoint = z.object({
  minute: z.string().describe("Start of the minute, ISO 8601"),
  completed: z.number().int(),
  failed: z.number().int(),
});

export const QueueDetail = QueueSummary.extend({
  counts: QueueStateCounts,
  global_concurrency: z.number().int().nullable(),
  global_rate_limit: z.object({ max: z.number().int(), duration_ms: z.number().int() }).nullable(),
  schedulers: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        pattern: z.string().nullable(),
        every: z.number().nullable().describe("Interval, ms"),
        next_run_at: z.string().nullable(),
      }),
    ),
  }),
  throughput_last_60_minutes: z.array(ThroughputPoint).describe("Oldest minute first; from retained jobs"),
});
export type QueueDetail = z.infer<typeof QueueDetail>;

export const JOB_LIST_STATUSES = [
  "active",
  "waiting",
  "delayed",
  "prioritized",
  "failed",
  "completed",
  "paused",
  "waiting-children",
  "stalled",
] as const;
export const JobListStatus = z.enum(JOB_LIST_STATUSES);
export type JobListStatus = z.infer<typeof JobListStatus>;

export const QueueJobsQuery = z.strictObject({
  status: JobListStatus.default("waiting").describe("Job state to list (default waiting)"),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Max results (default 50, max 100)"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Pagination offset"),
});

export const JobError = z.object({ message: z.string(), stack_trace: z.string().nullable() });

/** The documented job shape plus name, progress, timings, priority and delay. */
export const QueueJob = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  status: z.string(),
  payload: z.unknown().describe("Job data; a JSON text preview when larger than the cap"),
  payload_truncated: z.boolean(),
  payload_size_bytes: z.number().int(),
  error: JobError.nullable(),
  attempts: z.number().int().describe("Attempts made"),
  max_attempts: z.number().int(),
  progress: z.unknown(),
  priority: z.number().int(),
  delay: z.number().int().describe("ms"),
  created_at: z.string(),
  updated_at: z.string(),
  processed_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type QueueJob = z.infer<typeof QueueJob>;

export const QueueJobs = z.object({ jobs: z.array(QueueJob), pagination: Pagination });
export type QueueJobs = z.infer<typeof QueueJobs>;

export const QueuePauseResult = z.object({
  queue: z.string(),
  status: z.enum(["paused", "active"]),
  timestamp: z.string(),
});
export type QueuePauseResult = z.infer<typeof QueuePauseResult>;

const BulkLimit = z.number().int().min(1).max(100_000);

/**
 * A manual retry gives the job a fresh set of attempts (attemptsMade and
 * attemptsStarted back to 0) unless `reset_attempts` is false.
 */
export const RetryAttempts = z
  .boolean()
  .default(true)
  .describe(
    "true (default): the job starts again with a fresh set of attempts; false: it keeps the attempts it has used, so one with none left gets a single try",
  );

export const BulkRetryBody = z.strictObject({
  state: z.enum(["failed", "completed"]),
  older_than_seconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400)
    .optional()
    .describe("Only jobs finished at least this long ago"),
  limit: BulkLimit.default(1_000).describe("Most jobs to retry (default 1000, max 100000)"),
  reset_attempts: RetryAttempts,
  dry_run: z.boolean().default(false),
});

export const BulkRetryResult = z.object({
  queue: z.string(),
  state: z.enum(["failed", "completed"]),
  matched: z.number().int(),
  retried: z.number().int(),
  dry_run: z.boolean(),
});
export type BulkRetryResult = z.infer<typeof BulkRetryResult>;

export const CLEAN_STATES = ["completed", "failed", "delayed", "wait", "paused", "prioritized"] as const;

export const CleanBody = z.strictObject({
  state: z.enum(CLEAN_STATES),
  grace_seconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400)
    .default(0)
    .describe("Keep jobs newer than this"),
  limit: BulkLimit.default(1_000).describe("Most jobs to delete (default 1000, max 100000)"),
  dry_run: z.boolean().default(false),
});

export const CleanResult = z.object({
  queue: z.string(),
  state: z.enum(CLEAN_STATES),
  matched: z.number().int(),
  deleted: z.number().int(),
  dry_run: z.boolean(),
});
export type CleanResult = z.infer<typeof CleanResult>;

export const PromoteBody = z.strictObject({
  limit: BulkLimit.default(1_000).describe("Most delayed jobs to promote (default 1000, max 100000)"),
  dry_run: z.boolean().default(false),
});

export const PromoteResult = z.object({
  queue: z.string(),
  matched: z.number().int(),
  promoted: z.number().int(),
  dry_run: z.boolean(),
});
export type PromoteResult = z.infer<typeof PromoteResult>;
