// Job schedulers through the API, on BullMQ's own scheduler API: create,
// replace, list, trigger now (a job from the template, the schedule left
// alone), remove; bad schedules (BullMQ's cron parser) and template data
// that fails a catalog queue's schema are 400s that change nothing; viewers
// read but cannot change; every change is on record.
import { Queue } from "bullmq";
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";

const API = "/api/v1/platform/system/queues";
const CATALOG = "log-exports";
const OTHER = "sched-other";
let t: TestApp;
let other: Queue;
let catalog: Queue;

beforeAll(async () => {
  t = await createTestApp();
  other = new Queue(OTHER, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  catalog = new Queue(CATALOG, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  await other.add("seed", {}); // the queue exists before the first request (discovery is cached)
});
afterAll(async () => {
  await other.close();
  await catalog.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });
const put = (queue: string, id: string, body: unknown, key = t.keys.ops) =>
  request(t.app)
    .put(`${API}/${queue}/schedulers/${id}`)
    .set("X-API-Key", key)
    .send(body as object);
const list = async (queue: string) =>
  (await request(t.app).get(`${API}/${queue}/schedulers`).set(ops())).body.data as {
    schedulers: { id: string; every: number | null; pattern: string | null }[];
    pagination: { total: number };
  };

it("creates, replaces, lists and reads a scheduler", async () => {
  const created = await put(CATALOG, "nightly", {
    every: 60_000,
    template: { name: "export", data: { export_id: "n-1" } },
  });
  expect(created.status).toBe(200);
  expect(created.body.data).toMatchObject({
    created: true,
    scheduler: { id: "nightly", queue: CATALOG, name: "export", every: 60_000, pattern: null },
  });
  expect(created.body.data.scheduler.next_run_at).toEqual(expect.any(String));
  const replaced = await put(CATALOG, "nightly", {
    pattern: "0 3 * * *",
    tz: "Europe/Paris",
    template: { name: "export", data: { export_id: "n-2" }, opts: { attempts: 3 } },
  });
  expect(replaced.body.data).toMatchObject({
    created: false,
    scheduler: { pattern: "0 3 * * *", tz: "Europe/Paris", every: null, template: { data: { export_id: "n-2" } } },
  });
  expect((await list(CATALOG)).schedulers.map((s) => s.id)).toEqual(["nightly"]);
  const one = await request(t.app).get(`${API}/${CATALOG}/schedulers/nightly`).set(ops());
  expect(one.body.data.template.opts).toMatchObject({ attempts: 3 });
  expect((await request(t.app).get(`${API}/${CATALOG}/schedulers/nope`).set(ops())).status).toBe(404);
});

it("refuses bad schedules and data with a 400 that changes nothing", async () => {
  const before = await list(CATALOG);
  const bad = async (body: unknown, field: string, code?: string) => {
    const r = await put(CATALOG, "bad", body);
    expect(r.status).toBe(400);
    const issue = (r.body.error.details as { field: string; code: string }[]).find((d) => d.field.startsWith(field));
    expect(issue).toBeDefined();
    if (code) expect(issue!.code).toBe(code);
  };
  const data = { export_id: "b" };
  await bad({ every: 999, template: { name: "x", data } }, "body.every");
  await bad({ every: 5_000, pattern: "* * * * *", template: { name: "x", data } }, "body.every");
  await bad({ template: { name: "x", data } }, "body.every");
  await bad({ pattern: "not a cron", template: { name: "x", data } }, "body.pattern", "invalid_pattern");
  await bad({ pattern: "0 0 30 2 *", template: { name: "x", data } }, "body.pattern", "invalid_pattern");
  await bad({ pattern: "* * * * *", tz: "Mars/Olympus", template: { name: "x", data } }, "body.tz", "invalid_tz");
  await bad({ every: 5_000, tz: "UTC", template: { name: "x", data } }, "body.tz");
  await bad({ every: 5_000, template: { name: "x", data: { wrong: 1 } } }, "body.template.data", "invalid_payload");
  await bad({ every: 5_000, end_date: "2001-01-01T00:00:00Z", template: { name: "x", data } }, "body.end_date");
  const big = { export_id: "b", filler: "x".repeat(70_000) };
  await bad({ every: 5_000, template: { name: "x", data: big } }, "body.template.data");
  expect(await list(CATALOG)).toEqual(before);
  // Another service's queue has no schema here: any bounded JSON object goes.
  expect((await put(OTHER, "any", { every: 5_000, template: { name: "ping", data: { a: [1, 2] } } })).status).toBe(200);
});

it("trigger adds one job from the template now and leaves the schedule alone", async () => {
  const before = (await request(t.app).get(`${API}/${CATALOG}/schedulers/nightly`).set(ops())).body.data;
  const r = await request(t.app).post(`${API}/${CATALOG}/schedulers/nightly/trigger`).set(ops());
  expect(r.status).toBe(201);
  const job = await catalog.getJob(r.body.data.job_id as string);
  expect(job).toBeDefined();
  expect({ name: job!.name, data: job!.data, attempts: job!.opts.attempts }).toEqual({
    name: "export",
    data: { export_id: "n-2" },
    attempts: 3,
  });
  expect(await job!.getState()).toBe("waiting");
  const after = (await request(t.app).get(`${API}/${CATALOG}/schedulers/nightly`).set(ops())).body.data;
  expect(after).toEqual(before);
  expect((await request(t.app).post(`${API}/${CATALOG}/schedulers/nope/trigger`).set(ops())).status).toBe(404);
});

it("viewers read schedulers but cannot change them", async () => {
  const read = await request(t.app).get(`${API}/${CATALOG}/schedulers`).set("X-API-Key", t.keys.viewer);
  expect(read.status).toBe(200);
  const body = { every: 5_000, template: { name: "x", data: { export_id: "v" } } };
  expect((await put(CATALOG, "viewer", body, t.keys.viewer)).status).toBe(403);
  const del = await request(t.app).delete(`${API}/${CATALOG}/schedulers/nightly`).set("X-API-Key", t.keys.viewer);
  expect(del.status).toBe(403);
  const trig = await request(t.app)
    .post(`${API}/${CATALOG}/schedulers/nightly/trigger`)
    .set("X-API-Key", t.keys.viewer);
  expect(trig.status).toBe(403);
});

it("removes a scheduler, then 404s; every change is on record", async () => {
  const del = await request(t.app).delete(`${API}/${CATALOG}/schedulers/nightly`).set(ops());
  expect(del.status).toBe(200);
  expect(del.body.data).toEqual({ id: "nightly", queue: CATALOG, removed: true });
  expect((await list(CATALOG)).pagination.total).toBe(0);
  expect((await request(t.app).delete(`${API}/${CATALOG}/schedulers/nightly`).set(ops())).status).toBe(404);
  const audit = await t.deps.db.pool.query(
    `SELECT action, outcome FROM audit_events WHERE target = 'scheduler:log-exports/nightly' ORDER BY id`,
  );
  expect(audit.rows.filter((r) => r.outcome === "success").map((r) => r.action)).toEqual([
    "scheduler.upsert",
    "scheduler.upsert",
    "scheduler.trigger",
    "scheduler.remove",
  ]);
});
