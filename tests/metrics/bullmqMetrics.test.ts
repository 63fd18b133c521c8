// BullMQ's own metrics (per-minute completed/failed counts in Redis) are
// recorded by workers built with Opsdeck's worker options, and Bull Board
// shows its metrics view and serves them.
import { Queue, Worker } from "bullmq";
import request from "supertest";

import { loadConfig } from "../../apps/worker/src/config";
import { workerOptions } from "../../apps/worker/src/workers";
import { createTestApp, type TestApp } from "../helpers/testApp";

const QUEUE = "alert-webhooks";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_SECRET: "m".repeat(24) + "-board-session-secret" });
});
afterAll(async () => {
  await t.close();
});

it("records completed and failed jobs per minute for Opsdeck's workers, and Bull Board shows them", async () => {
  const config = loadConfig(t.env.env);
  expect(workerOptions(config, QUEUE).metrics).toEqual({ maxDataPoints: 10_080 });
  expect(workerOptions(loadConfig({ ...t.env.env, WORKER_METRICS_MAX_DATA_POINTS: "0" }), QUEUE).metrics).toBe(
    undefined,
  );

  const queue = new Queue(QUEUE, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  const worker = new Worker(
    QUEUE,
    async (job) => {
      if (job.data.fail) throw new Error("no");
      return "ok";
    },
    workerOptions(config, QUEUE),
  );
  try {
    const finished = new Promise<void>((resolve) => {
      let n = 0;
      const one = () => ++n === 6 && resolve();
      worker.on("completed", one);
      worker.on("failed", one);
    });
    void worker.run();
    await queue.addBulk([
      ...Array.from({ length: 4 }, (_, i) => ({ name: "ok", data: { i } })),
      { name: "bad", data: { fail: true }, opts: { attempts: 1 } },
      { name: "bad", data: { fail: true }, opts: { attempts: 1 } },
    ]);
    await finished;
    const completed = await queue.getMetrics("completed");
    const failed = await queue.getMetrics("failed");
    expect(completed.meta.count).toBe(4);
    expect(failed.meta.count).toBe(2);

    // The board's page turns its metrics view on, and its API serves the same counts.
    const login = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.viewer });
    expect(login.status).toBe(303);
    const cookie = ([] as string[])
      .concat(login.headers["set-cookie"] ?? [])
      .map((c) => c.split(";")[0])
      .join("; ");
    const page = await request(t.app).get("/admin/queues").set("Cookie", cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('"showMetrics":true');
    const api = await request(t.app).get(`/admin/queues/api/queues/${QUEUE}/metrics`).set("Cookie", cookie);
    expect(api.status).toBe(200);
    expect(api.body.completed.meta.count).toBe(4);
    expect(api.body.failed.meta.count).toBe(2);
    // Per-minute points appear as minutes close (BullMQ writes a minute's count once it has passed).
    expect(Array.isArray(api.body.completed.data)).toBe(true);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});
