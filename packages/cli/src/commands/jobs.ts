// `opsdeck jobs list|search|get|retry|delete` over the HTTP API. `list` reads
// a queue's jobs in one state from Redis; `search` reads the job records in
// Postgres (by id, or text in the name or payload). Job ids resolve across
// queues; --queue picks one when an id exists in several.
import { OpsdeckApiError } from "@opsdeck/client";
import { JOB_LIST_STATUSES } from "@opsdeck/core";

import { type ApiData, apiEnum, type ApiQuery, createApiClient } from "../api";
import { intOption, JSON_FLAG, PAGE_FLAGS, time, withoutEmpty } from "../args";
import { CliError, command, type CommandGroup, type Io } from "../command";
import { block, clip, json, keyValues, line, pageFooter, table } from "../output";

const JOB_FLAGS = {
  queue: { type: "string", value: "QUEUE", help: "the job's queue, when its id exists in several" },
  ...JSON_FLAG,
} as const;

type JobDetail = ApiData<"get", "/api/v1/platform/system/jobs/{job_id}">;
type QueueJobStatus = NonNullable<ApiQuery<"get", "/api/v1/platform/system/queues/{queue_name}/jobs">["status"]>;

/** The call's params: the job id and, with --queue, its queue. */
const jobParams = (id: string, queue: string | undefined) => ({
  params: { path: { job_id: id }, query: queue ? { queue } : {} },
});

/**
 * Runs a call on one job; the API's 409 ambiguous_job_id (the id exists in
 * several queues, listed in its details) becomes a usage error naming this
 * CLI's --queue flag and the candidates.
 */
async function onJob<T>(id: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof OpsdeckApiError) || err.code !== "ambiguous_job_id") throw err;
    const listed = (err.details as { queues?: unknown } | undefined)?.queues;
    const queues = Array.isArray(listed) ? listed.map(String) : [];
    if (queues.length < 2) throw err;
    const [first, ...others] = queues;
    throw new CliError(
      "ambiguous_job_id",
      `job ${id} exists in queues ${queues.join(", ")}; add --queue ${first} (or ${others.join(", ")})`,
      2,
    );
  }
}

/** A payload as one short line for a table. */
const preview = (payload: unknown) => clip(typeof payload === "string" ? payload : (JSON.stringify(payload) ?? ""), 60);

function printJob(j: JobDetail, io: Io) {
  io.out(
    keyValues([
      ["id", j.id],
      ["queue", j.queue],
      ["name", j.name],
      ["status", j.status + (j.locked ? " (locked)" : "")],
      ["attempts", `${j.attempts_made}/${j.max_attempts}`],
      ["progress", j.progress],
      ["created", j.created_at],
      ["processed", j.processed_at],
      ["finished", j.finished_at],
      ["error", j.error?.message ?? null],
      ["data", j.data],
      ["return value", j.return_value],
    ]),
  );
  if (j.error?.stack_trace) io.out(`\nstack:\n${block(j.error.stack_trace)}\n`);
  if (j.logs.lines.length) io.out(line`\nlogs (${j.logs.count}):\n` + `${block(j.logs.lines.join("\n"))}\n`);
  if (j.history.events.length) {
    const events = j.history.events.map(
      (e) => line`  ${e.at}  #${e.attempt} ${e.event}${e.detail ? `  ${e.detail}` : ""}`,
    );
    io.out(`\nhistory:\n${events.join("\n")}\n`);
  }
}

