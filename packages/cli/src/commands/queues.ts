// `opsdeck queues list|pause|resume|retry` over the HTTP API.
import { type ApiBody, createApiClient } from "../api";
import { intOption, JSON_FLAG, parse } from "../args";
import { type CommandGroup, type Io, usageError } from "../command";
import { json, keyValues, table } from "../output";

const queue = (name: string) => ({ params: { path: { queue_name: name } } });

function pauseCommand(action: "pause" | "resume") {
  return {
    usage: `${action} <queue> [--json]`,
    description: action === "pause" ? "Pause a queue (active jobs finish)" : "Resume a paused queue",
    async run(args: string[], io: Io) {
      const { values, positionals } = parse(args, JSON_FLAG, ["queue"]);
      const r = await createApiClient(io.env).post(
        `/api/v1/platform/system/queues/{queue_name}/${action}`,
        queue(positionals[0] as string),
      );
      io.out(values.json ? json(r) : `${r.queue}: ${r.status} (${r.timestamp})\n`);
    },
  };
}

export const queues: CommandGroup = {
  description: "Inspect and control BullMQ queues",
  commands: {
    list: {
      usage: "list [--json]",
      description: "Every queue with its counts and status",
      async run(args, io) {
        const { values } = parse(args, JSON_FLAG, []);
        const r = await createApiClient(io.env).get("/api/v1/platform/system/queues");
        if (values.json) return io.out(json(r.queues));
        io.out(
          table(
            [
              "QUEUE",
              "STATUS",
              "PAUSED",
              "WAITING",
              "ACTIVE",
              "DELAYED",
              "FAILED",
              "DONE/1H",
              "WORKERS",
              "STALLED",
              "OLDEST(S)",
            ],
            r.queues.map((x) => [
              x.name,
              x.status,
              x.paused ? "yes" : "no",
              x.waiting_jobs,
              x.active_jobs,
              x.delayed_jobs,
              x.failed_jobs,
              x.completed_last_hour,
              x.workers,
              x.stalled_jobs,
              x.oldest_waiting_age_seconds,
            ]),
          ),
        );
      },
    },
    pause: pauseCommand("pause"),
    resume: pauseCommand("resume"),
    retry: {
      usage: "retry <queue> [--state failed|completed] [--older-than SECONDS] [--limit N] [--dry-run] [--json]",
      description: "Retry failed (or completed) jobs in bulk, oldest first",
      async run(args, io) {
        const { values, positionals } = parse(
          args,
          {
            ...JSON_FLAG,
            state: { type: "string", default: "failed" },
            "older-than": { type: "string" },
            limit: { type: "string" },
            "dry-run": { type: "boolean", default: false },
          },
          ["queue"],
        );
        const state = values.state;
        if (state !== "failed" && state !== "completed") throw usageError("--state must be failed or completed");
        const body: ApiBody<"post", "/api/v1/platform/system/queues/{queue_name}/retry"> = {
          state,
          dry_run: values["dry-run"],
          older_than_seconds: intOption(values["older-than"], "older-than"),
          limit: intOption(values.limit, "limit"),
        };
        const r = await createApiClient(io.env).post("/api/v1/platform/system/queues/{queue_name}/retry", {
          ...queue(positionals[0] as string),
          body,
        });
        if (values.json) return io.out(json(r));
        io.out(
          r.dry_run
            ? `${r.queue}: ${r.matched} ${r.state} job(s) would be retried (dry run)\n`
            : keyValues([
                ["queue", r.queue],
                ["state", r.state],
                ["matched", r.matched],
                ["retried", r.retried],
              ]),
        );
      },
    },
  },
};
