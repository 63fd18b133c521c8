// Webhook delivery through the alert-webhooks queue to a local HTTP server
// that answers 500 first: the worker retries with backoff and the second
// attempt is received with a Slack-compatible body. Targets off the allowlist
// are refused at start-up and at delivery.
import http from "node:http";
import type { AddressInfo } from "node:net";

import { Queue } from "bullmq";

import { loadConfig } from "../../apps/worker/src/config";
import { evaluateAlerts } from "../../apps/worker/src/rollups/evaluateAlerts";
import {
  ALERT_WEBHOOK_QUEUE,
  deliverWebhook,
  enqueueWebhooks,
  startWebhookWorker,
  webhookAllowed,
  type WebhookConfig,
} from "../../apps/worker/src/rollups/webhooks";
import { ConfigError, createLogger } from "../../packages/core/src";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { metricsContext, testRedis } from "../metrics/helpers";

let t: TestApp;
let redis: Redis;
let server: http.Server;
const received: { status: number; body: Record<string, unknown> }[] = [];
let url = "";

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
});
afterAll(async () => {
  redis.disconnect();
  await new Promise((r) => server.close(r));
  await t.close();
});

it("delivers an opened alert to the webhook, retrying after a 500", async () => {
  const cfg: WebhookConfig = { url, allowlist: ["127.0.0.1"], attempts: 5, backoffMs: 50, timeoutMs: 2_000 };
  const producer = new Queue(ALERT_WEBHOOK_QUEUE, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  const worker = startWebhookWorker({
    redisUrl: t.env.redisUrl,
    prefix: t.env.queuePrefix,
    config: cfg,
    log: createLogger({ service: "worker", level: "error", silent: true }),
  });
  const backlog = new Queue("hook-backlog", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  try {
    const completed = new Promise<void>((resolve) => worker.worker.on("completed", () => resolve()));
    await backlog.addBulk([
      { name: "a", data: {} },
      { name: "b", data: {} },
    ]);
    const r = await evaluateAlerts(
      metricsContext(t, redis, {
        thresholds: { "*": { disabled: ["no_workers", "service_status"] }, "hook-backlog": { backlog: 1 } },
        notify: (events) => enqueueWebhooks(producer, cfg, events),
      }),
    );
    const alert = r.opened.find((a) => a.rule === "queue_backlog" && a.subject === "hook-backlog");
    expect(alert).toBeDefined();
    await completed;
    const mine = received.filter((x) => (x.body.alert as { id: string }).id === `alert_${alert?.id}`);
    expect(mine.map((x) => x.status)).toEqual([500, 200]);
    expect(mine[1]?.body).toMatchObject({
      event: "opened",
      text: expect.stringContaining("Queue size exceeded"),
      alert: { rule: "queue_backlog", subject: "hook-backlog", severity: "error" },
    });
    const job = await producer.getJob(`alert-${alert?.id}-opened`);
    expect(job?.attemptsMade).toBe(2);
  } finally {
    await worker.close();
    await backlog.obliterate({ force: true });
    await backlog.close();
    await producer.obliterate({ force: true });
    await producer.close();
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
      { url, allowlist: ["hooks.slack.com"], attempts: 1, backoffMs: 10, timeoutMs: 1_000 },
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
