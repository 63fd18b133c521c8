// GET /api/v1/platform/metrics, …/history and …/performance over real rollup
// rows and heartbeats: shapes (validated against the contract by the app in
// tests), jobs processed today, 30d daily points, and a worker's figures.
import request from "supertest";

import { upsertQueueMinutes } from "../../packages/db/src";
import { floorBucket } from "../../packages/db/src";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { testRedis } from "./helpers";

let t: TestApp;
let redis: Redis;
const BASE = "/api/v1/platform/metrics";

beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
  const pool = t.deps.db.pool;
  await pool.query(
    `INSERT INTO worker_heartbeats (id, host, pid, queues, started_at, last_seen_at, cpu_percent, memory_rss_bytes, memory_percent, version, stopped_at)
     VALUES ('w-live', 'h', 1, '{email-sending}', now() - interval '1 hour', now(), 40, 1000, 20, 't', NULL),
            ('w-gone', 'h', 2, '{log-exports}', now() - interval '2 hours', now() - interval '1 hour', 10, 1000, 10, 't', NULL),
            ('w-done', 'h', 3, '{log-exports}', now() - interval '3 hours', now() - interval '2 hours', 10, 1000, 10, 't', now() - interval '2 hours')`,
  );
  // The first two minutes of this hour: 7 and 3 jobs finished in email-sending, 2 of them failed.
  const m = floorBucket(Date.now(), "hour");
  await upsertQueueMinutes(pool, [
    {
      bucket: m,
      queue: "email-sending",
      completed: 6,
      failed: 1,
      waiting: 0,
      active: 0,
      latencySumMs: 700,
      latencyCount: 7,
      waitSumMs: 0,
    },
    {
      bucket: new Date(m.getTime() + 60_000),
      queue: "email-sending",
      completed: 2,
      failed: 1,
      waiting: 0,
      active: 0,
      latencySumMs: 300,
      latencyCount: 3,
      waitSumMs: 0,
    },
  ]);
  await pool.query(
    `INSERT INTO worker_metrics (granularity, bucket, worker_id, host, queues, cpu_percent, memory_percent, memory_rss_bytes, samples)
     VALUES ('minute', $1, 'w-live', 'h', '{email-sending}', 30, 20, 1000, 1)`,
    [m],
  );
});
afterAll(async () => {
  redis.disconnect();
  await t.close();
});

const get = (path: string) => request(t.app).get(path).set("X-API-Key", t.keys.viewer);

it("reports workers by state, jobs processed and storage", async () => {
  const res = await get(BASE);
  expect(res.status).toBe(200);
  const m = res.body.data.metrics;
  expect(m.workers).toEqual({ total: 3, active: 1, inactive: 1, failed: 1 });
  expect(m.jobs).toMatchObject({ today: 10, failedToday: 2 });
  expect(m.jobs.thisMonth).toBeGreaterThanOrEqual(m.jobs.today);
  expect(m.storage.postgresBytes).toBeGreaterThan(0);
  expect(m.storage.redisBytes).toBeGreaterThan(0);
  expect(m.performance.successRate).toMatch(/%$/);
});

it("gives daily points over 30 days and hourly points over 24 h, filtered by queue or worker", async () => {
  const d30 = await get(`${BASE}/history?range=30d`);
  expect(d30.status).toBe(200);
  expect(d30.body.data).toMatchObject({ timeRange: "30d", granularity: "day" });
  expect(d30.body.data.metrics).toHaveLength(30);
  const total = d30.body.data.metrics.reduce((a: number, p: { messages: number }) => a + p.messages, 0);
  expect(total).toBe(10);
  const byWorker = await get(`${BASE}/history?range=24h&worker=w-live`);
  expect(byWorker.status).toBe(200);
  const withCpu = byWorker.body.data.metrics.filter((p: { cpu: number | null }) => p.cpu !== null);
  expect(withCpu).toEqual([expect.objectContaining({ cpu: 30, memory: 20, messages: 10, errors: 2 })]);
  expect((await get(`${BASE}/history?range=24h&queue=log-exports`)).body.data.averages.messages).toBe(0);
  expect((await get(`${BASE}/history?range=1y`)).status).toBe(400);
  expect((await get(`${BASE}/history?worker=nope`)).status).toBe(404);
});

it("gives current performance of a queue or a worker", async () => {
  const q = await get(`${BASE}/performance?queue=email-sending`);
  expect(q.status).toBe(200);
  expect(q.body.data).toMatchObject({ cpu: 40, memory: 20, errorRate: 20, responseTime: 100, queue: "email-sending" });
  const w = await get(`${BASE}/performance?worker=w-live`);
  expect(w.body.data).toMatchObject({ cpu: 40, errorRate: 20, worker: "w-live" });
  expect((await get(`${BASE}/performance?queue=a&worker=b`)).status).toBe(400);
});
