// Alert rules against real queues, heartbeats and the API: a backlog over its
// threshold raises exactly one alert over repeated evaluations and resolves
// when drained; a stopped worker (stale heartbeat) raises "no workers" on its
// queue; acknowledgement records who and when (and is audited).
import { Queue } from "bullmq";
import request from "supertest";

import { evaluateAlerts } from "../../apps/worker/src/rollups/evaluateAlerts";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { metricsContext, testRedis } from "../metrics/helpers";

let t: TestApp;
let redis: Redis;
const queues: Queue[] = [];

beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
});
afterAll(async () => {
  for (const q of queues) await q.close();
  redis.disconnect();
  await t.close();
});

function queue(name: string): Queue {
  const q = new Queue(name, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  queues.push(q);
  return q;
}

async function alertsOf(rule: string, subject: string) {
  const r = await t.deps.db.pool.query(`SELECT * FROM alerts WHERE rule = $1 AND subject = $2 ORDER BY id`, [
    rule,
    subject,
  ]);
  return r.rows;
}

async function heartbeat(id: string, queuesServed: string[], lastSeen: Date) {
  await t.deps.db.pool.query(
    `INSERT INTO worker_heartbeats (id, host, pid, queues, started_at, last_seen_at, cpu_percent, memory_rss_bytes,
                                    memory_percent, version)
     VALUES ($1, 'test-host', 1, $2, $3, $3, 5, 1000, 1, 'test')
     ON CONFLICT (id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
    [id, queuesServed, lastSeen],
  );
}

it("raises one backlog alert across repeated evaluations and resolves it when the queue drains", async () => {
  const q = queue("alerts-backlog");
  await q.addBulk(Array.from({ length: 6 }, (_, i) => ({ name: "j", data: { i } })));
  const ctx = metricsContext(t, redis, { thresholds: { "alerts-backlog": { backlog: 5 } } });
  const first = await evaluateAlerts(ctx);
  expect(first.opened.filter((a) => a.rule === "queue_backlog" && a.subject === "alerts-backlog")).toHaveLength(1);
  for (let i = 0; i < 3; i++) {
    const again = await evaluateAlerts(ctx);
    expect(again.opened.filter((a) => a.rule === "queue_backlog")).toEqual([]);
  }
  const open = await alertsOf("queue_backlog", "alerts-backlog");
  expect(open).toHaveLength(1);
  expect(open[0]).toMatchObject({ severity: "error", resolved_at: null });
  expect(open[0].message).toContain("6 jobs waiting");

  // Listed by the API in the documented shape plus rule, subject, resolved_at, acknowledged_by.
  const listed = await request(t.app)
    .get("/api/v1/platform/system/infrastructure/alerts?hours=1&severity=error")
    .set("X-API-Key", t.keys.viewer);
  expect(listed.status).toBe(200);
  expect(listed.body.data.alerts).toContainEqual(
    expect.objectContaining({
      id: `alert_${open[0].id}`,
      severity: "error",
      service: "Queues",
      acknowledged: false,
      rule: "queue_backlog",
      subject: "alerts-backlog",
      resolved_at: null,
      acknowledged_by: null,
    }),
  );

  await q.drain();
  const drained = await evaluateAlerts(ctx);
  expect(drained.resolved.map((a) => `${a.rule}:${a.subject}`)).toContain("queue_backlog:alerts-backlog");
  const after = await alertsOf("queue_backlog", "alerts-backlog");
  expect(after).toHaveLength(1);
  expect(after[0].resolved_at).not.toBeNull();
  // Still listed (active within the window), now resolved.
  const again = await request(t.app)
    .get("/api/v1/platform/system/infrastructure/alerts?severity=error")
    .set("X-API-Key", t.keys.viewer);
  const view = again.body.data.alerts.find((a: { id: string }) => a.id === `alert_${open[0].id}`);
  expect(view.resolved_at).toEqual(expect.any(String));
});

it("raises 'no workers' for a queue with waiting jobs whose only worker stopped heartbeating", async () => {
  const name = "alerts-noworker";
  const q = queue(name);
  await q.add("j", {});
  await heartbeat("w-stale", [name], new Date(Date.now() - 5 * 60_000));
  const ctx = metricsContext(t, redis);
  const r = await evaluateAlerts(ctx);
  const opened = r.opened.filter((a) => a.rule === "no_workers" && a.subject === name);
  expect(opened).toHaveLength(1);
  expect(opened[0]?.message).toMatch(/^No workers/);
  // The worker comes back: the alert resolves.
  await heartbeat("w-stale", [name], new Date());
  const back = await evaluateAlerts(ctx);
  expect(back.resolved.map((a) => `${a.rule}:${a.subject}`)).toContain(`no_workers:${name}`);
  await q.obliterate({ force: true });
});

it("records who acknowledged an alert and when, audits it, and refuses keys without alerts.write", async () => {
  const q = queue("alerts-ack");
  await q.addBulk([
    { name: "a", data: {} },
    { name: "b", data: {} },
  ]);
  const r = await evaluateAlerts(metricsContext(t, redis, { thresholds: { "alerts-ack": { backlog: 1 } } }));
  const alert = r.opened.find((a) => a.rule === "queue_backlog" && a.subject === "alerts-ack");
  expect(alert).toBeDefined();
  const path = `/api/v1/platform/system/infrastructure/alerts/alert_${alert?.id}/acknowledge`;
  expect((await request(t.app).post(path).set("X-API-Key", t.keys.viewer)).status).toBe(403);
  const ack = await request(t.app).post(path).set("X-API-Key", t.keys.ops);
  expect(ack.status).toBe(200);
  expect(ack.body.data).toMatchObject({
    id: `alert_${alert?.id}`,
    acknowledged: true,
    acknowledged_by: "test-ops (ops)",
  });
  const when = ack.body.data.acknowledged_at;
  expect(new Date(when).getTime()).not.toBeNaN();
  // A second acknowledgement keeps the first one's time.
  const again = await request(t.app).post(path).set("X-API-Key", t.keys.ops);
  expect(again.body.data.acknowledged_at).toBe(when);
  const audit = await t.deps.db.pool.query(`SELECT * FROM audit_events WHERE action = 'alert.acknowledge' ORDER BY id`);
  // The viewer's refusal is on record too, on the same target.
  expect(audit.rows[0]).toMatchObject({
    target: `alert:alert_${alert?.id}`,
    outcome: "failure",
    error: "missing_permission",
    actor: "test-viewer (viewer)",
  });
  expect(audit.rows[1]).toMatchObject({ target: `alert:alert_${alert?.id}`, outcome: "success" });
  const missing = await request(t.app)
    .post("/api/v1/platform/system/infrastructure/alerts/alert_999999/acknowledge")
    .set("X-API-Key", t.keys.ops);
  expect(missing.status).toBe(404);
  expect(
    (
      await request(t.app)
        .post("/api/v1/platform/system/infrastructure/alerts/x1/acknowledge")
        .set("X-API-Key", t.keys.ops)
    ).status,
  ).toBe(400);
  await q.obliterate({ force: true });
});
