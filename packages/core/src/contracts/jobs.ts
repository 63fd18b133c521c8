// One job: everything about it, retry, delete, and the search over
// Postgres job records. Job ids are resolved across queues; `queue`
// disambiguates an id held by several.
import { z } from "zod";

import { QueueName } from "../queues";
import { JSON_MAX_DEPTH, Pagination } from "./common";
import { JobFilter, JobFilterFields } from "./jobFilters";
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
  replay_of: z.string().nullable().describe("The job (same queue) this one replays"),
  replays: z.array(z.string()).describe("This job's replays (same queue), newest last"),

  history_incomplete: z
    .boolean()
    .describe("Repaired from Redis after its queue's event stream lost entries: the history may miss attempts"),
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
  ...JobFilterFields,
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Max results (default 50, max 100)"),
  offset: z.coerce.number().int().min(0).max(10_000).default(0).describe("Pagination offset (max 10000)"),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .max(1_200)
    .optional()
    .describe(
      "`pagination.next_cursor` of the previous page: the page after it, stable while records change and with no offset limit (offset must then be 0)",
    ),
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
  replay_of: z.string().nullable().describe("The job (same queue) this one replays"),
  history_incomplete: z
    .boolean()
    .describe("Repaired from Redis after its queue's event stream lost entries: the history may miss attempts"),
});

export const JobSearchResult = z.object({
  jobs: z.array(JobSearchHit),
  pagination: Pagination.extend({
    total_is_estimate: z
      .boolean()
      .describe(
        "True when more records match than the exact-count cap (JOB_COUNT_CAP), counted or expected, and `total` is an estimate",
      ),
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  }),
});
export type JobSearchResult = z.infer<typeof JobSearchResult>;

/** Largest payload a replay may carry, bytes of JSON (the record keeps 64 KiB for search; Redis takes more). */
const REPLAY_MAX_PAYLOAD_BYTES = 1024 * 1024;

/** A job payload given by hand: a JSON object, at most JSON_MAX_DEPTH deep and REPLAY_MAX_PAYLOAD_BYTES. */
const ReplayPayload = z.record(z.string().max(200), z.unknown()).superRefine((value, ctx) => {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > JSON_MAX_DEPTH) {
      ctx.addIssue({ code: "custom", message: `nests deeper than ${JSON_MAX_DEPTH} levels` });
      return;
    }
    for (const c of Array.isArray(v) ? v : Object.values(v)) stack.push([c, depth + 1]);
  }
  if (Buffer.byteLength(JSON.stringify(value)) > REPLAY_MAX_PAYLOAD_BYTES) {
    ctx.addIssue({ code: "custom", message: `is over ${REPLAY_MAX_PAYLOAD_BYTES} bytes of JSON` });
  }
});

export const QueueJobParams = z.strictObject({ queue_name: QueueName, job_id: JobId });

export const JobReplayBody = z.strictObject({
  data: ReplayPayload.optional().describe(
    "An edited payload for the new job (validated with the catalog schema on catalog queues); default: the recorded payload",
  ),
  copy: z
    .boolean()
    .default(false)
    .describe("Replay even though the job is still failed in Redis (where a retry would do): a copy with a new id"),
});

export const JobReplayResult = z.object({
  job_id: z.string().describe("The new job's id"),
  queue: z.string(),
  replay_of: z.string(),
  name: z.string(),
  status: z.literal("queued"),
  payload_edited: z.boolean(),
});
export type JobReplayResult = z.infer<typeof JobReplayResult>;

const JOB_ACTIONS = ["retry", "delete", "replay"] as const;
export type JobActionKind = (typeof JOB_ACTIONS)[number];

export const JobActionBody = z.strictObject({
  action: z
    .enum(JOB_ACTIONS)
    .describe(
      "retry: failed jobs go back to wait with a fresh set of attempts (others are skipped); delete: removed from Redis, record marked removed; replay: re-enqueued from the record as a new linked job",
    ),
  filter: JobFilter.describe("The filters of GET /jobs (field filters as an array); at least one"),
  dry_run: z.boolean().default(false).describe("Count and sample what matches; change nothing"),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1_000)
    .describe("Most jobs to act on, newest activity first (default 1000, max 100000)"),
});

const JobRef = z.object({ queue: z.string(), id: z.string() });

export const JobActionStarted = z.object({
  action_id: z.string().nullable().describe("Poll GET /job-actions/{action_id}; null for a dry run"),
  action: z.enum(JOB_ACTIONS),
  dry_run: z.boolean(),
  matched: z.number().int().describe("Jobs matched (at most limit): the set the action works on, frozen now"),
  sample: z.array(JobRef).describe("The first 20 matched jobs, newest activity first"),
});
export type JobActionStarted = z.infer<typeof JobActionStarted>;

export const JobActionParams = z.strictObject({
  action_id: z.string().regex(/^act_[0-9a-f]{20}$/, "an action id: act_ and 20 hex digits"),
});

export const JobActionView = z.object({
  action_id: z.string(),
  action: z.enum(JOB_ACTIONS),
  state: z.enum(["running", "completed", "failed"]),
  filter: z.record(z.string(), z.unknown()),
  matched: z.number().int(),
  done: z.number().int().describe("Jobs acted on"),
  skipped: z.number().int().describe("Jobs left as they were; why, in skip_reasons"),
  skip_reasons: z
    .record(z.string(), z.number().int())
    .describe(
      "Count per reason: not_in_redis, not_failed (retry: the job is in another state), locked (delete: a worker holds it), retryable_in_place (replay: still failed in Redis), no_record, payload_truncated, invalid_payload",
    ),
  error: z.string().nullable(),
  actor: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type JobActionView = z.infer<typeof JobActionView>;

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
