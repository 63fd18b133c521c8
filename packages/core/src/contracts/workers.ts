// Workers: every worker connected to any queue — Opsdeck's own processes
// (from their heartbeats and CLIENT LIST) and any other BullMQ client's
// (CLIENT LIST only, so what it cannot tell is null) — and the commands
// Opsdeck's own processes take: pause or resume a queue, set its
// concurrency, drain and stop.
import { z } from "zod";

import { QueueName } from "../queues";

export const WorkersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("Most workers listed (default 100, max 500)"),
});

export const WorkerIdParams = z.strictObject({
  worker_id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .describe("An id from GET /workers"),
});

export const WorkerCommandParams = WorkerIdParams.extend({
  command_id: z
    .string()
    .regex(/^wcmd_[0-9a-f]{24}$/, "a command id from POST …/commands")
    .describe("e.g. wcmd_0123456789abcdef01234567"),
});

const WorkerQueue = z.object({
  name: z.string(),
  state: z
    .enum(["running", "paused"])
    .nullable()
    .describe("Taking jobs or paused by a command; null for foreign workers"),
  concurrency: z.number().int().nullable().describe("Jobs it may run at once; null for foreign workers"),
  running_jobs: z.number().int().nullable().describe("Jobs it is running now; null for foreign workers"),
});

export const WorkerView = z.object({
  id: z.string().describe("Opsdeck's: its heartbeat id (host-pid-random); foreign: redis-<client id>"),
  kind: z.enum(["opsdeck", "foreign"]).describe("Only Opsdeck's own worker processes take commands"),
  status: z
    .enum(["running", "lost", "stopped", "connected"])
    .describe(
      "Opsdeck's: running (fresh heartbeat), lost (no heartbeat for 30 s), stopped (shut down cleanly); foreign: connected",
    ),
  client: z
    .enum(["node", "python_or_elixir"])
    .nullable()
    .describe("BullMQ client, from how it names its connection; null when none is connected"),
  host: z.string().nullable().describe("Opsdeck's: host name; foreign: the connection's IP address"),
  pid: z.number().int().nullable(),
  queues: z.array(WorkerQueue),
  connections: z.number().int().describe("Its worker connections in CLIENT LIST now"),
  cpu_percent: z.number().nullable().describe("Percent of one core over the last heartbeat interval"),
  memory_rss_bytes: z.number().int().nullable(),
  memory_percent: z.number().nullable(),
  version: z.string().nullable().describe("Opsdeck's version"),
  started_at: z.string().nullable().describe("Foreign: when its oldest connection was opened"),
  last_seen_at: z.string().nullable().describe("Opsdeck's: last heartbeat; foreign: its last Redis command"),
});
export type WorkerView = z.infer<typeof WorkerView>;

export const WorkerList = z.object({
  workers: z.array(WorkerView).describe("Opsdeck's first (latest heartbeat first), then foreign ones by queue"),
  truncated: z.boolean().describe("More workers exist than `limit`"),
  client_list_available: z
    .boolean()
    .describe("false when Redis refuses CLIENT LIST: foreign workers are then unknown and connections 0"),
});
export type WorkerList = z.infer<typeof WorkerList>;

const WORKER_COMMANDS = ["pause", "resume", "set_concurrency", "drain"] as const;
/** Highest concurrency a command may set (a worker process is one Node event loop). */
const WORKER_CONCURRENCY_MAX = 1_000;

export const WorkerCommandBody = z
  .strictObject({
    command: z.enum(WORKER_COMMANDS),
    queue: QueueName.optional().describe("pause, resume, set_concurrency: one of the queues the worker serves"),
    concurrency: z.number().int().min(1).max(WORKER_CONCURRENCY_MAX).optional().describe("set_concurrency only"),
  })
  .superRefine((b, ctx) => {
    const needsQueue = b.command !== "drain";
    if (needsQueue && b.queue === undefined) {
      ctx.addIssue({ code: "custom", path: ["queue"], message: `${b.command} needs a queue` });
    }
    if (!needsQueue && b.queue !== undefined) {
      ctx.addIssue({ code: "custom", path: ["queue"], message: "drain stops the whole worker process: no queue" });
    }
    if ((b.command === "set_concurrency") !== (b.concurrency !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["concurrency"],
        message:
          b.command === "set_concurrency" ? "set_concurrency needs concurrency" : "only set_concurrency takes it",
      });
    }
  });
export type WorkerCommandBody = z.infer<typeof WorkerCommandBody>;

export const WorkerCommandView = z.object({
  command_id: z.string(),
  worker_id: z.string(),
  command: z.enum(WORKER_COMMANDS),
  queue: z.string().nullable(),
  concurrency: z.number().int().nullable(),
  status: z
    .enum(["pending", "running", "done", "failed"])
    .describe("pending until the worker takes it; a drain is done once the process has stopped"),
  result: z.record(z.string(), z.unknown()).nullable().describe("What the worker reports: queue, paused, concurrency"),
  error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WorkerCommandView = z.infer<typeof WorkerCommandView>;
