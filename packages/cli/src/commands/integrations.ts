// `opsdeck integrations list|create|update|disable|test|status|ips` over the
// HTTP API: the SMTP integrations, their health overall and the sending IPs'
// reputation. Credentials are read from the environment (SMTP_USERNAME,
// SMTP_PASSWORD) rather than flags, so they never land in shell history or
// process listings; the API never returns them.
import { INTEGRATION_TYPES, TlsMode } from "@opsdeck/core";

import { type ApiBody, type ApiData, apiEnum, createApiClient } from "../api";
import { intOption, JSON_FLAG } from "../args";
import { CliError, command, type CommandGroup, type Io, usageError } from "../command";
import { json, keyValues, line, table } from "../output";

const BASE = "/api/v1/platform/system/email/integrations";
const one = (id: string) => ({ params: { path: { integration_id: id } } });

type IntegrationView = ApiData<"post", typeof BASE>;
/** The create body's fields, all optional: an update's body, or a create's once name, host and port are in. */
type Fields = Partial<ApiBody<"post", typeof BASE>>;

const FIELDS = {
  name: { type: "string", value: "NAME", help: "a unique name" },
  type: { type: "string", value: "TYPE", help: `the provider: ${INTEGRATION_TYPES.join(", ")}` },
  host: { type: "string", value: "HOST", help: "the SMTP server" },
  port: { type: "string", value: "PORT", help: "its port, e.g. 587" },
  tls: {
    type: "string",
    value: "MODE",
    help: `${TlsMode.options.join(", ")} (tls: implicit, port 465)`,
    field: "tls_mode",
  },
  weight: { type: "string", value: "N", help: "share of the traffic against the other integrations" },
  "sending-ip": {
    type: "string",
    multiple: true,
    value: "IP",
    help: "an IP it sends from (repeat for more)",
    field: "sending_ips",
  },
  credentials: {
    type: "boolean",
    default: false,
    help: "set the login from SMTP_USERNAME and SMTP_PASSWORD in the environment",
  },
  ...JSON_FLAG,
} as const;

type FieldValues = {
  name?: string | undefined;
  type?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  tls?: string | undefined;
  weight?: string | undefined;
  "sending-ip"?: string[] | undefined;
  credentials?: boolean | undefined;
};

/** The body fields given on the command line (only those). */
function body(v: FieldValues, io: Io): Fields {
  const b: Fields = {};
  if (v.name !== undefined) b.name = v.name;
  if (v.type !== undefined) b.type = apiEnum<NonNullable<Fields["type"]>>(v.type);
  if (v.host !== undefined) b.host = v.host;
  if (v.port !== undefined) b.port = intOption(v.port, "port");
  if (v.tls !== undefined) b.tls_mode = apiEnum<NonNullable<Fields["tls_mode"]>>(v.tls);
  if (v.weight !== undefined) b.weight = intOption(v.weight, "weight");
  if (v["sending-ip"] !== undefined) b.sending_ips = v["sending-ip"];
  if (v.credentials) {
    const { SMTP_USERNAME: username, SMTP_PASSWORD: password } = io.env;
    if (!username || !password) {
      throw usageError("--credentials reads SMTP_USERNAME and SMTP_PASSWORD from the environment; set both");
    }
    b.credentials = { username, password };
  }
  return b;
}

function show(i: IntegrationView): string {
  return keyValues([
    ["id", i.id],
    ["name", i.name],
    ["type", i.type],
    ["endpoint", `${i.host}:${i.port} (${i.tls_mode})`],
    ["credentials", i.has_credentials ? `set (key ${i.credentials_key_id})` : "none"],
    ["sending ips", i.sending_ips.join(", ") || "-"],
    ["weight", i.weight],
    ["enabled", i.enabled],
    ["health", `${i.health.status} (circuit ${i.health.circuit_state})`],
    ["last error", i.health.last_error ?? "-"],
  ]);
}

const ID = ["integration_id"] as const;

