// `opsdeck keys create|list|revoke|rotate` — key administration straight
// against the database (DATABASE_URL), so it works before the API runs and
// without a key (SPEC §10: key bootstrap talks to the database). A new key is
// printed once, to stdout, and never again. Every change is audited with the
// OS user as the actor.
import os from "node:os";
import { parseArgs } from "node:util";

import { effectivePermissions, PERMISSIONS, permissionsOutsideRole, type Role, ROLES } from "@opsdeck/core";
import {
  type ApiKeyRecord,
  createDb,
  createKey,
  type Db,
  KeyInactiveError,
  keyIsActive,
  listKeys,
  recordAudit,
  revokeKey,
  rotateKey,
} from "@opsdeck/db";

import { CliError, type CommandGroup, type Io, usageError } from "../command";

/** "90s", "15m", "24h", "30d" → seconds. */
export function parseDuration(s: string): number {
  const m = /^(\d{1,9})([smhd])$/.exec(s);
  if (!m) throw new Error(`bad duration '${s}' (use e.g. 90s, 15m, 24h, 30d)`);
  return Number(m[1]) * { s: 1, m: 60, h: 3_600, d: 86_400 }[m[2] as "s" | "m" | "h" | "d"];
}

function status(k: ApiKeyRecord): string {
  return k.revokedAt ? "revoked" : keyIsActive(k) ? "active" : "expired";
}

function row(k: ApiKeyRecord) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    permissions: effectivePermissions(k.role as Role, k.permissions),
    key: `${k.prefix}…${k.last4}`,
    status: status(k),
    created_at: k.createdAt.toISOString(),
    expires_at: k.expiresAt?.toISOString() ?? null,
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
  };
}

function table(rows: ReturnType<typeof row>[]): string {
  const cols = ["id", "name", "role", "key", "status", "expires_at", "last_used_at"] as const;
  const cell = (r: ReturnType<typeof row>, c: (typeof cols)[number]) => String(r[c] ?? "-");
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line([...cols]), ...rows.map((r) => line(cols.map((c) => cell(r, c))))].join("\n");
}

const OPTIONS = {
  name: { type: "string" },
  role: { type: "string" },
  permissions: { type: "string" },
  "expires-in": { type: "string" },
  "external-id": { type: "string" },
  grace: { type: "string" },
  all: { type: "boolean" },
  json: { type: "boolean" },
} as const;

type Values = ReturnType<typeof parse>["values"];

function parse(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    throw usageError((err as Error).message);
  }
}

/** Opens the database, runs `fn`, always closes. */
async function withDb<T>(io: Io, fn: (db: Db, audit: Audit) => Promise<T>): Promise<T> {
  const db = createDb({ url: io.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/opsdeck", max: 1 });
  const actor = `cli (${os.userInfo().username}@${os.hostname()})`;
  const audit: Audit = (action, target, parameters) =>
    recordAudit(db.prisma, { actor, action, target, parameters, outcome: "success" });
  try {
    return await fn(db, audit);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError("database", (err as Error).message.split("\n").filter(Boolean).pop() ?? "database error");
  } finally {
    await db.close();
  }
}
type Audit = (action: string, target: string, parameters: Record<string, unknown>) => Promise<void>;

function keyId(positionals: string[]): string {
  const id = positionals[0];
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw usageError("a KEY_ID (uuid, see `opsdeck keys list`) is required");
  }
  return id;
}

function show(io: Io, values: Values, rows: ReturnType<typeof row>[], raw?: string) {
  if (values.json)
    io.out(`${JSON.stringify(raw ? { ...rows[0], raw_key: raw } : rows.length === 1 ? rows[0] : rows, null, 2)}\n`);
  else io.out(`${table(rows)}\n${raw ? `\nkey (shown once, store it now):\n${raw}\n` : ""}`);
}

export const keys: CommandGroup = {
  description: "API keys, straight in the database (DATABASE_URL); works before the API runs",
  commands: {
    list: {
      usage: "list [--all] [--json]",
      description: "list keys (never the keys themselves)",
      async run(args, io) {
        const { values } = parse(args);
        await withDb(io, async (db) => {
          const rows = (await listKeys(db.prisma, { includeRevoked: values.all ?? false })).map(row);
          if (values.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
          else io.out(`${table(rows)}\n`);
        });
      },
    },
    create: {
      usage:
        "create --name NAME --role ops|viewer|integration [--permissions p1,p2] [--expires-in 30d] [--external-id ID]",
      description: "create a key and print it once",
      async run(args, io) {
        const { values } = parse(args);
        if (!values.name || !values.role || !(ROLES as readonly string[]).includes(values.role)) {
          throw usageError(`--name and --role (${ROLES.join("|")}) are required`);
        }
        const permissions = values.permissions ? values.permissions.split(",").map((p) => p.trim()) : [];
        const unknown = permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
        if (unknown.length) throw usageError(`unknown permissions: ${unknown.join(", ")}`);
        const outside = permissionsOutsideRole(values.role as Role, permissions);
        if (outside.length) throw usageError(`role ${values.role} does not grant: ${outside.join(", ")}`);
        let expiresAt: Date | null = null;
        try {
          if (values["expires-in"]) expiresAt = new Date(Date.now() + parseDuration(values["expires-in"]) * 1000);
        } catch (err) {
          throw usageError((err as Error).message);
        }
        await withDb(io, async (db, audit) => {
          const { key, raw } = await createKey(db.prisma, {
            name: values.name!,
            role: values.role as Role,
            permissions,
            expiresAt,
            externalId: values["external-id"] ?? null,
            createdBy: "cli",
          });
          await audit("key.create", `key:${key.id}`, { name: key.name, role: key.role, permissions });
          show(io, values, [row(key)], raw);
        });
      },
    },
    revoke: {
      usage: "revoke KEY_ID",
      description: "revoke a key at once",
      async run(args, io) {
        const { values, positionals } = parse(args);
        const id = keyId(positionals);
        await withDb(io, async (db, audit) => {
          const key = await revokeKey(db.prisma, id);
          if (!key) throw new CliError("key_not_found", `no key ${id}`);
          await audit("key.revoke", `key:${id}`, {});
          show(io, values, [row(key)]);
        });
      },
    },
    rotate: {
      usage: "rotate KEY_ID [--grace 24h]",
      description: "issue a replacement; the old key works for the grace period",
      async run(args, io) {
        const { values, positionals } = parse(args);
        const id = keyId(positionals);
        let grace: number;
        try {
          grace = parseDuration(values.grace ?? "24h");
        } catch (err) {
          throw usageError((err as Error).message);
        }
        await withDb(io, async (db, audit) => {
          const r = await rotateKey(db.prisma, id, grace, "cli").catch((err: unknown) => {
            if (err instanceof KeyInactiveError) throw new CliError("key_inactive", err.message);
            throw err;
          });
          if (!r) throw new CliError("key_not_found", `no key ${id}`);
          await audit("key.rotate", `key:${id}`, { grace_seconds: grace, new_key_id: r.created.key.id });
          show(io, values, [row(r.created.key), row(r.old)], r.created.raw);
        });
      },
    },
  },
};
