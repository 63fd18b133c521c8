// Opsdeck on a real three-master Redis Cluster (tests/helpers/redisCluster.ts):
// the API and a worker configured with REDIS_CLUSTER_NODES and a braced
// QUEUE_PREFIX. Queue listing and counts, the job list and detail, a bulk
// retry, the rate limit (429, not failing open), Bull Board's API and worker
// processing; then the queues' slot is moved to another master while requests
// and jobs go (no failed request, no lost job); finally the master owning the
// queues' slot is killed and /readyz answers 503.
import { Queue } from "bullmq";
import { Cluster } from "ioredis";
import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import type { LogExportPayload } from "../../packages/core/src";
import { startRedisCluster, type TestCluster, until } from "../helpers/redisCluster";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { silentLogger, testConfig } from "../worker/workerHelpers";

const QUEUES = "/api/v1/platform/system/queues";
const JOBS = "/api/v1/platform/system/jobs";
const BOARD_API = "/admin/queues/api/queues";

let cluster: TestCluster;
let t: TestApp;
let worker: WorkerRuntime;
let producerConnection: Cluster;
let producer: Queue;
const processed = new Set<string>();

// log-exports jobs whose export id says what to do: "fail-*" always fails, anything else completes.
const scripted: Processor<LogExportPayload> = async (_job, payload) => {
  if (payload.export_id.startsWith("fail-")) throw new Error("scripted failure");
  processed.add(payload.export_id);
  return { ok: payload.export_id };
};

beforeAll(async () => {
  cluster = await startRedisCluster();
  t = await createTestApp({ SESSION_SECRET: "c".repeat(32) }, { REDIS_CLUSTER_NODES: cluster.seeds });
  worker = startWorker(testConfig(t.env, { WORKER_QUEUES: "log-exports" }), silentLogger(), {
    processors: { "log-exports": scripted },
  });
  await worker.ready();
  // A plain BullMQ producer on its own Cluster client, as another service would use.
  producerConnection = cluster.client();
  producer = new Queue("log-exports", { connection: producerConnection, prefix: t.env.queuePrefix });
}, 120_000);
afterAll(async () => {
  try {
    await producer?.close();
    producerConnection?.disconnect();
    await worker?.close();
    await t?.close();
  } finally {
    // Even when a close above failed: the nodes are processes of ours, and left running they keep Jest alive.
    await cluster?.close();
  }
}, 120_000);

const ops = () => ({ "X-API-Key": t.keys.ops });

async function completed(id: string): Promise<void> {
  await until(`job ${id} completed`, async () => (await producer.getJobState(id)) === "completed", 120_000);
}

it("the queues' keys and Opsdeck's own keys each live in one slot", async () => {
  expect(t.env.queuePrefix).toMatch(/^\{.+\}$/);
  expect(t.deps.config.REDIS_KEY_PREFIX).toMatch(/^\{.+\}$/);
  expect(await cluster.slotOf(`${t.env.queuePrefix}:log-exports:wait`)).toBe(
    await cluster.slotOf(`${t.env.queuePrefix}:other:meta`),
  );
});

it("a worker processes jobs, and the API lists the queue with its counts, jobs and detail", async () => {
  await producer.add("export", { export_id: "ok-1" }, { jobId: "ok-1" });
  await completed("ok-1");
  // A queue only a producer knows: found by discovery (SCAN on the master holding the prefix).
  const other = new Queue("partner-cluster", { connection: producerConnection, prefix: t.env.queuePrefix });
  await other.add("x", { n: 1 }, { jobId: "p-1", delay: 86_400_000 });
  await other.close();

  const list = await request(t.app).get(QUEUES).set(ops());
  expect(list.status).toBe(200);
  const byName = Object.fromEntries(
    (list.body.data.queues as { name: string; workers: number | null }[]).map((q) => [q.name, q]),
  );
  expect(byName["partner-cluster"]).toMatchObject({ delayed_jobs: 1, catalog: false });
  // One worker connection found by CLIENT LIST on the master holding the queues' slot.
  expect(byName["log-exports"]).toMatchObject({ completed_last_hour: 1, workers: expect.any(Number) });
  expect(byName["log-exports"]!.workers).toBeGreaterThanOrEqual(1);

  const jobs = await request(t.app).get(`${QUEUES}/log-exports/jobs?status=completed`).set(ops());
  expect(jobs.status).toBe(200);
  expect(JSON.stringify(jobs.body.data)).toContain("ok-1");

  const detail = await request(t.app).get(`${JOBS}/ok-1?queue=log-exports`).set(ops());
  expect(detail.status).toBe(200);
  expect(detail.body.data).toMatchObject({ id: "ok-1" });
});

it("a bulk retry moves failed jobs back to wait through the cluster", async () => {
  for (let i = 0; i < 3; i++) await producer.add("export", { export_id: `fail-${i}` }, { jobId: `fail-${i}` });
  await until("3 failed jobs", async () => (await producer.getFailedCount()) === 3, 120_000);
  await worker.close();
  const r = await request(t.app).post(`${QUEUES}/log-exports/retry`).set(ops()).send({ state: "failed" });
  expect(r.status).toBe(200);
  expect(r.body.data).toMatchObject({ queue: "log-exports", state: "failed", matched: 3, retried: 3 });
  expect(await producer.getFailedCount()).toBe(0);
  expect(await producer.getWaitingCount()).toBe(3);
  await producer.drain();
  worker = startWorker(testConfig(t.env, { WORKER_QUEUES: "log-exports" }), silentLogger(), {
    processors: { "log-exports": scripted },
  });
  await worker.ready();
});

