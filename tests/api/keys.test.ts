// Key administration through the API: create (raw key once), list (never the
// hash), rotate with a grace period, revoke, all audited. A key hands out no
// permission it lacks; rotation keeps the key's narrowing and expiry and
// never brings an inactive key back.
import request from "supertest";

import { hashKey, PERMISSIONS } from "../../packages/core/src";
import { createKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ops = () => ({ "X-API-Key": t.keys.ops });

it("creates a key, shows it once and stores only its hash", async () => {
  const r = await request(t.app)
    .post("/api/v1/platform/keys")
    .set(ops())
    .send({ name: "partner-a", role: "integration", external_id: "store_9" });
  expect(r.status).toBe(201);
  const raw: string = r.body.data.key;
  expect(raw).toMatch(/^odk_live_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/);
  expect(r.body.data).toMatchObject({
    role: "integration",
    status: "active",
    last4: raw.slice(-4),
    prefix: raw.slice(0, 13),
  });
  const row = await t.deps.db.prisma.apiKey.findUniqueOrThrow({ where: { id: r.body.data.id } });
  expect(row.hash).toBe(hashKey(raw));
  expect(JSON.stringify(row)).not.toContain(raw);
  const list = await request(t.app).get("/api/v1/platform/keys").set(ops());
  expect(JSON.stringify(list.body)).not.toContain(raw);
  expect(JSON.stringify(list.body)).not.toContain(row.hash);
  expect(list.body.data.keys.map((k: { name: string }) => k.name)).toContain("partner-a");
  // The new key works.
  expect((await request(t.app).get("/api/integration").set("X-API-Key", raw)).status).toBe(200);
});

it("refuses to widen a role", async () => {
  const r = await request(t.app)
    .post("/api/v1/platform/keys")
    .set(ops())
    .send({ name: "sneaky", role: "viewer", permissions: ["keys.admin"] });
  expect(r.status).toBe(400);
  expect(r.body.error.details[0]).toMatchObject({ field: "body.permissions", code: "outside_role" });
});

it("rotates: the new key works, the old one keeps working for the grace period", async () => {
  const created = await request(t.app)
    .post("/api/v1/platform/keys")
    .set(ops())
    .send({ name: "rotating", role: "viewer" });
  const oldRaw: string = created.body.data.key;
  const r = await request(t.app)
    .post(`/api/v1/platform/keys/${created.body.data.id}/rotate`)
    .set(ops())
    .send({ grace_seconds: 3600 });
  expect(r.status).toBe(201);
  expect(r.body.data.key.rotated_from).toBe(created.body.data.id);
  const expires = Date.parse(r.body.data.previous.expires_at);
  expect(expires).toBeGreaterThan(Date.now() + 3500_000);
  expect(expires).toBeLessThan(Date.now() + 3700_000);
  expect((await request(t.app).get("/api/integration").set("X-API-Key", oldRaw)).status).toBe(200);
  expect((await request(t.app).get("/api/integration").set("X-API-Key", r.body.data.key.key)).status).toBe(200);
  // Grace 0: the old key stops at once.
  const again = await request(t.app)
    .post(`/api/v1/platform/keys/${r.body.data.key.id}/rotate`)
    .set(ops())
    .send({ grace_seconds: 0 });
  expect(again.status).toBe(201);
  const old = await request(t.app).get("/api/integration").set("X-API-Key", r.body.data.key.key);
  expect(old.status).toBe(401);
  expect(old.body.error.code).toBe("expired_api_key");
});

it("revokes at once and records every change in the audit trail", async () => {
  const created = await request(t.app)
    .post("/api/v1/platform/keys")
    .set(ops())
    .send({ name: "doomed", role: "viewer" });
  const raw: string = created.body.data.key;
  expect((await request(t.app).get("/api/integration").set("X-API-Key", raw)).status).toBe(200);
  const r = await request(t.app).post(`/api/v1/platform/keys/${created.body.data.id}/revoke`).set(ops());
  expect(r.status).toBe(200);
  expect(r.body.data.status).toBe("revoked");
  const after = await request(t.app).get("/api/integration").set("X-API-Key", raw);
  expect(after.status).toBe(401);
  expect(after.body.error.code).toBe("revoked_api_key");
  const missing = await request(t.app)
    .post("/api/v1/platform/keys/00000000-0000-4000-8000-000000000000/revoke")
    .set(ops());
  expect(missing.status).toBe(404);
  const events = await t.deps.db.prisma.auditEvent.findMany({
    where: { action: { startsWith: "key." } },
    orderBy: { id: "asc" },
  });
  const actions = events.map((e) => `${e.action}:${e.outcome}`);
  expect(actions).toEqual(
    expect.arrayContaining(["key.create:success", "key.rotate:success", "key.revoke:success", "key.revoke:failure"]),
  );
  const revoke = events.find((e) => e.action === "key.revoke" && e.outcome === "success")!;
  expect(revoke.requestId).toBe(r.headers["x-request-id"]);
  expect(revoke.actor).toContain("test-ops");
  expect(revoke.ipAddress).toBeTruthy();
});

it("rejects a malformed key id", async () => {
  const r = await request(t.app).post("/api/v1/platform/keys/not-a-uuid/revoke").set(ops());
  expect(r.status).toBe(400);
  expect(r.body.error.details[0].field).toBe("params.key_id");
});

describe("a key hands out only what it holds", () => {
  let admin: string;
  const as = () => ({ "X-API-Key": admin });
  beforeAll(async () => {
    admin = (await createKey(t.deps.db.prisma, { name: "narrow-admin", role: "ops", permissions: ["keys.admin"] })).raw;
  });

  it("a key narrowed to keys.admin cannot create a wider key (403 naming what it lacks)", async () => {
    const r = await request(t.app).post("/api/v1/platform/keys").set(as()).send({ name: "escalated", role: "ops" });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("permissions_not_held");
    const missing: string[] = r.body.error.details.missing_permissions;
    expect([...missing].sort()).toEqual(PERMISSIONS.filter((p) => p !== "keys.admin").sort());
    for (const p of missing) expect(r.body.error.message).toContain(p);
    const viewer = await request(t.app).post("/api/v1/platform/keys").set(as()).send({ name: "v", role: "viewer" });
    expect(viewer.status).toBe(403);
    const narrowed = await request(t.app)
      .post("/api/v1/platform/keys")
      .set(as())
      .send({ name: "still-ops", role: "ops", permissions: ["queues.read", "keys.admin"] });
    expect(narrowed.status).toBe(403);
    expect(narrowed.body.error.details.missing_permissions).toEqual(["queues.read"]);
    expect(await t.deps.db.prisma.apiKey.count({ where: { name: { in: ["escalated", "v", "still-ops"] } } })).toBe(0);
    // Nothing was created, so the target names no key; the parameters say which was asked for.
    const audit = await t.deps.db.prisma.auditEvent.findFirst({
      where: { action: "key.create", parameters: { path: ["name"], equals: "escalated" } },
    });
    expect(audit).toMatchObject({ target: "key:?", outcome: "failure", error: "permissions_not_held" });
  });

  it("it can create a key with the same or fewer permissions", async () => {
    const r = await request(t.app)
      .post("/api/v1/platform/keys")
      .set(as())
      .send({ name: "peer-admin", role: "ops", permissions: ["keys.admin"] });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ permissions: ["keys.admin"], narrowed: true });
  });

  it("it cannot rotate a wider key (which would hand it that key's replacement)", async () => {
    const opsKey = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-ops" } });
    const r = await request(t.app).post(`/api/v1/platform/keys/${opsKey.id}/rotate`).set(as()).send({});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("permissions_not_held");
    expect(await t.deps.db.prisma.apiKey.count({ where: { rotatedFrom: opsKey.id } })).toBe(0);
    expect((await t.deps.db.prisma.apiKey.findUniqueOrThrow({ where: { id: opsKey.id } })).expiresAt).toBeNull();
    const peer = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "peer-admin" } });
    expect((await request(t.app).post(`/api/v1/platform/keys/${peer.id}/rotate`).set(as()).send({})).status).toBe(201);
  });
});

