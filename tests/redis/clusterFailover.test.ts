// Opsdeck on a six-node Redis Cluster (three masters, a replica behind each:
// tests/helpers/redisCluster.ts) when the master owning the queues' slot dies
// and its replica takes over, as a production cluster fails over: the API
// and a worker configured with REDIS_CLUSTER_NODES, a producer adding jobs
// all along, the master killed (SIGKILL) mid-run. Opsdeck's own keys (rate
// limits) are moved onto that master first, so every client Opsdeck has must
// follow the promotion. Then, with no restart of anything of ours: the API
// lists the queues again, the rate limit still answers 429 (it does not fail
// open, and its count survived on the replica), /readyz is 200, and every job
// the producer was told was added is processed exactly once and has its
// completed record.
//
// While the slots have no master (node-timeout, then the election: seconds)
// adds fail at the producer; it retries them, as a real producer would, with
// the same job id, so a retry cannot add a job twice. Redis replicates
// asynchronously, so an add acknowledged just before the kill could in general
// be lost by Redis itself; to make "the producer was told it was added" mean
// "it is on the replica", each add is followed by WAIT 1 on the master that
// took it, and an add the replica has not confirmed counts as not added.
import { Queue } from "bullmq";
import { Cluster } from "ioredis";
import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import type { AppDeps } from "../../apps/api/src/deps";
import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import type { LogExportPayload } from "../../packages/core/src";
import { startRedisCluster, type TestCluster, until } from "../helpers/redisCluster";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { allCompleted, silentLogger, testConfig } from "../worker/workerHelpers";

const QUEUES = "/api/v1/platform/system/queues";

let cluster: TestCluster;
let t: TestApp;
let worker: WorkerRuntime;
let producerConnection: Cluster;
let producer: Queue;
let limited: AppDeps | undefined;

/** How many times the processor ran for each export id. */
const runs = new Map<string, number>();
/**
 * Each job is 100 ms of work (ms; a workload, not a wait for anything), so a job is running when the
 * master dies and its completion is written while the slot has no master: the worker's command must
 * wait for the promotion, not fail (a failed completion leaves the job active, to be found stalled and
 * run again).
 */
const scripted: Processor<LogExportPayload> = async (_job, payload) => {
  runs.set(payload.export_id, (runs.get(payload.export_id) ?? 0) + 1);
  await new Promise((r) => setTimeout(r, 100));
  return { ok: payload.export_id };
};

beforeAll(async () => {
  cluster = await startRedisCluster({ replicas: 1 });
  t = await createTestApp({ SESSION_SECRET: "c".repeat(32) }, { REDIS_CLUSTER_NODES: cluster.seeds });
  worker = startWorker(testConfig(t.env, { WORKER_QUEUES: "log-exports" }), silentLogger(), {
    processors: { "log-exports": scripted },
  });
  await worker.ready();
  // A plain BullMQ producer on its own Cluster client, as another service would use.
  producerConnection = cluster.client();
  producer = new Queue("log-exports", { connection: producerConnection, prefix: t.env.queuePrefix });
}, 180_000);
afterAll(async () => {
  try {
    await producer?.close();
    producerConnection?.disconnect();
    if (limited) await closeDeps(limited);
    await worker?.close();
    await t?.close();
  } finally {
    // Even when a close above failed: the nodes are processes of ours, and left running they keep Jest alive.
    await cluster?.close();
  }
}, 180_000);

/** Adds job `id`, then waits (at most 2 s) for the master that took it to have it on its replica. */
async function addConfirmed(id: string, slot: number): Promise<void> {
  await producer.add("export", { export_id: id }, { jobId: id });
  // WAIT covers the writes made on one connection: the producer's connection to the slot's master.
  const master = producerConnection.slots[slot]?.[0];
  const node = producerConnection.nodes("master").find((n) => `${n.options.host}:${n.options.port}` === master);
  if (!node) throw new Error(`no connection to the master of slot ${slot}`);
  const replicas = Number(await node.call("WAIT", "1", "2000"));
  if (replicas < 1) throw new Error(`${id}: not on a replica yet`);
}

it("the master owning the queues' slot fails over to its replica; Opsdeck follows and loses no job", async () => {
  const ops = { "X-API-Key": t.keys.ops };
  const slot = await cluster.slotOf(`${t.env.queuePrefix}:x`);
  const master = await cluster.ownerOf(slot);
  const replica = await cluster.replicaOf(master);
  // Opsdeck's own keys (rate limits) on the same master, so their clients must follow the failover too.
  await cluster.moveSlot(await cluster.slotOf(`${t.deps.config.REDIS_KEY_PREFIX}:x`), master);

  // A second API with a read limit of 5 an hour: one request now, four after the failover, then 429.
  limited = createDeps(
    { ...t.deps.config, RATE_LIMIT_READ: 5, RATE_LIMIT_WRITE: 5, RATE_LIMIT_WINDOW_SECONDS: 3_600 },
    t.deps.logger,
  );
  await until("its Redis clients", async () => limited!.redis.status === "ready");
  const limitedApp = t.checked(createApp(limited));
  expect((await request(limitedApp).get(QUEUES).set("X-API-Key", t.keys.viewer)).status).toBe(200);
  expect((await request(t.app).get(QUEUES).set(ops)).status).toBe(200);

  const added: string[] = [];
  let failedAdds = 0;
  let stop = false;
  const produce = (async () => {
    while (!stop) {
      const id = `f-${added.length}`;
      try {
        await addConfirmed(id, slot);
        added.push(id);
      } catch {
        // Not confirmed: the same id again shortly (a no-op if Redis kept the first add).
        failedAdds++;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  })();
  await until("jobs processed before the failover", async () => runs.size >= 5, 120_000);
  const promoted = await cluster.failover(master);
  expect(promoted.port).toBe(replica.port);
  expect((await cluster.ownerOf(slot)).port).toBe(replica.port);
  // The promoted master has no replica until the old one comes back: it rejoins as the new master's replica.
  const addedAtFailover = added.length;
  await cluster.restart(master);
  await until("the old master replicating the new one", async () => (await cluster.replicaOf(promoted)) === master);
  await until("jobs added after the failover", async () => added.length >= addedAtFailover + 5, 120_000);
  stop = true;
  await produce;

  // The API answers from the new master, without a restart of ours.
  await until("GET /queues 200 from the new master", async () => {
    const r = await request(t.app).get(QUEUES).set(ops);
    return r.status === 200;
  });
  const listed = await request(t.app).get(`${QUEUES}/log-exports`).set(ops);
  expect(listed.status).toBe(200);
  // The limiter's count survived on the replica: four more reads, then 429 (not failing open).
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    statuses.push((await request(limitedApp).get(QUEUES).set("X-API-Key", t.keys.viewer)).status);
  }
  expect(statuses).toEqual([200, 200, 200, 200, 429]);
  expect((await request(t.app).get("/readyz")).status).toBe(200);

  // Every confirmed job, before, during and after the failover, ran exactly once and has its record.
  await until("every added job processed", async () => added.every((id) => runs.has(id)), 120_000);
  await until("every added job's completed record", () => allCompleted(t.deps.db.pool, "log-exports", added), 120_000);
  expect(added.filter((id) => runs.get(id) !== 1)).toEqual([]);
  expect(added.length).toBeGreaterThanOrEqual(addedAtFailover + 5);
  // The adds refused while the slot had no master, retried above (printed: how long the gap was, in adds).
  console.info(`cluster failover: ${added.length} jobs added, ${failedAdds} adds refused and retried`);
}, 300_000);