it("Bull Board's API reads the queue", async () => {
  const login = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.ops });
  expect(login.status).toBe(303);
  const cookie = ([] as string[]).concat(login.headers["set-cookie"] ?? [])[0]!.split(";")[0]!;
  const r = await request(t.app)
    .get(`${BOARD_API}?activeQueue=log-exports&status=completed&page=1`)
    .set("Cookie", cookie);
  expect(r.status).toBe(200);
  const q = (r.body.queues as { name: string; counts: Record<string, number> }[]).find((x) => x.name === "log-exports");
  expect(q).toBeDefined();
  expect(q!.counts.completed).toBeGreaterThanOrEqual(1);
});

it("the rate limit answers 429 on a cluster (it does not fail open)", async () => {
  // A second API on the same cluster with a read limit of 5 per window.
  const deps = createDeps({ ...t.deps.config, RATE_LIMIT_READ: 5, RATE_LIMIT_WRITE: 5 }, t.deps.logger);
  try {
    await until(
      "its Redis clients",
      async () => deps.redis.status === "ready" && deps.queues.connection.status === "ready",
    );
    const app = t.checked(createApp(deps));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(app).get(QUEUES).set("X-API-Key", t.keys.viewer)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  } finally {
    await closeDeps(deps);
  }
});

it("moving the queues' slot to another master loses no request and no job", async () => {
  const slot = await cluster.slotOf(`${t.env.queuePrefix}:x`);
  const from = await cluster.ownerOf(slot);
  const to = cluster.nodes.find((n) => n !== from)!;
  const failures: string[] = [];
  let requests = 0;
  let added = 0;
  let stop = false;
  // Requests and jobs keep going for the whole move.
  const traffic = (async () => {
    while (!stop) {
      const id = `mv-${added}`;
      try {
        await producer.add("export", { export_id: id }, { jobId: id });
        added++;
      } catch (err) {
        failures.push(`add ${id}: ${String(err)}`);
      }
      const r = await request(t.app).get(QUEUES).set(ops());
      requests++;
      if (r.status !== 200) failures.push(`GET /queues ${r.status} ${JSON.stringify(r.body)}`);
    }
  })();
  await until("some traffic before the move", async () => added >= 3);
  await cluster.moveSlot(slot, to, async () => {
    // While the slot is half moved: requests are answered through ASK / TRYAGAIN retries.
    const r = await request(t.app).get(`${QUEUES}/log-exports`).set(ops());
    requests++;
    if (r.status !== 200) failures.push(`GET /queues/log-exports ${r.status} ${JSON.stringify(r.body)}`);
  });
  expect((await cluster.ownerOf(slot)).port).toBe(to.port);
  const addedAtMove = added;
  await until("traffic after the move", async () => added >= addedAtMove + 3);
  stop = true;
  await traffic;
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(3);
  for (let i = 0; i < added; i++) await completed(`mv-${i}`);
  expect([...processed].filter((id) => id.startsWith("mv-")).length).toBe(added);
});

it("a worker shuts down while its blocking Cluster connection is reconnecting", async () => {
  // ioredis never ends a disconnect made while a Cluster has no node connection, and BullMQ's pause/close
  // wait for that end: before cutBlockingConnection this close hung for good (it did in CI, after the
  // cut made by a pause landed while BullMQ was reconnecting the blocking Cluster).
  const other = startWorker(
    testConfig(t.env, { WORKER_QUEUES: "log-exports", SHUTDOWN_GRACE_MS: "1000" }),
    silentLogger(),
    {
      processors: { "log-exports": scripted },
    },
  );
  await other.ready();
  const blocking = (await other.workers[0]!.backend.blockingConnection!.client) as unknown as Cluster;
  await until("the blocking connection's nodes", async () => blocking.nodes().length > 0);
  // Its nodes' connections closed under it: the Cluster waits out its reconnect backoff (100 ms first),
  // and the close starts inside that window.
  const reconnecting = new Promise((resolve) => blocking.once("reconnecting", resolve));
  for (const node of blocking.nodes()) node.disconnect();
  await reconnecting;
  await other.close();
  expect(other.draining).toBe(true);
});

it("/readyz answers 503 while the master owning the queues' slot is down, and 200 once it is back", async () => {
  expect((await request(t.app).get("/readyz")).status).toBe(200);
  const owner = await cluster.ownerOf(await cluster.slotOf(`${t.env.queuePrefix}:x`));
  await cluster.stop(owner);
  await until(
    "/readyz 503",
    async () => {
      const r = await request(t.app).get("/readyz");
      return r.status === 503 && r.body.checks.redis === "down";
    },
    60_000,
  );
  await cluster.restart(owner);
  await until("/readyz 200 again", async () => (await request(t.app).get("/readyz")).status === 200, 120_000);
});