describe("rotation", () => {
  it("gives the new key the old one's expiry and narrowing", async () => {
    const expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const created = await request(t.app)
      .post("/api/v1/platform/keys")
      .set(ops())
      .send({
        name: "narrow-expiring",
        role: "integration",
        permissions: ["integration.read"],
        external_id: "store_42",
        expires_at: expiresAt,
        quota_per_minute: 7,
        quota_per_hour: 70,
        quota_per_day: 700,
      });
    expect(created.status).toBe(201);
    const r = await request(t.app)
      .post(`/api/v1/platform/keys/${created.body.data.id}/rotate`)
      .set(ops())
      .send({ grace_seconds: 60 });
    expect(r.status).toBe(201);
    const { id, key, prefix, last4, created_at, last_used_at, rotated_from, ...same } = r.body.data.key;
    expect(same).toEqual({
      name: "narrow-expiring",
      role: "integration",
      permissions: ["integration.read"],
      narrowed: true,
      external_id: "store_42",
      quotas: { per_minute: 7, per_hour: 70, per_day: 700 },
      status: "active",
      expires_at: expiresAt,
      revoked_at: null,
    });
    expect([id, key, prefix, last4, created_at, last_used_at]).not.toContain(undefined);
    expect(rotated_from).toBe(created.body.data.id);
  });

  it("refuses an expired or revoked key with 409 and issues nothing", async () => {
    const expired = await createKey(t.deps.db.prisma, {
      name: "lapsed",
      role: "viewer",
      expiresAt: new Date(Date.now() - 60_000),
    });
    const revoked = await createKey(t.deps.db.prisma, { name: "withdrawn", role: "viewer" });
    await request(t.app).post(`/api/v1/platform/keys/${revoked.key.id}/revoke`).set(ops());
    for (const k of [expired.key, revoked.key]) {
      const r = await request(t.app).post(`/api/v1/platform/keys/${k.id}/rotate`).set(ops()).send({});
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("key_inactive");
      expect(await t.deps.db.prisma.apiKey.count({ where: { rotatedFrom: k.id } })).toBe(0);
    }
    const unknown = await request(t.app)
      .post("/api/v1/platform/keys/00000000-0000-4000-8000-000000000000/rotate")
      .set(ops())
      .send({});
    expect(unknown.status).toBe(404);
  });
});
