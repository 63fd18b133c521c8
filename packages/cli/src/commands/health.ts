// `opsdeck health [services|metrics]` over the HTTP API: each service's
// health now (API, workers, SMTP, Postgres, Redis) and the platform's metrics.
import { type ApiData, createApiClient } from "../api";
import { JSON_FLAG } from "../args";
import { command, type CommandGroup } from "../command";
import { json, keyValues, line, table } from "../output";

type Service = ApiData<"get", "/api/v1/platform/system/infrastructure/health">["services"][number];

const ms = (v: number | null) => (v === null ? "-" : `${Math.round(v)} ms`);
const mb = (bytes: number | null) => (bytes === null ? "-" : `${(bytes / 1_048_576).toFixed(1)} MB`);

/** The measurements of one service, in a line. */
function detail(s: Service): string {
  switch (s.name) {
    case "API Server":
      return `${s.requests} requests/5 min, avg ${ms(s.response_time_ms.avg)}, p95 ${ms(s.response_time_ms.p95)}, ${s.error_rate_percent}% 5xx`;
    case "Workers":
      return `${s.online} online; ${s.queues.map((q) => `${q.queue} ${q.online}`).join(", ") || "no queues"}`;
    case "SMTP Service":
      return (
        `backlog ${s.queue_backlog ?? "-"}; ` +
        (s.integrations
          ? `${s.integrations.healthy}/${s.integrations.enabled} enabled integrations healthy (${s.integrations.total} in all)`
          : "no integrations")
      );
    case "OLTP Database":
      return `query ${ms(s.query_latency_ms)}, pool ${s.pool.total}/${s.pool.max} (${s.pool.waiting} waiting)`;
    case "Redis":
      return (
        `ping ${ms(s.latency_ms)}, memory ${mb(s.used_memory_bytes)}` +
        `${s.maxmemory_bytes ? ` of ${mb(s.maxmemory_bytes)}` : ""}, policy ${s.maxmemory_policy ?? "-"}, ` +
        `${s.connected_clients ?? "-"} clients`
      );
  }
}

export const health: CommandGroup = {
  description: "Health of the services, and the platform's metrics",
  default: "services",
  commands: {
    services: command({
      description: "Each service's health now: API, workers, SMTP, Postgres, Redis",
      flags: JSON_FLAG,
      examples: ["opsdeck health", "opsdeck health services --json"],
      async run({ values }, io) {
        const r = await createApiClient(io.env).get("/api/v1/platform/system/infrastructure/health");
        if (values.json) return io.out(json(r));
        io.out(
          table(
            ["SERVICE", "STATUS", "DETAIL", "REASON"],
            r.services.map((s) => [s.name, s.status, detail(s), s.reason]),
          ) + line`checked at ${r.checked_at}\n`,
        );
      },
    }),
    metrics: command({
      description: "Workers, jobs finished, uptime, API performance and storage",
      flags: JSON_FLAG,
      examples: ["opsdeck health metrics"],
      async run({ values }, io) {
        const { metrics: m } = await createApiClient(io.env).get("/api/v1/platform/metrics");
        if (values.json) return io.out(json(m));
        io.out(
          keyValues([
            ["workers", `${m.workers.active} active, ${m.workers.inactive} stopped, ${m.workers.failed} lost (7 days)`],
            [
              "jobs finished",
              `${m.jobs.today} today (${m.jobs.failedToday} failed), ${m.jobs.thisWeek} this week, ${m.jobs.thisMonth} this month`,
            ],
            ["platform uptime", `${m.uptime.platformUptime}% (24 h)`],
            ["worker uptime", `${m.uptime.averageWorkerUptime}% average (24 h)`],
            ["api uptime", `${m.uptime.apiUptimeSeconds} s`],
            [
              "api (24 h)",
              `avg ${ms(m.performance.averageResponseTime)}, ${m.performance.successRate} ok, ${m.performance.errorRate} 5xx`,
            ],
            [
              "storage",
              `${m.storage.used} MB used` +
                (m.storage.total === null ? "" : ` of ${m.storage.total} MB (${m.storage.percentUsed ?? "-"}%)`),
            ],
          ]),
        );
      },
    }),
  },
};
