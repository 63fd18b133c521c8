// Two integrations, one pointing at a dead port: mail fails over to the live
// one and arrives once per recipient, the dead one's circuit opens (from the
// failed sends and from the scheduled live check), and GET /status says
// `degraded` in its published shape.
import type { Queue } from "bullmq";
import request from "supertest";

import { checkIntegrations } from "../../apps/worker/src/email/checks";
import { IntegrationRouter } from "../../apps/worker/src/email/integrations";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { createKeyring } from "../../packages/core/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { producer, silentLogger, testConfig } from "../worker/workerHelpers";
import { campaign, EMAIL_ENV, finished, statuses } from "./emailHelpers";
import { deadPort, type SmtpSink, startSink } from "./smtpSink";

const BASE = "/api/v1/platform/system/email/integrations";
let t: TestApp;
let sink: SmtpSink;
let rt: WorkerRuntime;
let q: Queue;
let live: string;
let dead: string;
const auth = (k: string) => ({ Authorization: `Bearer ${k}` });

beforeAll(async () => {
  t = await createTestApp(EMAIL_ENV);
  sink = await startSink();
  const add = async (name: string, type: string, port: number) => {
    const res = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ name, type, host: "127.0.0.1", port, tls_mode: "none" });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  live = await add("primary", "ses", sink.port);
  dead = await add("backup", "smtp", await deadPort());
  rt = startWorker(testConfig(t.env, EMAIL_ENV), silentLogger());
  await rt.ready();
  q = producer(t.env, "email-sending");
});
afterAll(async () => {
  await rt.close();
  await q.close();
  await sink.close();
  await t.close();
});

it("reports ok while both integrations are healthy", async () => {
  const res = await request(t.app).get("/status").set(auth(t.keys.integration));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    status: "ok",
    data: {
      integrations: [
        { id: live, status: "healthy", type: "ses" },
        { id: dead, status: "healthy", type: "smtp" },
      ],
      healthy_integrations_count: 2,
      total_integrations_count: 2,
      healthy_percentage: 100,
      stats_by_integration_type: {
        ses: { total_count: 1, healthy_count: 1, healthy_percentage: 100, status: "ok" },
        smtp: { total_count: 1, healthy_count: 1, healthy_percentage: 100, status: "ok" },
      },
    },
  });
  expect((await request(t.app).get("/status")).status).toBe(401);
});

it("fails over to the live integration: every recipient gets the message once", async () => {
  await q.add("batch", campaign("failover", 60), { jobId: "fo-1", attempts: 3 });
  const job = await finished(q, "fo-1");
  expect(await job.getState()).toBe("completed");
  const got = [...sink.countByRecipient()].filter(([to]) => to.endsWith("@failover.example.com"));
  expect(got).toHaveLength(60);
  expect(got.every(([, n]) => n === 1)).toBe(true);
  expect(await statuses(t.deps.db.pool, "failover")).toEqual({ sent: 60 });
  const via = await t.deps.db.pool.query(
    `SELECT DISTINCT integration_id FROM email_messages WHERE campaign_id = 'failover'`,
  );
  expect(via.rows).toEqual([{ integration_id: live }]);
});

it("opens the dead integration's circuit (sends and live check) and /status says degraded", async () => {
  const config = testConfig(t.env, EMAIL_ENV);
  const checks = await checkIntegrations({ db: t.deps.db, config, log: silentLogger() }, createKeyring(config));
  expect(checks.find((c) => c.integration_id === live)).toMatchObject({ ok: true });
  expect(checks.find((c) => c.integration_id === dead)).toMatchObject({ ok: false });
  const row = await t.deps.db.pool.query(
    `SELECT circuit_state, consecutive_failures FROM smtp_integrations WHERE id = $1`,
    [dead],
  );
  expect(row.rows[0].circuit_state).toBe("open");
  expect(row.rows[0].consecutive_failures).toBeGreaterThanOrEqual(1);

  const res = await request(t.app).get("/status").set(auth(t.keys.viewer));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    status: "degraded",
    data: {
      integrations: [
        { id: live, status: "healthy", type: "ses" },
        { id: dead, status: "unhealthy", type: "smtp" },
      ],
      healthy_integrations_count: 1,
      total_integrations_count: 2,
      healthy_percentage: 50,
      stats_by_integration_type: {
        ses: { total_count: 1, healthy_count: 1, healthy_percentage: 100, status: "ok" },
        smtp: { total_count: 1, healthy_count: 0, healthy_percentage: 0, status: "unhealthy" },
      },
    },
  });
});

it("does not count sends cut by its own shutdown against an integration", async () => {
  // Regression (fault scenario 5): closing the SMTP pools under sends in flight used to
  // count as integration failures and open a healthy integration's circuit for every worker.
  const read = async () =>
    (
      await t.deps.db.pool.query(`SELECT circuit_state, consecutive_failures FROM smtp_integrations WHERE id = $1`, [
        live,
      ])
    ).rows[0];
  const before = await read();
  const config = testConfig(t.env, EMAIL_ENV);
  const router = new IntegrationRouter(t.deps.db.pool, config, createKeyring(config), silentLogger());
  await router.close();
  for (let i = 0; i < 10; i++) await router.failure(live, "Connection pool was closed");
  expect(await read()).toEqual(before);
  // An open router still counts them (the check above is not vacuous).
  const open = new IntegrationRouter(t.deps.db.pool, config, createKeyring(config), silentLogger());
  await open.failure(live, "connection refused");
  expect((await read()).consecutive_failures).toBe(before.consecutive_failures + 1);
  await open.close();
});
