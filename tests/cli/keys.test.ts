// `opsdeck keys …` as a user runs it (the real bin, against the database):
// a new key is printed once and works against the API; list never shows a
// key; rotate and revoke take effect (rotation never revives an expired or
// revoked key); every change is audited.
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";

import request from "supertest";

import { createKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "packages/cli/bin/opsdeck.js");
let t: TestApp;

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "packages/cli/tsconfig.build.json"],
    { cwd: ROOT },
  );
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, "keys", ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: t.env.databaseUrl } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it("creates a key that works, shown once; list never shows it", async () => {
  const r = await cli(["create", "--name", "ci-viewer", "--role", "viewer", "--expires-in", "30d", "--json"]);
  expect(r.code).toBe(0);
  const created = JSON.parse(r.stdout) as { id: string; raw_key: string; role: string; expires_at: string };
  expect(created.raw_key).toMatch(/^odk_live_/);
  expect(Date.parse(created.expires_at)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  expect((await request(t.app).get("/api/integration").set("X-API-Key", created.raw_key)).status).toBe(200);

  const list = await cli(["list"]);
  expect(list.code).toBe(0);
  expect(list.stdout).toContain("ci-viewer");
  expect(list.stdout).not.toContain(created.raw_key);

  const table = await cli(["create", "--name", "ci-ops", "--role", "ops"]);
  expect(table.stdout).toMatch(/key \(shown once, store it now\):\nodk_live_\S+\n/);
});

it("rotates and revokes, and audits both", async () => {
  const created = JSON.parse((await cli(["create", "--name", "ci-rot", "--role", "integration", "--json"])).stdout) as {
    id: string;
    raw_key: string;
  };
  const rotated = await cli(["rotate", created.id, "--grace", "0s", "--json"]);
  expect(rotated.code).toBe(0);
  const fresh = JSON.parse(rotated.stdout) as { raw_key: string; id: string };
  expect((await request(t.app).get("/api/integration").set("X-API-Key", fresh.raw_key)).status).toBe(200);
  expect((await request(t.app).get("/api/integration").set("X-API-Key", created.raw_key)).status).toBe(401);

  expect((await cli(["revoke", fresh.id])).code).toBe(0);
  t.deps.keys.invalidate();
  expect((await request(t.app).get("/api/integration").set("X-API-Key", fresh.raw_key)).status).toBe(401);

  const actions = (await t.deps.db.prisma.auditEvent.findMany({ where: { actor: { startsWith: "cli (" } } })).map(
    (e) => e.action,
  );
  expect(actions).toEqual(expect.arrayContaining(["key.create", "key.rotate", "key.revoke"]));
});

it("fails with one line and a usage exit code on bad input", async () => {
  const r = await cli(["create", "--name", "x", "--role", "root"]);
  expect(r.code).toBe(2);
  // An invalid role is named as such, with the valid ones; a missing flag is named.
  expect(r.stderr.split("\n")[0]).toBe(
    "error: usage: --role 'root' is not a role; use one of: ops, viewer, integration",
  );
  const missing = await cli(["create", "--role", "viewer"]);
  expect(missing.code).toBe(2);
  expect(missing.stderr.split("\n")[0]).toBe("error: usage: --name is required");
  expect(missing.stderr).toContain("\nusage: opsdeck keys create --name NAME --role ROLE ");
  const widened = await cli(["create", "--name", "x", "--role", "viewer", "--permissions", "keys.admin"]);
  expect(widened.code).toBe(2);
  expect((await cli(["revoke", "not-a-uuid"])).code).toBe(2);
  expect((await cli(["revoke", "00000000-0000-4000-8000-000000000000"])).code).toBe(1);
});

it("refuses to rotate an expired or revoked key, and issues nothing", async () => {
  const expired = await createKey(t.deps.db.prisma, {
    name: "ci-lapsed",
    role: "ops",
    expiresAt: new Date(Date.now() - 60_000),
  });
  const revoked = JSON.parse(
    (await cli(["create", "--name", "ci-withdrawn", "--role", "viewer", "--json"])).stdout,
  ) as {
    id: string;
  };
  expect((await cli(["revoke", revoked.id])).code).toBe(0);
  for (const id of [expired.key.id, revoked.id]) {
    const r = await cli(["rotate", id, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/^error: key_inactive: /);
    expect(r.stdout).not.toMatch(/odk_live_/);
    expect(await t.deps.db.prisma.apiKey.count({ where: { rotatedFrom: id } })).toBe(0);
  }
});

it("records its changes as the API does: key:<id>, failures with their code", async () => {
  const created = JSON.parse((await cli(["create", "--name", "ci-audited", "--role", "viewer", "--json"])).stdout) as {
    id: string;
  };
  const missing = "00000000-0000-4000-8000-0000000000aa";
  expect((await cli(["revoke", missing])).code).toBe(1);
  expect((await cli(["rotate", missing])).code).toBe(1);
  const viaApi = await request(t.app).post(`/api/v1/platform/keys/${created.id}/revoke`).set("X-API-Key", t.keys.ops);
  expect(viaApi.status).toBe(200);
  const rows = await t.deps.db.prisma.auditEvent.findMany({
    where: { target: { in: [`key:${created.id}`, `key:${missing}`] } },
    orderBy: { id: "asc" },
  });
  expect(rows.map((e) => [e.actor.split(" ")[0], e.action, e.target, e.outcome, e.error])).toEqual([
    ["cli", "key.create", `key:${created.id}`, "success", null],
    ["cli", "key.revoke", `key:${missing}`, "failure", "key_not_found"],
    ["cli", "key.rotate", `key:${missing}`, "failure", "key_not_found"],
    ["test-ops", "key.revoke", `key:${created.id}`, "success", null],
  ]);
  expect(rows[0]!.parameters).toEqual({ name: "ci-audited", role: "viewer", permissions: [] });
});