export const integrations: CommandGroup = {
  description: "SMTP integrations the email workers send through, and the sending IPs",
  commands: {
    list: command({
      description: "Every integration with its health (never its credentials)",
      flags: JSON_FLAG,
      examples: ["opsdeck integrations list"],
      async run({ values }, io) {
        const r = await createApiClient(io.env).get(BASE);
        if (values.json) return io.out(json(r.integrations));
        io.out(
          table(
            ["ID", "NAME", "TYPE", "ENDPOINT", "WEIGHT", "ENABLED", "HEALTH", "CIRCUIT", "ERROR RATE"],
            r.integrations.map((i) => [
              i.id,
              i.name,
              i.type,
              `${i.host}:${i.port}`,
              i.weight,
              i.enabled ? "yes" : "no",
              i.health.status,
              i.health.circuit_state,
              i.health.error_rate === null ? "-" : `${Math.round(i.health.error_rate * 100)}%`,
            ]),
          ),
        );
      },
    }),
    create: command({
      description: "Add an integration (--credentials: SMTP_USERNAME/SMTP_PASSWORD from the environment)",
      flags: {
        ...FIELDS,
        name: { ...FIELDS.name, required: true },
        host: { ...FIELDS.host, required: true },
        port: { ...FIELDS.port, required: true },
      },
      examples: [
        "opsdeck integrations create --name relay-1 --host smtp.example.com --port 587 --tls starttls --credentials",
      ],
      async run({ values }, io) {
        const r = await createApiClient(io.env).post(BASE, {
          body: { ...body(values, io), name: values.name, host: values.host, port: intOption(values.port, "port") },
        });
        io.out(values.json ? json(r) : show(r));
      },
    }),
    update: command({
      description: "Change an integration; --enable turns a disabled one back on",
      args: ID,
      flags: { ...FIELDS, enable: { type: "boolean", default: false, help: "turn it back on", field: "enabled" } },
      examples: [
        "opsdeck integrations update 0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70 --weight 5",
        "opsdeck integrations update 0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70 --enable",
      ],
      async run({ values, args: [id] }, io) {
        const b = body(values, io);
        if (values.enable) b.enabled = true;
        if (Object.keys(b).length === 0) throw usageError("nothing to change: give at least one flag, e.g. --weight 5");
        const r = await createApiClient(io.env).patch(`${BASE}/{integration_id}`, { ...one(id), body: b });
        io.out(values.json ? json(r) : show(r));
      },
    }),
    disable: command({
      description: "Stop sending through an integration",
      args: ID,
      flags: JSON_FLAG,
      examples: ["opsdeck integrations disable 0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70"],
      async run({ values, args: [id] }, io) {
        const r = await createApiClient(io.env).post(`${BASE}/{integration_id}/disable`, one(id));
        io.out(values.json ? json(r) : show(r));
      },
    }),
    test: command({
      description: "Live check: connect, EHLO, STARTTLS and AUTH as configured",
      args: ID,
      flags: JSON_FLAG,
      examples: ["opsdeck integrations test 0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70"],
      async run({ values, args: [id] }, io) {
        const r = await createApiClient(io.env).post(`${BASE}/{integration_id}/test`, one(id));
        if (values.json) io.out(json(r));
        if (!r.ok) throw new CliError("check_failed", `failed after ${r.latency_ms} ms: ${r.error ?? "unknown error"}`);
        if (!values.json) io.out(`ok (${r.latency_ms} ms)\n`);
      },
    }),
    status: command({
      description: "Health of the integrations, overall and by type",
      flags: JSON_FLAG,
      examples: ["opsdeck integrations status"],
      async run({ values }, io) {
        // /status is not enveloped: {status, data}.
        const r = await createApiClient(io.env).get("/status");
        if (values.json) return io.out(json(r));
        const d = r.data;
        io.out(line`${r.status}: ${d.healthy_integrations_count} of ${d.total_integrations_count} healthy\n\n`);
        io.out(
          table(
            ["TYPE", "STATUS", "HEALTHY", "TOTAL"],
            Object.entries(d.stats_by_integration_type).map(([type, s]) => [
              type,
              s.status,
              s.healthy_count,
              s.total_count,
            ]),
          ),
        );
      },
    }),
    ips: command({
      description: "Sending IPs: reputation score, DNSBL listings, today's volume, the last 7 days",
      flags: JSON_FLAG,
      examples: ["opsdeck integrations ips"],
      async run({ values }, io) {
        const r = await createApiClient(io.env).get("/api/v1/platform/system/infrastructure/ip-reputation");
        if (values.json) return io.out(json(r.ips));
        io.out(
          table(
            ["IP", "PROVIDER", "STATUS", "SCORE", "TODAY", "7D SENT", "BOUNCED", "COMPLAINTS", "DEFERRED", "LISTED ON"],
            r.ips.map((ip) => [
              ip.ip_address,
              ip.provider,
              ip.status,
              ip.reputation_score,
              ip.daily_volume,
              ip.last_7_days.messages,
              ip.last_7_days.bounced,
              ip.last_7_days.complaints,
              ip.last_7_days.deferred,
              ip.blacklists.join(", ") || "-",
            ]),
          ),
        );
      },
    }),
  },
};
