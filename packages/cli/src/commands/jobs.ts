// `opsdeck jobs get|retry|delete` over the HTTP API. Job ids resolve across
// queues; --queue picks one when an id exists in several.
import { type ApiData, createApiClient } from "../api";
import { JSON_FLAG, parse } from "../args";
import type { CommandGroup, Io } from "../command";
import { json, keyValues } from "../output";

const OPTIONS = { ...JSON_FLAG, queue: { type: "string" } } as const;

type JobDetail = ApiData<"get", "/api/v1/platform/system/jobs/{job_id}">;

/** The call's params (the job id and, with --queue, its queue) and --json. */
function parseJob(args: string[]) {
  const { values, positionals } = parse(args, OPTIONS, ["job_id"]);
  const query = values.queue ? { queue: values.queue } : {};
  return { options: { params: { path: { job_id: positionals[0] as string }, query } }, asJson: values.json };
}

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
  if (j.error?.stack_trace) io.out(`\nstack:\n${j.error.stack_trace}\n`);
  if (j.logs.lines.length) io.out(`\nlogs (${j.logs.count}):\n${j.logs.lines.map((l) => `  ${l}`).join("\n")}\n`);
  if (j.history.events.length) {
    io.out(
      `\nhistory:\n${j.history.events.map((e) => `  ${e.at}  #${e.attempt} ${e.event}${e.detail ? `  ${e.detail}` : ""}`).join("\n")}\n`,
    );
  }
}

export const jobs: CommandGroup = {
  description: "Inspect, retry and delete single jobs",
  commands: {
    get: {
      usage: "get <job_id> [--queue Q] [--json]",
      description: "Everything about one job",
      async run(args, io) {
        const a = parseJob(args);
        const j = await createApiClient(io.env).get("/api/v1/platform/system/jobs/{job_id}", a.options);
        if (a.asJson) io.out(json(j));
        else printJob(j, io);
      },
    },
    retry: {
      usage: "retry <job_id> [--queue Q] [--json]",
      description: "Re-queue a failed job with its attempts reset",
      async run(args, io) {
        const a = parseJob(args);
        const r = await createApiClient(io.env).post("/api/v1/platform/system/jobs/{job_id}/retry", a.options);
        io.out(a.asJson ? json(r) : `${r.queue}/${r.job_id}: ${r.status}, attempts reset\n`);
      },
    },
    delete: {
      usage: "delete <job_id> [--queue Q] [--json]",
      description: "Remove a job (refused while a worker holds it)",
      async run(args, io) {
        const a = parseJob(args);
        const r = await createApiClient(io.env).delete("/api/v1/platform/system/jobs/{job_id}", a.options);
        io.out(a.asJson ? json(r) : `${r.queue}/${r.job_id}: deleted\n`);
      },
    },
  },
};