export const jobs: CommandGroup = {
  description: "Find, inspect, retry and delete jobs",
  commands: {
    list: command({
      description: "A queue's jobs in one state, live from Redis",
      flags: {
        queue: { type: "string", required: true, value: "QUEUE", help: "the queue", field: "queue_name" },
        status: {
          type: "string",
          default: "waiting",
          value: "STATE",
          help: `one of ${JOB_LIST_STATUSES.join(", ")}`,
        },
        ...PAGE_FLAGS,
        ...JSON_FLAG,
      },
      examples: ["opsdeck jobs list --queue email-sending --status failed", "opsdeck jobs list --queue email-sending"],
      async run({ values }, io) {
        const r = await createApiClient(io.env).get("/api/v1/platform/system/queues/{queue_name}/jobs", {
          params: {
            path: { queue_name: values.queue },
            query: {
              status: apiEnum<QueueJobStatus>(values.status),
              limit: intOption(values.limit, "limit"),
              offset: intOption(values.offset, "offset"),
            },
          },
        });
        if (values.json) return io.out(json(r));
        io.out(
          table(
            ["ID", "NAME", "STATUS", "ATTEMPTS", "CREATED", "FINISHED", "ERROR / DATA"],
            r.jobs.map((j) => [
              j.id,
              j.name,
              j.status,
              `${j.attempts}/${j.max_attempts}`,
              j.created_at,
              j.finished_at,
              j.error ? clip(j.error.message, 60) : preview(j.payload),
            ]),
          ) + pageFooter(r.jobs.length, r.pagination),
        );
      },
    }),
    search: command({
      description: "Search the job records by exact id, text in the name or payload, or payload fields",
      flags: {
        query: {
          type: "string",
          short: "q",
          value: "TEXT",
          help: "a job id, or text in the name or payload",
          field: "q",
        },
        queue: { type: "string", value: "QUEUE", help: "only this queue" },
        status: { type: "string", value: "STATUS", help: "only this recorded status, e.g. failed" },
        field: {
          type: "string",
          multiple: true,
          value: "data.PATH:OP[:VALUE]",
          help: "a payload field filter: eq, ne, gt, gte, lt, lte, contains, exists (repeat for more)",
        },
        since: {
          type: "string",
          value: "1h|ISO",
          help: "updated at or after (a time, or that long ago)",
          field: "start_time",
        },
        until: { type: "string", value: "1h|ISO", help: "updated before", field: "end_time" },
        ...PAGE_FLAGS,
        ...JSON_FLAG,
      },
      examples: [
        'opsdeck jobs search -q "connection timeout" --status failed --since 1h',
        "opsdeck jobs search -q newsletter-42 --queue email-sending",
        "opsdeck jobs search --field data.campaign_id:eq:cmp_42 --field data.attempt:gte:3",
      ],
      async run({ values }, io) {
        const query = withoutEmpty({
          q: values.query,
          queue: values.queue,
          status: values.status,
          field: values.field,
          start_time: time(values.since, "since"),
          end_time: time(values.until, "until"),
          limit: intOption(values.limit, "limit"),
          offset: intOption(values.offset, "offset"),
        });
        const r = await createApiClient(io.env).get("/api/v1/platform/system/jobs", { params: { query } });
        if (values.json) return io.out(json(r));
        io.out(
          table(
            ["ID", "QUEUE", "NAME", "STATUS", "ATTEMPTS", "UPDATED", "REASON / DATA"],
            r.jobs.map((j) => [
              j.id,
              j.queue,
              j.name,
              j.status,
              j.attempts,
              j.updated_at,
              j.failed_reason ? clip(j.failed_reason, 60) : preview(j.payload),
            ]),
          ) + pageFooter(r.jobs.length, r.pagination),
        );
      },
    }),
    get: command({
      description: "Everything about one job: data, attempts, failure, logs and history",
      args: ["job_id"],
      flags: JOB_FLAGS,
      examples: ["opsdeck jobs get 42 --queue email-sending"],
      async run({ values, args: [id] }, io) {
        const api = createApiClient(io.env);
        const j = await onJob(id, () => api.get("/api/v1/platform/system/jobs/{job_id}", jobParams(id, values.queue)));
        if (values.json) io.out(json(j));
        else printJob(j, io);
      },
    }),
    retry: command({
      description: "Re-queue a failed job with its attempts reset",
      args: ["job_id"],
      flags: JOB_FLAGS,
      examples: ["opsdeck jobs retry 42 --queue email-sending"],
      async run({ values, args: [id] }, io) {
        const api = createApiClient(io.env);
        const r = await onJob(id, () =>
          api.post("/api/v1/platform/system/jobs/{job_id}/retry", jobParams(id, values.queue)),
        );
        io.out(values.json ? json(r) : line`${r.queue}/${r.job_id}: ${r.status}, attempts reset\n`);
      },
    }),
    delete: command({
      description: "Remove a job (refused while a worker holds it)",
      args: ["job_id"],
      flags: JOB_FLAGS,
      examples: ["opsdeck jobs delete 42 --queue email-sending"],
      async run({ values, args: [id] }, io) {
        const api = createApiClient(io.env);
        const r = await onJob(id, () =>
          api.delete("/api/v1/platform/system/jobs/{job_id}", jobParams(id, values.queue)),
        );
        io.out(values.json ? json(r) : line`${r.queue}/${r.job_id}: deleted\n`);
      },
    }),
  },
};
