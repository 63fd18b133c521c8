// Webhook delivery through the catalog's alert-webhooks queue, served by the
// worker runtime like every catalog queue, to a local HTTP server that
// answers 500 first: the job retries with the configured backoff, the second
// attempt is received with a Slack-compatible body, and the job's record is
// written. A bad payload fails at once as unrecoverable, and so does a job
// reaching a worker without ALERT_WEBHOOK_URL. Targets off the allowlist are
// refused at start-up and at delivery.
import http from "node:http";
import type { AddressInfo } from "node:net";

import { Job, Queue } from "bullmq";

import { alertWebhookJobOptions, loadConfig } from "../../apps/worker/src/config";
import { evaluateAlerts } from "../../apps/worker/src/rollups/evaluateAlerts";
import { deliverWebhook, enqueueWebhooks, webhookAllowed } from "../../apps/worker/src/rollups/webhooks";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { ConfigError } from "../../packages/core/src";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { createTestEnv } from "../helpers/testEnv";
import { metricsContext, testRedis } from "../metrics/helpers";
import { producer, readRecord, silentLogger, testConfig, waitFor } from "../worker/workerHelpers";

let t: TestApp;
let redis: Redis;
let server: http.Server;
const received: { status: number; body: Record<string, unknown> }[] = [];
let url = "";
let rt: WorkerRuntime;
let hooks: Queue;
/** Worker env delivering to the local server, retrying quickly (backoff base 50 ms). */
let hookEnv: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const status = received.length === 0 ? 500 : 200; // the first delivery fails
      received.push({ status, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  hookEnv = {
    WORKER_QUEUES: "alert-webhooks",
    ALERT_WEBHOOK_URL: url,
    ALERT_WEBHOOK_ALLOWLIST: "127.0.0.1",
    ALERT_WEBHOOK_ATTEMPTS: "5",
    ALERT_WEBHOOK_BACKOFF_MS: "50",
    ALERT_WEBHOOK_TIMEOUT_MS: "2000",
  };
  rt = startWorker(testConfig(t.env, hookEnv), silentLogger());
  await rt.ready();
  hooks = producer(t.env, "alert-webhooks");
});
afterAll(async () => {
  await rt.close();
  await hooks.close();
  redis.disconnect();
  await new Promise((r) => server.close(r));
  await t.close();
});

const finished = (q: Queue, id: string) =>
  waitFor(`job ${id} finished`, async () => {
    const job = await Job.fromId(q, id);
    return job?.finishedOn ? job : undefined;
  });

it("delivers an opened alert to the webhook, retrying after a 500, and records the job", async () => {
  const config = testConfig(t.env, hookEnv);
  const backlog = new Queue("hook-backlog", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  try {
    await backlog.addBulk([
      { name: "a", data: {} },
      { name: "b", data: {} },
    ]);
    const r = await evaluateAlerts(
      metricsContext(t, redis, {
        thresholds: { "*": { disabled: ["no_workers", "service_status"] }, "hook-backlog": { backlog: 1 } },
        notify: (events) => enqueueWebhooks(hooks, alertWebhookJobOptions(config), events),
      }),
    );
    const alert = r.opened.find((a) => a.rule === "queue_backlog" && a.subject === "hook-backlog");
    expect(alert).toBeDefined();
    const jobId = `alert-${alert?.id}-opened`;
    const job = await finished(hooks, jobId);
    expect(await job.getState()).toBe("completed");
    const mine = received.filter((x) => (x.body.alert as { id: string }).id === `alert_${alert?.id}`);
    expect(mine.map((x) => x.status)).toEqual([500, 200]);
    expect(mine[1]?.body).toMatchObject({
      event: "opened",
      text: expect.stringContaining("Queue size exceeded"),
      alert: { rule: "queue_backlog", subject: "hook-backlog", severity: "error" },
    });
    expect(job.attemptsMade).toBe(2);
    // Attempts and backoff from ALERT_WEBHOOK_ATTEMPTS / ALERT_WEBHOOK_BACKOFF_MS, through core's job options.
    expect(job.opts).toMatchObject({ attempts: 5, backoff: { type: "exponential", delay: 50 } });
    const rec = await waitFor("the job's record", async () => {
      const row = await readRecord(t.deps.db.pool, "alert-webhooks", jobId);
      return row?.status === "completed" ? row : undefined;
    });
    expect(rec).toMatchObject({ attempt: 2, name: "opened" });
  } finally {
    await backlog.obliterate({ force: true });
    await backlog.close();
  }
});

it("fails a webhook job with a bad payload at once, as unrecoverable, and records it", async () => {
  const before = received.length;
  await hooks.add("opened", { event: "exploded", alert: { id: "x" } }, { jobId: "bad-1", attempts: 3, backoff: 10 });
  const job = await finished(hooks, "bad-1");
  expect(await job.getState()).toBe("failed");
  expect(job.attemptsMade).toBe(1); // not retried although 3 attempts were allowed
  expect(job.failedReason).toMatch(/^invalid payload for queue 'alert-webhooks': event: .*alert\.id: /);
  expect(received.length).toBe(before); // nothing was POSTed
  const rec = await waitFor("the failed job's record", async () => {
    const row = await readRecord(t.deps.db.pool, "alert-webhooks", "bad-1");
    return row?.status === "failed" ? row : undefined;
  });
  expect(rec.failed_reason).toBe(job.failedReason);
});

it("fails a webhook job as unrecoverable on a worker without ALERT_WEBHOOK_URL", async () => {
  // A queue prefix and database of its own, so the runtime above (which has the URL) cannot take the job.
  const env = await createTestEnv();
  const bare = startWorker(testConfig(env, { WORKER_QUEUES: "alert-webhooks" }), silentLogger());
  const q = producer(env, "alert-webhooks");
  try {
    await bare.ready();
    const payload = {
      event: "resolved",
      alert: {
        id: "alert_7",
        rule: "queue_backlog",
        subject: "q",
        severity: "error",
        service: "Queues",
        message: "m",
        timestamp: new Date().toISOString(),
        resolved_at: new Date().toISOString(),
      },
    };
    await q.add("resolved", payload, { jobId: "no-url-1", attempts: 3, backoff: 10 });
    const job = await finished(q, "no-url-1");
    expect(await job.getState()).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe("ALERT_WEBHOOK_URL is not set on this worker; the alert cannot be delivered");
  } finally {
    await bare.close();
    await q.close();
    await env.cleanup();
  }
});

it("refuses webhook hosts that are not on the allowlist", async () => {
  expect(webhookAllowed("https://hooks.slack.com/services/x", ["hooks.slack.com"])).toBe(true);
  expect(webhookAllowed("https://a.example.com/x", ["*.example.com"])).toBe(true);
  expect(webhookAllowed("https://evil.com/x", ["*.example.com", "hooks.slack.com"])).toBe(false);
  expect(webhookAllowed("file:///etc/passwd", ["*"])).toBe(false);
  expect(() =>
    loadConfig({ ALERT_WEBHOOK_URL: "https://evil.com/hook", ALERT_WEBHOOK_ALLOWLIST: "hooks.slack.com" }),
  ).toThrow(ConfigError);
  const before = received.length;
  await expect(
    deliverWebhook(
      { url, allowlist: ["hooks.slack.com"], timeoutMs: 1_000 },
      {
        event: "opened",
        alert: {
          id: "alert_1",
          rule: "r",
          subject: "s",
          severity: "error",
          service: "x",
          message: "m",
          timestamp: "",
          resolved_at: null,
        },
      },
    ),
  ).rejects.toThrow(/ALLOWLIST/);
  expect(received.length).toBe(before);
});
