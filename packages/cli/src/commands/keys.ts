// `opsdeck keys create|list|revoke|rotate` — key administration straight
// against the database (DATABASE_URL), so it works before the API runs and
// without a key (key bootstrap talks to the database). A new key is printed
// once, to stdout, and never again. Every change is audited as the API audits
// it — key.create / key.revoke / key.rotate on key:<id>, success or failure
// with its code — with the OS user as the actor.
import os from "node:os";

import {
  auditTarget,
  effectivePermissions,
  PERMISSIONS,
  permissionsOutsideRole,
  type Role,
  ROLES,
} from "@opsdeck/core";
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

import { JSON_FLAG, seconds } from "../args";
import { CliError, command, type CommandGroup, type Io, usageError } from "../command";
import { json, table } from "../output";

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
type Row = ReturnType<typeof row>;

const COLUMNS = ["id", "name", "role", "key", "status", "expires_at", "last_used_at"] as const;

/** A key change's result, and what its audit entry learns from it (a created key's id is known only then). */
interface Changed<T> {
  result: T;
  target?: string;
  parameters?: Record<string, unknown>;
}

/** Runs one key change and records it on `target`: success, or failure with its code (then rethrown). */
type Audit = <T>(
  action: string,
  target: string,
  parameters: Record<string, unknown>,
  change: () => Promise<Changed<T>>,
) => Promise<T>;

