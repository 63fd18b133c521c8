// The migration runner and the schema: migrations apply once, are recorded in
// Prisma's _prisma_migrations (same checksum as `prisma migrate` computes),
// re-running is a no-op, and the migrated database matches schema.prisma.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { dropDatabase, ensureDatabase, migrate, readMigrations } from "../../packages/db/src";

const SERVER = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const url = `${SERVER}/opsdeck_test_migrate_${process.pid}_${Date.now().toString(36)}`;
let client: pg.Client;

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await dropDatabase(url);
});

it("applies every migration once and records it as prisma migrate would", async () => {
  const first = await migrate(url);
  const all = readMigrations();
  expect(first.applied).toEqual(all.map((m) => m.name));
  const second = await migrate(url);
  expect(second.applied).toEqual([]);
  const { rows } = await client.query(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
  );
  expect(rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
  for (const [i, r] of rows.entries()) {
    const sql = fs.readFileSync(path.resolve(__dirname, "../../prisma/migrations", r.migration_name, "migration.sql"));
    expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(r.finished_at).not.toBeNull();
    expect(r.applied_steps_count).toBe(1);
    expect(all[i]!.name).toBe(r.migration_name);
  }
});

it("two starters at once apply each migration exactly once", async () => {
  const other = `${url}_b`;
  await dropDatabase(other);
  await ensureDatabase(other);
  try {
    const [a, b] = await Promise.all([migrate(other), migrate(other)]);
    expect(a.applied.length + b.applied.length).toBe(readMigrations().length);
  } finally {
    await dropDatabase(other);
  }
});

/** Postgres types each Prisma scalar may map to. */
const TYPES: Record<string, string[]> = {
  String: ["text", "uuid", "character varying"],
  Int: ["integer", "smallint"],
  BigInt: ["bigint"],
  Float: ["double precision", "real"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone", "timestamp without time zone"],
  Json: ["jsonb", "json"],
  Decimal: ["numeric"],
};

it("matches schema.prisma: every model's table and columns exist with compatible types, and nothing extra", async () => {
  // The generated client carries the data model the schema describes (model → table, field → column).
  const cls = fs.readFileSync(
    path.resolve(__dirname, "../../packages/db/src/generated/prisma/internal/class.ts"),
    "utf8",
  );
  const m = /config\.runtimeDataModel = JSON\.parse\("(.*)"\)\n/.exec(cls);
  expect(m).not.toBeNull();
  const model = JSON.parse(JSON.parse(`"${m![1]}"`)) as {
    models: Record<
      string,
      { dbName: string | null; fields: { name: string; kind: string; type: string; dbName?: string }[] }
    >;
  };
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(
    `SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const byTable = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const type = r.data_type === "ARRAY" ? `${r.udt_name.replace(/^_/, "")}[]` : r.data_type;
    if (!byTable.has(r.table_name)) byTable.set(r.table_name, new Map());
    byTable.get(r.table_name)!.set(r.column_name, type);
  }
  const problems: string[] = [];
  for (const [name, def] of Object.entries(model.models)) {
    const table = def.dbName ?? name;
    const cols = byTable.get(table);
    if (!cols) {
      problems.push(`table ${table} (model ${name}) is missing`);
      continue;
    }
    const expected = new Set<string>();
    for (const f of def.fields.filter((x) => x.kind === "scalar")) {
      const col = f.dbName ?? f.name;
      expected.add(col);
      const actual = cols.get(col);
      if (!actual) problems.push(`${table}.${col} is missing`);
      else {
        const base = actual.endsWith("[]") ? actual.slice(0, -2) : actual;
        const ok =
          TYPES[f.type]?.some(
            (t) => base === t || (t === "text" && base === "text") || (base === "int4" && t === "integer"),
          ) ||
          (actual.endsWith("[]") && f.type === "String" && base === "text");
        if (!ok) problems.push(`${table}.${col} is ${actual}, schema says ${f.type}`);
      }
    }
    for (const col of cols.keys())
      if (!expected.has(col)) problems.push(`${table}.${col} exists but is not in schema.prisma`);
  }
  expect(problems).toEqual([]);
});
