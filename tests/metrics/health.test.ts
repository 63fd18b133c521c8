// GET …/infrastructure/health against the real services, with real traffic;
// an unreachable Redis or Postgres is `down` with a reason while the endpoint
// still answers; GET /metrics parses with a strict Prometheus text parser and
// carries the queue gauges, job counters and HTTP histograms.
import { Queue } from "bullmq";
import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { loadConfig } from "../../apps/api/src/config";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import { runRollups } from "../../apps/worker/src/rollups/runRollups";
import { createLogger } from "../../packages/core/src";
import { collectInfrastructureHealth, createPool, floorBucket, setWatermark } from "../../packages/db/src";
import { type Redis, redisStats } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { metricsContext, testRedis } from "./helpers";
import { parsePrometheusText } from "./promText";

let t: TestApp;
let redis: Redis;
const HEALTH = "/api/v1/platform/system/infrastructure/health";

beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await t.close();
});

type Service = { name: string; status: string; reason?: string } & Record<string, unknown>;
const service = (body: { data: { services: Service[] } }, name: string) =>
  body.data.services.find((s) => s.name === name) as Service;

it("reports every service from real probes and the last 5 minutes of real traffic", async () => {
  for (let i = 0; i < 25; i++) await request(t.app).get("/livez");
  await request(t.app).get("/no-such-route");
  await t.deps.requestLogs.flush();
  const res = await request(t.app).get(HEALTH).set("X-API-Key", t.keys.viewer);
  expect(res.status).toBe(200);
  expect(res.body.data.services.map((s: Service) => s.name)).toEqual([
    "API Server",
    "Workers",
    "SMTP Service",
    "OLTP Database",
    "Redis",
  ]);
  const api = service(res.body, "API Server");
  expect(api.requests).toBeGreaterThanOrEqual(26);
  expect(api.response_time_ms).toEqual({ avg: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number) });
  expect(api.error_rate_percent).toBe(0);
  const db = service(res.body, "OLTP Database");
  expect(db).toMatchObject({ status: "healthy", query_latency_ms: expect.any(Number) });
  expect(db.connection_pool_usage_percent).toBeGreaterThan(0);
  const r = service(res.body, "Redis");
  expect(r).toMatchObject({ status: "healthy", maxmemory_policy: "noeviction", latency_ms: expect.any(Number) });
  // No worker heartbeats in this database: Workers down, with the reason.
  expect(service(res.body, "Workers")).toMatchObject({
    status: "down",
    online: 0,
    reason: expect.stringContaining("heartbeat"),
  });
  const smtp = service(res.body, "SMTP Service");
  expect(smtp.queue_backlog).toBe(0);
  expect(smtp.status).not.toBe("healthy"); // no SMTP integration configured
  expect(smtp.reason).toEqual(expect.any(String));
  expect((await request(t.app).get(HEALTH).set("X-API-Key", t.keys.integration)).status).toBe(403);
});

it("says Redis is down, with the reason, when Redis is unreachable — and still answers", async () => {
  // Nothing listens on port 1, so Redis is refused at once; the probe deadline only bounds Postgres, whose first
  // connection is made inside the probe and must not race a short deadline on a busy machine.
  const config = loadConfig({ ...t.env.env, REDIS_URL: "redis://127.0.0.1:1", PROBE_TIMEOUT_MS: "10000" });
  const deps = createDeps(config, createLogger({ service: "api", level: "error", silent: true }));
  try {
    const res = await request(t.checked(createApp(deps)))
      .get(HEALTH)
      .set("X-API-Key", t.keys.viewer);
    expect(res.status).toBe(200);
    expect(service(res.body, "Redis")).toMatchObject({
      status: "down",
      latency_ms: null,
      reason: expect.stringMatching(/Redis unreachable/),
    });
    expect(service(res.body, "SMTP Service")).toMatchObject({ queue_backlog: null });
    // Reachable: healthy, or degraded when that first connection took longer than SLOW_PROBE_MS.
    expect(["healthy", "degraded"]).toContain(service(res.body, "OLTP Database").status);
  } finally {
    await closeDeps(deps);
  }
});

it("says the OLTP Database is down when Postgres is unreachable", async () => {
  const pool = createPool({ url: "postgresql://postgres@127.0.0.1:1/none", connectTimeoutMs: 200 });
  try {
    const h = await collectInfrastructureHealth({
      pool,
      poolMax: 10,
      redisStats: (timeoutMs) => redisStats(redis, timeoutMs),
      timeoutMs: 500,
      thresholds: {},
      emailBacklog: async () => 0,
    });
    const db = h.services.find((s) => s.name === "OLTP Database");
    expect(db).toMatchObject({
      status: "down",
      query_latency_ms: null,
      reason: expect.stringMatching(/Postgres unreachable/),
    });
    expect(h.services.find((s) => s.name === "Redis")?.status).toBe("healthy");
  } finally {
    await pool.end();
  }
});

it("serves Prometheus text that a strict parser accepts, with queue gauges and job counters", async () => {
  const q = new Queue("prom-q", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  try {
    await q.addBulk([
      { name: "a", data: {} },
      { name: "b", data: {} },
      { name: "c", data: {} },
    ]);
    await setWatermark(t.deps.db.pool, "minute", floorBucket(Date.now() - 5 * 60_000, "minute"));
    await runRollups(metricsContext(t, redis));
    await request(t.app).get("/livez");
    const res = await request(t.app).get("/metrics");
    expect(res.status).toBe(200);
    const families = parsePrometheusText(res.text);
    const jobs = families.get("opsdeck_queue_jobs");
    expect(jobs?.type).toBe("gauge");
    expect(jobs?.samples).toContainEqual({
      name: "opsdeck_queue_jobs",
      labels: { queue: "prom-q", state: "waiting" },
      value: 3,
    });
    expect(families.get("opsdeck_jobs_finished_total")?.type).toBe("counter");
    expect(families.get("opsdeck_jobs_finished_total")?.samples).toContainEqual(
      expect.objectContaining({ labels: { queue: "prom-q", status: "completed" }, value: 0 }),
    );
    expect(families.get("opsdeck_http_request_duration_seconds")?.type).toBe("histogram");
    expect(families.get("opsdeck_metrics_source_up")?.samples.every((s) => s.value === 1)).toBe(true);
    expect(families.get("opsdeck_rate_limit_rejections_total")?.type).toBe("counter");
    expect(families.has("opsdeck_request_logs_dropped_total")).toBe(true);
    expect(() => parsePrometheusText('x_total{a="1} 1')).toThrow();
  } finally {
    await q.obliterate({ force: true });
    await q.close();
  }
});
