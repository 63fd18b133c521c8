// Key administration through the API: create (raw key once), list (never the
// hash), rotate with a grace period, revoke, all audited.
import request from "supertest";

import { hashKey } from "../../packages/core/src";
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
