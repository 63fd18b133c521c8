// `opsdeck alerts list|ack` over the HTTP API: the alerts the worker's rules
// raise (queue backlog, failure rate, no workers, blacklisted IPs…).
import { AlertSeverity } from "@opsdeck/core";

import { apiEnum, type ApiQuery, createApiClient } from "../api";
import { intOption, JSON_FLAG } from "../args";
import { command, type CommandGroup } from "../command";
import { json, keyValues, line, table } from "../output";

const BASE = "/api/v1/platform/system/infrastructure/alerts";
type Severity = NonNullable<ApiQuery<"get", typeof BASE>["severity"]>;

export const alerts: CommandGroup = {
  description: "Infrastructure alerts: list and acknowledge",
  commands: {
    list: command({
      description: "Alerts open now or active in the last hours, newest first",
      flags: {
        hours: { type: "string", value: "N", help: "how far back, hours (default 24, at most 168)" },
        severity: { type: "string", value: "LEVEL", help: `only this severity: ${AlertSeverity.options.join(", ")}` },
        ...JSON_FLAG,
      },
      examples: ["opsdeck alerts list", "opsdeck alerts list --severity error --hours 72"],
      async run({ values }, io) {
        const r = await createApiClient(io.env).get(BASE, {
          params: { query: { hours: intOption(values.hours, "hours"), severity: apiEnum<Severity>(values.severity) } },
        });
        if (values.json) return io.out(json(r.alerts));
        io.out(
          table(
            ["ID", "OPENED", "SEVERITY", "SERVICE", "SUBJECT", "STATE", "MESSAGE"],
            r.alerts.map((a) => [
              a.id,
              a.timestamp,
              a.severity,
              a.service,
              a.subject,
              `${a.resolved_at ? "resolved" : "open"}${a.acknowledged ? ", acked" : ""}`,
              a.message,
            ]),
          ),
        );
      },
    }),
    ack: command({
      description: "Acknowledge an alert (records who and when; a second ack keeps the first)",
      args: ["alert_id"],
      flags: JSON_FLAG,
      examples: ["opsdeck alerts ack alert_42"],
      async run({ values, args: [id] }, io) {
        const a = await createApiClient(io.env).post(`${BASE}/{id}/acknowledge`, { params: { path: { id } } });
        if (values.json) return io.out(json(a));
        io.out(
          line`${a.id}: acknowledged by ${a.acknowledged_by} at ${a.acknowledged_at}\n` +
            keyValues([
              ["severity", a.severity],
              ["service", a.service],
              ["subject", a.subject],
              ["message", a.message],
              ["opened", a.timestamp],
              ["resolved", a.resolved_at],
            ]),
        );
      },
    }),
  },
};
