// GET /api/v1/platform/system/audit: mutations made through the API show up
// newest first with actor, target, parameters, outcome and request id;
// filters and pagination work; only keys.admin may read it.
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";

const URL = "/api/v1/platform/system/audit";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const ops = { "X-API-Key": t.keys.ops };
  await request(t.app)
    .post("/api/v1/platform/system/queues/email-sending/pause")
    .set(ops)
    .set("X-Request-Id", "trace-audit-1");
  await request(t.app).post("/api/v1/platform/system/queues/email-sending/resume").set(ops);
  await request(t.app).post("/api/v1/platform/system/queues/ghost-queue/pause").set(ops);
});
afterAll(() => t.close());

const ops = () => ({ "X-API-Key": t.keys.ops });

it("lists mutations newest first with who, what, outcome and request id", async () => {
  const r = await request(t.app).get(URL).set(ops());
  expect(r.status).toBe(200);
  const events = r.body.data.events as Record<string, unknown>[];
  expect(events.map((e) => [e.action, e.target, e.outcome])).toEqual([
    ["queue.pause", "queue:ghost-queue", "failure"],
    ["queue.resume", "queue:email-sending", "success"],
    ["queue.pause", "queue:email-sending", "success"],
  ]);
  expect(events[0]).toMatchObject({
    error: "queue_not_found",
    actor: "test-ops (ops)",
    actor_key_id: expect.any(String),
  });
  expect(events[2]).toMatchObject({ request_id: "trace-audit-1", parameters: {}, ip_address: expect.any(String) });
  expect(r.body.data.pagination).toEqual({ total: 3, limit: 50, offset: 0 });
});

it("filters by action, target, outcome, actor and time, and pages", async () => {
  const q = async (qs: string) => (await request(t.app).get(`${URL}?${qs}`).set(ops())).body.data;
  expect((await q("action=queue.pause")).pagination.total).toBe(2);
  expect((await q("target=queue:email-sending&outcome=success")).pagination.total).toBe(2);
  expect((await q("outcome=failure")).events).toHaveLength(1);
  const all = await q("limit=1&offset=1");
  expect(all.events.map((e: { action: string }) => e.action)).toEqual(["queue.resume"]);
  const actor = all.events[0].actor_key_id as string;
  expect((await q(`actor_key_id=${actor}`)).pagination.total).toBe(3);
  expect((await q("actor_key_id=00000000-0000-4000-8000-000000000000")).pagination.total).toBe(0);
  expect((await q(`end_time=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).pagination.total).toBe(0);
  expect((await q(`start_time=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).pagination.total).toBe(3);
});

it("rejects bad filters and non-admin keys", async () => {
  const bad = await request(t.app).get(`${URL}?outcome=maybe&actor_key_id=nope&limit=0`).set(ops());
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
    "query.actor_key_id",
    "query.limit",
    "query.outcome",
  ]);
  const viewer = await request(t.app).get(URL).set("X-API-Key", t.keys.viewer);
  expect(viewer.status).toBe(403);
  expect(viewer.body.error.details).toEqual({ required_permission: "keys.admin" });
});
