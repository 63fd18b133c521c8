// Opsdeck on a Sentinel-managed Redis (tests/helpers/redisSentinel.ts): the
// API and a worker configured with REDIS_SENTINELS, jobs produced all along,
// and SENTINEL FAILOVER mid-run. Both reconnect to the new primary by
// themselves: the API answers again (rate limiter counting, not failing
// open, which needs writes on the primary), and every job added is processed
// and has its completed record.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import request from "supertest";

import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import type { LogExportPayload } from "../../packages/core/src";
import { until } from "../helpers/redisCluster";
import { startRedisSentinel, type TestSentinel } from "../helpers/redisSentinel";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { allCompleted, silentLogger, testConfig } from "../worker/workerHelpers";

const QUEUES = "/api/v1/platform/system/queues";

let sentinel: TestSentinel;
let t: TestApp;
let worker: WorkerRuntime;
let producer: Queue;
let producerConnection: Redis;

const processed = new Set<string>();
const scripted: Processor<LogExportPayload> = async (_job, payload) => {
  processed.add(payload.export_id);
  return { ok: payload.export_id };
};

beforeAll(async () => {
  sentinel = await startRedisSentinel();
  t = await createTestApp({}, sentinel.env);
  worker = startWorker(testConfig(t.env, { WORKER_QUEUES: "log-exports" }), silentLogger(), {
    processors: { "log-exports": scripted },
  });
  await worker.ready();
  // A plain BullMQ producer that finds the primary through the sentinel, as another service would. Its
  // failover detector moves it at once: writes to a primary being demoted would be lost by Redis itself.
  const [host, port] = sentinel.env.REDIS_SENTINELS.split(":");
  producerConnection = new Redis({
    sentinels: [{ host: host!, port: Number(port) }],
    name: sentinel.env.REDIS_SENTINEL_NAME,
    maxRetriesPerRequest: null,
    failoverDetector: true,
  });
  producer = new Queue("log-exports", { connection: producerConnection, prefix: t.env.queuePrefix });
}, 120_000);
afterAll(async () => {
  await producer?.close();
  producerConnection?.disconnect();
  await worker?.close();
  await t?.close();
  await sentinel?.close();
}, 120_000);

it("API and worker follow a failover to the new primary; no job is lost", async () => {
  const ops = { "X-API-Key": t.keys.ops };
  const first = await request(t.app).get(QUEUES).set(ops);
  expect(first.status).toBe(200);
  expect(first.headers["x-ratelimit-remaining"]).toBeDefined();

  const added: string[] = [];
  let stop = false;
  const produce = (async () => {
    while (!stop) {
      const id = `s-${added.length}`;
      await producer.add("export", { export_id: id }, { jobId: id });
      added.push(id);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await until("jobs before the failover", async () => processed.size >= 5);
  const before = await sentinel.masterPort();
  const after = await sentinel.failover();
  expect(after).not.toBe(before);
  const addedAtFailover = added.length;
  await until("jobs added after the failover", async () => added.length >= addedAtFailover + 5, 120_000);
  stop = true;
  await produce;

  // The API is back on the primary: the queue list answers and the rate limiter counts (writes succeed).
  await until(
    "the API answering from the new primary",
    async () => {
      const r = await request(t.app).get(QUEUES).set(ops);
      return r.status === 200 && r.headers["x-ratelimit-remaining"] !== undefined;
    },
    120_000,
  );
  expect((await request(t.app).get("/readyz")).status).toBe(200);

  // Every job added was processed once it reached the new primary, and has its completed record.
  await until("every added job processed", async () => added.every((id) => processed.has(id)), 120_000);
  await until("every added job's completed record", () => allCompleted(t.deps.db.pool, "log-exports", added), 120_000);
  expect(added.length).toBeGreaterThanOrEqual(addedAtFailover + 5);
});
