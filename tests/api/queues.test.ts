// GET /queues and GET /queues/{name} through the real app, over queues filled
// by plain BullMQ: the documented status thresholds (150 waiting → warning, 12
// failed → critical), counts, workers, stalled jobs, detail and 404s.
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";
import { createFixtures, type Fixtures } from "./queuesFixtures";

const BASE = "/api/v1/platform/system/queues";
let t: TestApp;
let f: Fixtures;

beforeAll(async () => {
  t = await createTestApp({ EXPOSE_ERRORS: "true" });
  f = createFixtures(t);
  // 150 waiting jobs in one new queue, 12 failed in another (seed: warning 100–1000, critical > 10 failed).
  await f.queue("partner-backlog").addBulk(Array.from({ length: 150 }, (_, i) => ({ name: "sync", data: { i } })));
  await f.failJobs("partner-failing", 12);
  // A small healthy queue with one delayed, one active and one stalled job.
  const small = f.queue("partner-small");
  await small.add("a", { k: 1 });
  await small.add("b", { k: 2 });
  await small.add("later", { k: 3 }, { delay: 3_600_000 });
  await f.takeJob("partner-small");
  const stalled = await f.takeJob("partner-small");
  await t.deps.queues.connection.del(`${t.env.queuePrefix}:partner-small:${stalled.job.id}:lock`);
});
afterAll(async () => {
  await f.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });

describe("GET /queues", () => {
  it("lists catalog and discovered queues with the documented fields and thresholds", async () => {
    const r = await request(t.app).get(BASE).set("X-API-Key", t.keys.viewer);
    expect(r.body.error).toBeUndefined();
    expect(r.status).toBe(200);
    const byName = Object.fromEntries((r.body.data.queues as { name: string }[]).map((q) => [q.name, q]));
    expect(Object.keys(byName).slice(0, 4)).toEqual([
      "email-sending-high",
      "email-sending",
      "log-exports",
      "metric-rollups",
    ]);
    expect(byName["email-sending-high"]).toMatchObject({ priority: "high", status: "healthy", catalog: true });
    expect(byName["partner-backlog"]).toEqual({
      name: "partner-backlog",
      priority: "normal",
      active_jobs: 0,
      waiting_jobs: 150,
      completed_last_hour: 0,
      failed_jobs: 0,
      status: "warning",
      paused: false,
      delayed_jobs: 0,
      workers: 0,
      oldest_waiting_age_seconds: expect.any(Number),
      stalled_jobs: 0,
      catalog: false,
    });
    expect(byName["partner-failing"]).toMatchObject({ failed_jobs: 12, waiting_jobs: 0, status: "critical" });
    expect(byName["partner-small"]).toMatchObject({
      status: "healthy",
      active_jobs: 2,
      stalled_jobs: 1,
      delayed_jobs: 1,
      waiting_jobs: 0,
      oldest_waiting_age_seconds: null,
    });
  });

  it("counts running workers from CLIENT LIST", async () => {
    const w = f.worker("partner-backlog");
    await w.waitUntilReady();
    // The blocking connection carries the worker's client name once it has connected.
    await w.getNextJob("probe-token", { block: false }).then((j) => j?.moveToFailed(new Error("x"), "probe-token"));
    const r = await request(t.app).get(BASE).set(ops());
    const q = (r.body.data.queues as { name: string; workers: number | null }[]).find(
      (x) => x.name === "partner-backlog",
    );
    expect(q?.workers).toBeGreaterThanOrEqual(1);
  });

  it("applies per-queue threshold overrides from config", async () => {
    const t2 = await createTestApp({
      QUEUE_PREFIX: t.env.queuePrefix,
      QUEUE_STATUS_THRESHOLDS: JSON.stringify({ "partner-backlog": { warning_waiting: 500 } }),
    });
    try {
      const r = await request(t2.app).get(BASE).set("X-API-Key", t2.keys.ops);
      const q = (r.body.data.queues as { name: string; status: string }[]).find((x) => x.name === "partner-backlog");
      expect(q?.status).toBe("healthy");
    } finally {
      await t2.close();
    }
  });

  it("needs a key with queues.read", async () => {
    expect((await request(t.app).get(BASE)).status).toBe(401);
    expect((await request(t.app).get(BASE).set("X-API-Key", t.keys.integration)).status).toBe(403);
  });
});

describe("GET /queues/{queue_name}", () => {
  it("gives counts per state, limits, schedulers and 60 minutes of throughput", async () => {
    await f.queue("partner-failing").setGlobalConcurrency(3);
    await f.queue("partner-failing").upsertJobScheduler("nightly", { pattern: "0 3 * * *" }, { name: "report" });
    const r = await request(t.app).get(`${BASE}/partner-failing`).set(ops());
    expect(r.status).toBe(200);
    const d = r.body.data;
    expect(d).toMatchObject({ name: "partner-failing", failed_jobs: 12, status: "critical", global_concurrency: 3 });
    expect(d.counts).toMatchObject({ failed: 12, active: 0, delayed: 1 });
    expect(d.schedulers.total).toBe(1);
    expect(d.schedulers.items[0]).toMatchObject({ id: "nightly", pattern: "0 3 * * *" });
    expect(d.throughput_last_60_minutes).toHaveLength(60);
    const failed = d.throughput_last_60_minutes.reduce((s: number, p: { failed: number }) => s + p.failed, 0);
    expect(failed).toBe(12);
  });

  it("answers 404 queue_not_found for an unknown queue and 400 for a bad name", async () => {
    const r = await request(t.app).get(`${BASE}/no-such-queue`).set(ops());
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ type: "not_found_error", code: "queue_not_found" });
    expect((await request(t.app).get(`${BASE}/bad%20name`).set(ops())).status).toBe(400);
  });
});
