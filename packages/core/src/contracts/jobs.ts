// One job: everything about it, retry, delete, and the search over
// Postgres job records. Job ids are resolved across queues; `queue`
// disambiguates an id held by several.
import { z } from "zod";

import { QueueName } from "../queues";
import { IsoTime, Pagination } from "./common";
import { JobError, RetryAttempts } from "./queues";

/** BullMQ ids are free-form (scheduler jobs contain ':'), but printable and bounded. */
export const JobId = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

export const JobIdParams = z.strictObject({ job_id: JobId });
export const JobLookupQuery = z.strictObject({
  queue: QueueName.optional().describe("The job's queue, when its id exists in several"),
});

const JobHistoryEvent = z.object({
  attempt: z.number().int(),
  event: z.string(),
  detail: z.string().nullable(),
  at: z.string(),
});

const JobRecordView = z.object({
  status: z.string(),
  attempt: z.number().int(),
  attempts_made: z.number().int(),
  failed_reason: z.string().nullable(),
  created_at: z.string(),
  processed_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  updated_at: z.string(),
});

export const JobDetail = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  status: z.string().describe("BullMQ state now: active, waiting, delayed, prioritized, completed, failed, ..."),
  locked: z.boolean().describe("A worker holds the job's lock"),
  data: z.unknown(),
  data_truncated: z.boolean(),
  options: z.record(z.string(), z.unknown()),
  progress: z.unknown(),
  attempts_made: z.number().int(),
  attempts_started: z.number().int(),
  max_attempts: z.number().int(),
  error: JobError.nullable(),
  stacktrace: z.array(z.string()).describe("One entry per failed attempt, newest last"),
  return_value: z.unknown(),
  priority: z.number().int(),
  delay: z.number().int().describe("ms"),
  created_at: z.string(),
  processed_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  logs: z.object({ lines: z.array(z.string()).describe("Newest 100 lines, oldest first"), count: z.number().int() }),
  history: z.object({ record: JobRecordView.nullable(), events: z.array(JobHistoryEvent) }),
});
export type JobDetail = z.infer<typeof JobDetail>;

export const JobRetryBody = z.strictObject({ reset_attempts: RetryAttempts });

/** The job retried, the queue it lives in, and whether its attempts were reset. */
export const JobRetryResult = z.object({
  job_id: z.string(),
  queue: z.string(),
  status: z.literal("queued"),
  attempts_reset: z.boolean(),
});
export type JobRetryResult = z.infer<typeof JobRetryResult>;

export const JobDeleteResult = z.object({ job_id: z.string(), queue: z.string(), deleted: z.literal(true) });
export type JobDeleteResult = z.infer<typeof JobDeleteResult>;

export const JobSearchQuery = z.strictObject({
  q: z
    .string()
    .min(2)
    .max(200)
    .optional()
    .describe("A job id (exact match), or text in the job name or payload (case-insensitive)"),
  queue: QueueName.optional(),
  status: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z-]+$/)
    .optional()
    .describe("Recorded status, e.g. failed"),
  start_time: IsoTime.optional().describe("Last updated at or after (ISO 8601)"),
  end_time: IsoTime.optional().describe("Last updated before (ISO 8601)"),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Max results (default 50, max 100)"),
  offset: z.coerce.number().int().min(0).max(10_000).default(0).describe("Pagination offset (max 10000)"),
});

const JobSearchHit = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  progress: z.unknown(),
  failed_reason: z.string().nullable(),
  payload: z.unknown(),
  payload_truncated: z.boolean(),
  created_at: z.string(),
  processed_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  updated_at: z.string(),
});

export const JobSearchResult = z.object({ jobs: z.array(JobSearchHit), pagination: Pagination });
export type JobSearchResult = z.infer<typeof JobSearchResult>;

export const JobTimelineParams = z.strictObject({ queue_name: QueueName, job_id: JobId });
export const JobTimelineQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(200)
    .describe("Most items (default 200, max 1000); the oldest are kept and `truncated` says more exist"),
});

const TimelineRecord = z.object({
  at: z.string().describe("When the job was created"),
  kind: z.literal("record"),
  name: z.string(),
  status: z.string(),
  attempt: z.number().int(),
  attempts_made: z.number().int(),
  failed_reason: z.string().nullable(),
  processed_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  updated_at: z.string(),
});
const TimelineEvent = z.object({
  at: z.string(),
  kind: z.literal("event"),
  attempt: z.number().int(),
  event: z.string().describe("active, retry, failed, completed, stalled, ..."),
  detail: z.string().nullable(),
});
const TimelineLog = z.object({
  at: z.string(),
  kind: z.literal("log"),
  id: z.string(),
  level: z.string(),
  service: z.string(),
  message: z.string(),
  metadata: z.record(z.string(), z.unknown()),
});
const TimelineAudit = z.object({
  at: z.string(),
  kind: z.literal("audit"),
  id: z.string(),
  action: z.string(),
  actor: z.string(),
  target: z.string(),
  outcome: z.enum(["success", "failure"]),
  error: z.string().nullable(),
  scope: z
    .enum(["job", "queue"])
    .describe(
      "job: the entry names this job; queue: a queue-wide bulk action during the job's life that may have moved it",
    ),
});

export const JobTimeline = z.object({
  queue: z.string(),
  job_id: z.string(),
  items: z
    .array(z.discriminatedUnion("kind", [TimelineRecord, TimelineEvent, TimelineLog, TimelineAudit]))
    .describe("Oldest first; at equal times: record, event, log, audit"),
  truncated: z.boolean().describe("More items exist past the last one"),
  omitted: z
    .array(z.enum(["logs", "audit"]))
    .describe("Sources left out because the key may not read them: logs need logs.read, audit entries keys.admin"),
});
export type JobTimeline = z.infer<typeof JobTimeline>;
