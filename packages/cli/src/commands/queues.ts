// `opsdeck queues list|get|pause|resume|retry|clean|promote` over the HTTP API.
import { CLEAN_STATES } from "@opsdeck/core";

import { type ApiBody, createApiClient } from "../api";
import { intOption, JSON_FLAG, seconds } from "../args";
import { command, type CommandGroup, usageError } from "../command";
import { json, keyValues, line, table } from "../output";

const BASE = "/api/v1/platform/system/queues/{queue_name}";
const queue = (name: string) => ({ params: { path: { queue_name: name } } });

type CleanState = ApiBody<"post", `${typeof BASE}/clean`>["state"];

const LIMIT = {
  type: "string",
  value: "N",
  help: "act on at most this many jobs (default 1000, at most 100000)",
} as const;
const DRY_RUN = { type: "boolean", default: false, help: "count what would change; change nothing" } as const;

function pauseCommand(action: "pause" | "resume") {
  return command({
    description: action === "pause" ? "Pause a queue (active jobs finish)" : "Resume a paused queue",
    args: ["queue"],
    flags: JSON_FLAG,
    examples: [`opsdeck queues ${action} email-sending`],
    async run({ values, args: [name] }, io) {
      const r = await createApiClient(io.env).post(`${BASE}/${action}`, queue(name));
      io.out(values.json ? json(r) : line`${r.queue}: ${r.status} (${r.timestamp})\n`);
    },
  });
}

export const queues: CommandGroup = {
  description: "Inspect and control BullMQ queues",
  commands: {
    list: command({
      description: "Every queue with its counts and status",
      flags: JSON_FLAG,
      examples: ["opsdeck queues list", "opsdeck queues list --json"],
      async run({ values }, io) {
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
    }),
    get: command({
      description: "One queue: counts per state, workers, limits, schedulers, last hour's throughput",
      args: ["queue"],
      flags: JSON_FLAG,
      examples: ["opsdeck queues get email-sending"],
      async run({ values, args: [name] }, io) {
        const q = await createApiClient(io.env).get(BASE, queue(name));
        if (values.json) return io.out(json(q));
        const done = q.throughput_last_60_minutes.reduce((n, m) => n + m.completed, 0);
        const failed = q.throughput_last_60_minutes.reduce((n, m) => n + m.failed, 0);
        const limit = q.global_rate_limit;
        io.out(
          keyValues([
            ["queue", q.name],
            ["status", `${q.status}${q.paused ? ", paused" : ""}`],
            ["priority", q.priority],
            ["defined by", q.catalog ? "Opsdeck (catalog)" : "discovered in Redis"],
            [
              "counts",
              Object.entries(q.counts)
                .map(([state, n]) => `${state} ${n}`)
                .join(", "),
            ],
            ["workers", q.workers],
            ["oldest waiting", q.oldest_waiting_age_seconds === null ? null : `${q.oldest_waiting_age_seconds} s`],
            ["concurrency", q.global_concurrency ?? "unlimited"],
            ["rate limit", limit ? `${limit.max} per ${limit.duration_ms} ms` : "none"],
            ["last 60 min", `${done} completed, ${failed} failed`],
            ["schedulers", q.schedulers.total],
          ]),
        );
        if (q.schedulers.items.length) {
          io.out(
            "\n" +
              table(
                ["SCHEDULER", "JOB NAME", "PATTERN / EVERY", "NEXT RUN"],
                q.schedulers.items.map((s) => [
                  s.id,
                  s.name,
                  s.pattern ?? (s.every === null ? null : `every ${s.every} ms`),
                  s.next_run_at,
                ]),
              ),
          );
        }
      },
    }),
    pause: pauseCommand("pause"),
    resume: pauseCommand("resume"),
    retry: command({
      description: "Retry failed (or completed) jobs in bulk, oldest first",
      args: ["queue"],
      flags: {
        state: { type: "string", default: "failed", value: "failed|completed", help: "which jobs to retry" },
        "older-than": {
          type: "string",
          value: "AGE",
          help: "only jobs that finished at least this long ago: 90s, 15m, 24h, 7d (or seconds)",
          field: "older_than_seconds",
        },
        limit: LIMIT,
        "dry-run": DRY_RUN,
        ...JSON_FLAG,
      },
      examples: [
        "opsdeck queues retry email-sending --dry-run",
        "opsdeck queues retry email-sending --older-than 1h --limit 500",
      ],
      async run({ values, args: [name] }, io) {
        const state = values.state;
        if (state !== "failed" && state !== "completed") {
          throw usageError(`--state must be failed or completed (got '${state}')`);
        }
        const r = await createApiClient(io.env).post(`${BASE}/retry`, {
          ...queue(name),
          body: {
            state,
            dry_run: values["dry-run"],
            older_than_seconds: seconds(values["older-than"], "older-than"),
            limit: intOption(values.limit, "limit"),
          },
        });
        if (values.json) return io.out(json(r));
        io.out(
          r.dry_run
            ? line`${r.queue}: ${r.matched} ${r.state} job(s) would be retried (dry run)\n`
            : keyValues([
                ["queue", r.queue],
                ["state", r.state],
                ["matched", r.matched],
                ["retried", r.retried],
              ]),
        );
      },
    }),
    clean: command({
      description: "Delete jobs in a state that are older than a grace period",
      args: ["queue"],
      flags: {
        state: {
          type: "string",
          required: true,
          value: "STATE",
          help: `which jobs: ${CLEAN_STATES.join(", ")}`,
        },
        grace: {
          type: "string",
          value: "AGE",
          help: "keep jobs newer than this: 90s, 15m, 24h, 7d (or seconds; default 0)",
          field: "grace_seconds",
        },
        limit: LIMIT,
        "dry-run": DRY_RUN,
        ...JSON_FLAG,
      },
      examples: [
        "opsdeck queues clean email-sending --state completed --grace 24h --dry-run",
        "opsdeck queues clean email-sending --state failed --grace 7d --limit 10000",
      ],
      async run({ values, args: [name] }, io) {
        const r = await createApiClient(io.env).post(`${BASE}/clean`, {
          ...queue(name),
          body: {
            // Passed through as apiEnum does: the API checks it (400, shown as --state's problem).
            state: values.state as CleanState,
            grace_seconds: seconds(values.grace, "grace"),
            limit: intOption(values.limit, "limit"),
            dry_run: values["dry-run"],
          },
        });
        if (values.json) return io.out(json(r));
        io.out(
          r.dry_run
            ? line`${r.queue}: ${r.matched} ${r.state} job(s) would be deleted (dry run)\n`
            : keyValues([
                ["queue", r.queue],
                ["state", r.state],
                ["matched", r.matched],
                ["deleted", r.deleted],
              ]),
        );
      },
    }),
    promote: command({
      description: "Move delayed jobs to waiting now",
      args: ["queue"],
      flags: { limit: LIMIT, "dry-run": DRY_RUN, ...JSON_FLAG },
      examples: ["opsdeck queues promote email-sending --dry-run", "opsdeck queues promote email-sending --limit 100"],
      async run({ values, args: [name] }, io) {
        const r = await createApiClient(io.env).post(`${BASE}/promote`, {
          ...queue(name),
          body: { limit: intOption(values.limit, "limit"), dry_run: values["dry-run"] },
        });
        if (values.json) return io.out(json(r));
        io.out(
          r.dry_run
            ? line`${r.queue}: ${r.matched} delayed job(s) would be promoted (dry run)\n`
            : keyValues([
                ["queue", r.queue],
                ["matched", r.matched],
                ["promoted", r.promoted],
              ]),
        );
      },
    }),
  },
};
