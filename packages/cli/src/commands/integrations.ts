// `opsdeck integrations list|create|update|disable|test` over the HTTP API
// (SPEC §9 SMTP integrations). Credentials are read from the environment
// (SMTP_USERNAME, SMTP_PASSWORD) rather than flags, so they never land in
// shell history or process listings; the API never returns them.
import { type ApiBody, type ApiData, apiEnum, createApiClient } from "../api";
import { intOption, JSON_FLAG, parse } from "../args";
import { CliError, type CommandGroup, type Io, usageError } from "../command";
import { json, keyValues, table } from "../output";

const BASE = "/api/v1/platform/system/email/integrations";
const one = (id: string) => ({ params: { path: { integration_id: id } } });

type IntegrationView = ApiData<"post", typeof BASE>;
/** The create body's fields, all optional: an update's body, or a create's once name, host and port are in. */
type Fields = Partial<ApiBody<"post", typeof BASE>>;

const FIELDS = {
  name: { type: "string" },
  type: { type: "string" },
  host: { type: "string" },
  port: { type: "string" },
  tls: { type: "string" },
  weight: { type: "string" },
  "sending-ip": { type: "string", multiple: true },
  credentials: { type: "boolean", default: false },
  ...JSON_FLAG,
} as const;

type FieldValues = {
  name?: string;
  type?: string;
  host?: string;
  port?: string;
  tls?: string;
  weight?: string;
  "sending-ip"?: string[];
  credentials?: boolean;
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
    if (!username || !password)
      throw usageError("--credentials reads SMTP_USERNAME and SMTP_PASSWORD from the environment");
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

export const integrations: CommandGroup = {
  description: "SMTP integrations the email workers send through",
  commands: {
    list: {
      usage: "list [--json]",
      description: "Every integration with its health (never its credentials)",
      async run(args, io) {
        const { values } = parse(args, JSON_FLAG, []);
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
    },
    create: {
      usage:
        "create --name <n> --host <h> --port <p> [--type smtp|ses|…] [--tls none|starttls|tls] [--weight <w>] [--sending-ip <ip>]… [--credentials] [--json]",
      description: "Add an integration (--credentials: SMTP_USERNAME/SMTP_PASSWORD from the environment)",
      async run(args, io) {
        const { values } = parse(args, FIELDS, []);
        const required = (f: "name" | "host" | "port") => {
          const value = values[f];
          if (value === undefined) throw usageError(`--${f} is required`);
          return value;
        };
        const [name, host, port] = [required("name"), required("host"), required("port")];
        const b = { ...body(values, io), name, host, port: intOption(port, "port") };
        const r = await createApiClient(io.env).post(BASE, { body: b });
        io.out(values.json ? json(r) : show(r));
      },
    },
    update: {
      usage:
        "update <id> [--name …] [--host …] [--port …] [--type …] [--tls …] [--weight …] [--sending-ip …]… [--credentials] [--enable] [--json]",
      description: "Change an integration; --enable turns a disabled one back on",
      async run(args, io) {
        const { values, positionals } = parse(args, { ...FIELDS, enable: { type: "boolean", default: false } }, ["id"]);
        const b = body(values, io);
        if (values.enable) b.enabled = true;
        if (Object.keys(b).length === 0) throw usageError("nothing to change");
        const r = await createApiClient(io.env).patch(`${BASE}/{integration_id}`, {
          ...one(positionals[0] as string),
          body: b,
        });
        io.out(values.json ? json(r) : show(r));
      },
    },
    disable: {
      usage: "disable <id> [--json]",
      description: "Stop sending through an integration",
      async run(args, io) {
        const { values, positionals } = parse(args, JSON_FLAG, ["id"]);
        const r = await createApiClient(io.env).post(`${BASE}/{integration_id}/disable`, one(positionals[0] as string));
        io.out(values.json ? json(r) : show(r));
      },
    },
    test: {
      usage: "test <id> [--json]",
      description: "Live check: connect, EHLO, STARTTLS and AUTH as configured",
      async run(args, io) {
        const { values, positionals } = parse(args, JSON_FLAG, ["id"]);
        const r = await createApiClient(io.env).post(`${BASE}/{integration_id}/test`, one(positionals[0] as string));
        if (values.json) io.out(json(r));
        if (!r.ok) throw new CliError("check_failed", `failed after ${r.latency_ms} ms: ${r.error ?? "unknown error"}`);
        if (!values.json) io.out(`ok (${r.latency_ms} ms)\n`);
      },
    },
  },
};