/** Opens the database, runs `fn`, always closes. */
async function withDb<T>(io: Io, fn: (db: Db, audit: Audit) => Promise<T>): Promise<T> {
  const db = createDb({ url: io.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/opsdeck", max: 1 });
  const actor = `cli (${os.userInfo().username}@${os.hostname()})`;
  async function audit<R>(
    action: string,
    target: string,
    parameters: Record<string, unknown>,
    change: () => Promise<Changed<R>>,
  ): Promise<R> {
    let done: Changed<R>;
    try {
      done = await change();
    } catch (err) {
      const error = err instanceof CliError ? err.code : "database";
      // The change's own error is what the user needs to see, even when recording it fails too.
      await recordAudit(db.prisma, { actor, action, target, parameters, outcome: "failure", error }).catch(() => {});
      throw err;
    }
    await recordAudit(db.prisma, {
      actor,
      action,
      target: done.target ?? target,
      parameters: { ...parameters, ...done.parameters },
      outcome: "success",
    });
    return done.result;
  }
  try {
    return await fn(db, audit);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError("database", (err as Error).message.split("\n").filter(Boolean).pop() ?? "database error");
  } finally {
    await db.close();
  }
}

function keyId(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw usageError(`'${id}' is not a key id: give the uuid in the id column of \`opsdeck keys list\``);
  }
  return id;
}

function show(io: Io, asJson: boolean, rows: Row[], raw?: string) {
  if (asJson) return io.out(json(raw ? { ...rows[0], raw_key: raw } : rows.length === 1 ? rows[0] : rows));
  io.out(
    table(
      [...COLUMNS],
      rows.map((r) => COLUMNS.map((c) => r[c])),
    ) + (raw ? `\nkey (shown once, store it now):\n${raw}\n` : ""),
  );
}

const KEY_ID = ["key_id"] as const;

export const keys: CommandGroup = {
  description: "API keys, straight in the database (DATABASE_URL); works before the API runs",
  commands: {
    list: command({
      description: "List keys (never the keys themselves)",
      flags: { all: { type: "boolean", default: false, help: "include revoked keys" }, ...JSON_FLAG },
      examples: ["opsdeck keys list", "opsdeck keys list --all --json"],
      async run({ values }, io) {
        await withDb(io, async (db) => {
          const rows = (await listKeys(db.prisma, { includeRevoked: values.all })).map(row);
          if (values.json) io.out(json(rows));
          else show(io, false, rows);
        });
      },
    }),
    create: command({
      description: "Create a key and print it once",
      flags: {
        name: { type: "string", required: true, value: "NAME", help: "who or what holds it, e.g. ci-deploy" },
        role: { type: "string", required: true, value: "ROLE", help: `one of ${ROLES.join(", ")}` },
        permissions: {
          type: "string",
          value: "P1,P2",
          help: "narrow the role to these permissions (comma-separated)",
        },
        "expires-in": { type: "string", value: "AGE", help: "expire after 90s, 15m, 24h, 30d (default: never)" },
        "external-id": { type: "string", value: "ID", help: "an integration key's partner id, e.g. store_001" },
        ...JSON_FLAG,
      },
      examples: [
        "opsdeck keys create --name alice --role viewer",
        "opsdeck keys create --name store-1 --role integration --external-id store_001 --expires-in 90d",
      ],
      async run({ values }, io) {
        const role = values.role;
        if (!(ROLES as readonly string[]).includes(role)) {
          throw usageError(`--role '${role}' is not a role; use one of: ${ROLES.join(", ")}`);
        }
        const permissions = values.permissions ? values.permissions.split(",").map((p) => p.trim()) : [];
        const unknown = permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
        if (unknown.length) {
          throw usageError(`unknown permissions: ${unknown.join(", ")}; the permissions are ${PERMISSIONS.join(", ")}`);
        }
        const outside = permissionsOutsideRole(role as Role, permissions);
        if (outside.length) throw usageError(`role ${role} does not grant: ${outside.join(", ")}`);
        const expiresIn = seconds(values["expires-in"], "expires-in");
        await withDb(io, async (db, audit) => {
          const params = { name: values.name, role, permissions };
          const { key, raw } = await audit("key.create", auditTarget.key(null), params, async () => {
            const created = await createKey(db.prisma, {
              name: values.name,
              role: role as Role,
              permissions,
              expiresAt: expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000),
              externalId: values["external-id"] ?? null,
              createdBy: "cli",
            });
            return { result: created, target: auditTarget.key(created.key.id) };
          });
          show(io, values.json, [row(key)], raw);
        });
      },
    }),
    revoke: command({
      description: "Revoke a key at once",
      args: KEY_ID,
      flags: JSON_FLAG,
      examples: ["opsdeck keys revoke 0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70"],
      async run({ values, args: [given] }, io) {
        const id = keyId(given);
        await withDb(io, async (db, audit) => {
          const key = await audit("key.revoke", auditTarget.key(id), {}, async () => {
            const revoked = await revokeKey(db.prisma, id);
            if (!revoked) throw new CliError("key_not_found", `no key ${id}`);
            return { result: revoked };
          });
          show(io, values.json, [row(key)]);
        });
      },
    }),
    rotate: command({
      description: "Issue a replacement; the old key keeps working for the grace period",
      args: KEY_ID,
      flags: {
        grace: {
          type: "string",
          default: "24h",
          value: "AGE",
          help: "how long the old key keeps working: 0s, 15m, 24h…",
        },
        ...JSON_FLAG,
      },
      examples: ["opsdeck keys rotate 0b6f3c1e-5d2a-4c8e-9f1a-2b3c4d5e6f70 --grace 1h"],
      async run({ values, args: [given] }, io) {
        const id = keyId(given);
        const grace = seconds(values.grace, "grace");
        await withDb(io, async (db, audit) => {
          const r = await audit("key.rotate", auditTarget.key(id), { grace_seconds: grace }, async () => {
            const rotated = await rotateKey(db.prisma, id, grace, "cli").catch((err: unknown) => {
              if (err instanceof KeyInactiveError) throw new CliError("key_inactive", err.message);
              throw err;
            });
            if (!rotated) throw new CliError("key_not_found", `no key ${id}`);
            return { result: rotated, parameters: { new_key_id: rotated.created.key.id } };
          });
          show(io, values.json, [row(r.created.key), row(r.old)], r.created.raw);
        });
      },
    }),
  },
};
