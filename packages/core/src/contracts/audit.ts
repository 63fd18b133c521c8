// The audit trail: every mutation, listed newest first with filters.
import { z } from "zod";

import { QueueName } from "../queues";
import { IsoTime, Pagination } from "./common";

/** Long enough for the longest target: a queue name (128) and a job id (256), or a Message-ID (998). */
const Target = z.string().min(1).max(1_024);

export const AuditQuery = z.strictObject({
  action: z.string().min(1).max(100).optional().describe("Exact action, e.g. queue.pause"),
  actor_key_id: z.uuid().optional(),
  target: Target.optional().describe("Exact target, e.g. queue:email-sending or job:email-sending/42"),
  target_prefix: Target.optional().describe(
    "Targets that start with this, e.g. job:email-sending/ (every job of the queue) or key: (every key)",
  ),
  queue: QueueName.optional().describe(
    "Everything about one queue: queue:<name>, its jobs job:<name>/… and its job schedulers scheduler:<name>/…",
  ),
  outcome: z.enum(["success", "failure"]).optional(),
  start_time: IsoTime.optional(),
  end_time: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Max results (default 50, max 100)"),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe("Pagination offset"),
  cursor: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("next_cursor of the previous page: keyset paging that holds while events keep arriving"),
});

const AuditEventView = z.object({
  id: z.string(),
  timestamp: z.string(),
  actor_key_id: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  parameters: z.unknown(),
  outcome: z.enum(["success", "failure"]),
  error: z.string().nullable(),
  request_id: z.string().nullable(),
  ip_address: z.string().nullable(),
});
type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditList = z.object({
  events: z.array(AuditEventView),
  pagination: Pagination.extend({
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  }),
});
export type AuditList = z.infer<typeof AuditList>;
