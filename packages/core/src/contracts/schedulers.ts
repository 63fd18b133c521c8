// Job schedulers (BullMQ's repeatable jobs) of any queue: list, create or
// update (upsert), remove, and trigger one run now.
import { z } from "zod";

import { QueueName } from "../queues";
import { IsoTime, JsonObject, Limit, Offset, Pagination, Text } from "./common";

const SchedulerId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

export const SchedulerListParams = z.strictObject({ queue_name: QueueName });
export const SchedulerParams = z.strictObject({ queue_name: QueueName, scheduler_id: SchedulerId });
export const SchedulerListQuery = z.strictObject({ limit: Limit, offset: Offset });

/** Shortest interval a scheduler may repeat at, ms. */
const SCHEDULER_MIN_EVERY_MS = 1_000;
/** Largest template data, characters of JSON. */
export const SCHEDULER_MAX_DATA_CHARS = 65_536;

const TemplateOpts = z.strictObject({
  attempts: z.number().int().min(1).max(100).optional(),
  backoff: z
    .strictObject({
      type: z.enum(["fixed", "exponential"]),
      delay: z.number().int().min(0).max(86_400_000).describe("ms"),
    })
    .optional(),
  priority: z.number().int().min(0).max(2_097_152).optional(),
  remove_on_complete: z.number().int().min(0).max(1_000_000).optional().describe("Keep at most this many completed"),
  remove_on_fail: z.number().int().min(0).max(1_000_000).optional().describe("Keep at most this many failed"),
});

export const SchedulerUpsertBody = z
  .strictObject({
    every: z
      .number()
      .int()
      .min(SCHEDULER_MIN_EVERY_MS)
      .max(366 * 86_400_000)
      .optional()
      .describe(`Interval, ms (at least ${SCHEDULER_MIN_EVERY_MS})`),
    pattern: Text.min(1).max(200).optional().describe("Cron pattern, as BullMQ's cron parser reads it"),
    tz: Text.min(1).max(64).optional().describe("IANA time zone of `pattern`, e.g. Europe/Paris"),
    start_date: IsoTime.optional(),
    end_date: IsoTime.optional().describe("No run after this; must be in the future"),
    limit: z.number().int().min(1).max(1_000_000_000).optional().describe("Most runs in all"),
    template: z.strictObject({
      name: Text.min(1).max(128).describe("The jobs' name"),
      data: JsonObject.default({}).describe(
        `The jobs' data (at most ${SCHEDULER_MAX_DATA_CHARS} characters of JSON; a catalog queue's payload schema applies)`,
      ),
      opts: TemplateOpts.default({}),
    }),
  })
  .superRefine((b, ctx) => {
    if ((b.every === undefined) === (b.pattern === undefined)) {
      ctx.addIssue({ code: "custom", path: ["every"], message: "give exactly one of every and pattern" });
    }
    if (b.tz !== undefined && b.pattern === undefined) {
      ctx.addIssue({ code: "custom", path: ["tz"], message: "tz applies to pattern only" });
    }
  });
export type SchedulerUpsertBody = z.infer<typeof SchedulerUpsertBody>;

export const SchedulerView = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string().describe("The jobs' name"),
  pattern: z.string().nullable(),
  every: z.number().nullable().describe("Interval, ms"),
  tz: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  limit: z.number().int().nullable(),
  iteration_count: z.number().int().nullable().describe("Runs so far"),
  next_run_at: z.string().nullable(),
  template: z.object({
    data: z.unknown(),
    opts: z.record(z.string(), z.unknown()).describe("BullMQ's job options of the template, as stored"),
  }),
});
export type SchedulerView = z.infer<typeof SchedulerView>;

export const SchedulerList = z.object({ schedulers: z.array(SchedulerView), pagination: Pagination });
export type SchedulerList = z.infer<typeof SchedulerList>;

export const SchedulerUpsertResult = z.object({ scheduler: SchedulerView, created: z.boolean() });

export const SchedulerRemoveResult = z.object({ id: z.string(), queue: z.string(), removed: z.literal(true) });

export const SchedulerTriggerResult = z.object({
  scheduler_id: z.string(),
  queue: z.string(),
  job_id: z.string().describe("The job added now from the scheduler's template"),
});
