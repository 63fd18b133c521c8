// GET /metrics of an app that has served real traffic passes Prometheus's own
// checker (`promtool check metrics`: names, types, help, histogram shape), and
// the HTTP histogram labels every request with what served it: Bull Board's
// pages and assets as the board, the reference's assets as such, and only
// paths that nothing serves as "unmatched".
import { Queue } from "bullmq";
import request from "supertest";

import { runRollups } from "../../apps/worker/src/rollups/runRollups";
import { floorBucket, setWatermark } from "../../packages/db/src";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { metricsContext, testRedis } from "./helpers";
import { checkMetrics } from "./promtool";

let t: TestApp;
let redis: Redis;
beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await t.close();
});

/** Requests counted by the HTTP histogram so far, per "route method status_class". */
async function requestCounts(): Promise<Map<string, number>> {
  const metric = await t.deps.metrics.httpDuration.get();
  const out = new Map<string, number>();
  for (const s of metric.values) {
    if (s.metricName !== "opsdeck_http_request_duration_seconds_count") continue;
    out.set(`${s.labels.route} ${s.labels.method} ${s.labels.status_class}`, s.value);
  }
  return out;
}

it("passes promtool check metrics after real traffic", async () => {
  // It does reject what Prometheus forbids (a gauge named like a counter), so a pass means something.
  expect(checkMetrics("# HELP x_total x\n# TYPE x_total gauge\nx_total 1\n").status).not.toBe(0);

  const q = new Queue("promtool-q", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  try {
    await q.addBulk([
      { name: "a", data: {} },
      { name: "b", data: {} },
    ]);
    await setWatermark(t.deps.db.pool, "minute", floorBucket(Date.now() - 5 * 60_000, "minute"));
    await runRollups(metricsContext(t, redis));
    const ops = { "X-API-Key": t.keys.ops };
    await request(t.app).get("/livez").expect(200);
    await request(t.app).get("/api/v1/platform/system/queues").set(ops).expect(200);
    await request(t.app).get("/api/v1/platform/system/queues/promtool-q/jobs?limit=0").set(ops).expect(400);
    await request(t.app).get("/api/v1/platform/system/queues").expect(401);
    await request(t.app).get("/no-such-path").expect(404);
    await request(t.app).get("/admin/queues").expect(302);
    await request(t.app).get("/admin/queues/login").expect(200);
    await request(t.app).get("/admin/queues/static/favicon-32x32.png").expect(200);
    await request(t.app).get("/docs/assets/swagger-ui.css").expect(200);

    const res = await request(t.app).get("/metrics");
    expect(res.status).toBe(200);
    // The scrape carries what the traffic produced, so the check covers every family.
    expect(res.text).toContain('opsdeck_queue_jobs{queue="promtool-q",state="waiting"} 2');
    expect(res.text).toContain("opsdeck_http_request_duration_seconds_bucket");
    expect(res.text).toContain("opsdeck_jobs_finished_total");
    const check = checkMetrics(res.text);
    expect(check.output).toBe("");
    expect(check.status).toBe(0);
  } finally {
    await q.obliterate({ force: true });
    await q.close();
  }
});

it("labels board and reference traffic by what served it, and only unknown paths as unmatched", async () => {
  const before = await requestCounts();
  await request(t.app).get("/admin/queues/static/favicon-32x32.png").expect(200);
  await request(t.app).get("/admin/queues/static/nope.js").expect(404);
  await request(t.app).get("/admin/queues").expect(302);
  await request(t.app).get("/docs/assets/swagger-ui.css").expect(200);
  await request(t.app).get("/no-such-path").expect(404);
  await request(t.app).get("/ADMIN/queues/static/favicon-32x32.png").expect(404);

  const delta = new Map<string, number>();
  for (const [k, v] of await requestCounts()) if (v !== (before.get(k) ?? 0)) delta.set(k, v - (before.get(k) ?? 0));
  expect(Object.fromEntries(delta)).toEqual({
    "/admin/queues/static/* GET 2xx": 1,
    // A missing board asset is the board's 404, not an unknown path's.
    "/admin/queues/static/* GET 4xx": 1,
    "/admin/queues/* GET 3xx": 1,
    "/docs/assets/* GET 2xx": 1,
    // The board's paths are case-sensitive: /ADMIN/… is served by nothing.
    "unmatched GET 4xx": 2,
  });
});
