// Workers: GET /workers shows an Opsdeck worker process (its heartbeat and
// per-queue state) and a plain BullMQ Worker of another service (foreign,
// from CLIENT LIST only); commands to the Opsdeck worker through the API
// and Redis: pause keeps jobs waiting, resume lets them run, set_concurrency
// shows, drain stops the process once its running job is done. Foreign
// workers cannot be told anything (409); viewers cannot send commands.
import { type Queue, Worker } from "bullmq";
import request from "supertest";

import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import type { LogExportPayload } from "../../packages/core/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { producer, silentLogger, testConfig, waitFor } from "../worker/workerHelpers";

const API = "/api/v1/platform/system";
const SERVED = "log-exports";
const FOREIGN_QUEUE = "alert-webhooks";
let t: TestApp;
let rt: WorkerRuntime;
let foreign: Worker;
let q: Queue;

const gates = new Map<string, () => void>();
const held = new Map<string, Promise<void>>();
const gate = (id: string) => {
  if (!held.has(id)) held.set(id, new Promise<void>((r) => gates.set(id, r)));
  return held.get(id)!;
};
// "hold-x" runs until the test releases gate x; anything else completes at once.
const processor: Processor<LogExportPayload> = async (_job, payload) => {
  const [kind, arg] = payload.export_id.split("-", 2);
  if (kind === "hold") await gate(arg ?? "");
  return null;
};

beforeAll(async () => {
  t = await createTestApp();
  rt = startWorker(testConfig(t.env, { WORKER_QUEUES: SERVED }), silentLogger(), {
    processors: { [SERVED]: processor },
  });
  await rt.ready();
  // Another service's worker: a plain BullMQ Worker, unnamed, on a queue the Opsdeck worker does not serve.
  foreign = new Worker(FOREIGN_QUEUE, async () => null, {
    connection: { url: t.env.redisUrl, maxRetriesPerRequest: null },
    prefix: t.env.queuePrefix,
  });
  await foreign.waitUntilReady();
  q = producer(t.env, SERVED);
});
afterAll(async () => {
  for (const release of gates.values()) release();
  await rt.close();
  await foreign.close();
  await q.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });

interface WorkerRow {
  id: string;
  kind: string;
  status: string;
  client: string | null;
  host: string | null;
  pid: number | null;
  queues: { name: string; state: string | null; concurrency: number | null; running_jobs: number | null }[];
  connections: number;
  cpu_percent: number | null;
  version: string | null;
  started_at: string | null;
  last_seen_at: string | null;
}

async function workers(key = t.keys.ops): Promise<WorkerRow[]> {
  const r = await request(t.app).get(`${API}/workers`).set("X-API-Key", key);
  expect(r.status).toBe(200);
  return r.body.data.workers as WorkerRow[];
}
const ours = async () => (await workers()).find((w) => w.id === rt.heartbeatId);

const send = (body: Record<string, unknown>, id = rt.heartbeatId, key = t.keys.ops) =>
  request(t.app)
    .post(`${API}/workers/${encodeURIComponent(id)}/commands`)
    .set("X-API-Key", key)
    .send(body);

/** Sends a command and waits for its outcome. */
async function command(body: Record<string, unknown>, until = ["done", "failed"]) {
  const sent = await send(body);
  expect(sent.status).toBe(202);
  expect(sent.body.data.status).toBe("pending");
  expect(sent.headers.location).toBe(
    `${API}/workers/${encodeURIComponent(rt.heartbeatId)}/commands/${sent.body.data.command_id}`,
  );
  return waitFor(`command ${body.command as string} ${until.join("/")}`, async () => {
    const r = await request(t.app).get(sent.headers.location!).set(ops());
    return until.includes(r.body.data.status) ? r.body.data : undefined;
  });
}

/** Waits until the Opsdeck worker's heartbeat has been written twice more: it has been running meanwhile. */
async function twoMoreBeats(): Promise<void> {
  const first = (await ours())!.last_seen_at!;
  const after = await waitFor("a beat", async () => {
    const w = await ours();
    return w && w.last_seen_at! > first ? w.last_seen_at! : undefined;
  });
  await waitFor("another beat", async () => ((await ours())!.last_seen_at! > after ? true : undefined));
}

it("lists the Opsdeck worker (heartbeat) and a foreign BullMQ worker, with what each can tell", async () => {
  const list = await waitFor("both workers listed", async () => {
    const l = await workers();
    return l.some((w) => w.id === rt.heartbeatId && w.connections > 0) && l.some((w) => w.kind === "foreign")
      ? l
      : undefined;
  });
  const mine = list.find((w) => w.id === rt.heartbeatId)!;
  expect(mine).toMatchObject({
    kind: "opsdeck",
    status: "running",
    client: "node",
    pid: process.pid,
    queues: [{ name: SERVED, state: "running", concurrency: expect.any(Number), running_jobs: 0 }],
  });
  expect(mine.version).toEqual(expect.any(String));
  expect(mine.cpu_percent).toEqual(expect.any(Number));
  const other = list.find((w) => w.kind === "foreign")!;
  expect(other).toMatchObject({
    id: expect.stringMatching(/^redis-\d+$/),
    status: "connected",
    client: "node",
    pid: null,
    cpu_percent: null,
    version: null,
    connections: 1,
    queues: [{ name: FOREIGN_QUEUE, state: null, concurrency: null, running_jobs: null }],
  });
  expect(other.host).toEqual(expect.any(String));
  expect(other.started_at).toEqual(expect.any(String));
  // A viewer may look; an integration key may not.
  expect((await workers(t.keys.viewer)).length).toBe(list.length);
  expect((await request(t.app).get(`${API}/workers`).set("X-API-Key", t.keys.integration)).status).toBe(403);
});

it("refuses commands to a foreign worker (409), an unknown one (404), bad bodies (400) and viewers (403)", async () => {
  const other = (await workers()).find((w) => w.kind === "foreign")!;
  const r = await send({ command: "pause", queue: FOREIGN_QUEUE }, other.id);
  expect(r.status).toBe(409);
  expect(r.body.error.code).toBe("worker_not_controllable");
  expect((await send({ command: "drain" }, "no-such-worker")).status).toBe(404);
  expect((await send({ command: "pause" })).status).toBe(400); // no queue
  expect((await send({ command: "set_concurrency", queue: SERVED })).status).toBe(400); // no concurrency
  expect((await send({ command: "drain", queue: SERVED })).status).toBe(400);
  const unserved = await send({ command: "pause", queue: FOREIGN_QUEUE });
  expect(unserved.body.error.details[0]).toMatchObject({ field: "body.queue", code: "queue_not_served" });
  const viewer = await send({ command: "pause", queue: SERVED }, rt.heartbeatId, t.keys.viewer);
  expect(viewer.status).toBe(403);
  expect((await ours())!.queues[0]!.state).toBe("running");
});

it("pause keeps jobs waiting; resume lets them run", async () => {
  const paused = await command({ command: "pause", queue: SERVED });
  expect(paused).toMatchObject({ status: "done", result: { queue: SERVED, paused: true } });
  expect((await ours())!.queues[0]!.state).toBe("paused");
  await q.add("export", { export_id: "p-1" }, { jobId: "p-1" });
  await twoMoreBeats();
  expect(await q.getJobState("p-1")).toBe("waiting");
  const resumed = await command({ command: "resume", queue: SERVED });
  expect(resumed).toMatchObject({ status: "done", result: { paused: false } });
  await waitFor("p-1 completed", async () => (await q.getJobState("p-1")) === "completed");
  expect((await ours())!.queues[0]!.state).toBe("running");
  // On record, as worker:<id>.
  const audit = await t.deps.db.pool.query(
    `SELECT parameters FROM audit_events WHERE action = 'worker.command' AND target = $1 AND outcome = 'success' ORDER BY id`,
    [`worker:${rt.heartbeatId}`],
  );
  expect(audit.rows.map((r) => (r.parameters as { command: string }).command)).toEqual(["pause", "resume"]);
});

it("set_concurrency changes the queue's concurrency live", async () => {
  const done = await command({ command: "set_concurrency", queue: SERVED, concurrency: 7 });
  expect(done.result).toMatchObject({ concurrency: 7 });
  expect(rt.workers[0]!.concurrency).toBe(7);
  expect((await ours())!.queues[0]!.concurrency).toBe(7);
});

it("drain stops the worker once its running job is done", async () => {
  await q.add("export", { export_id: "hold-d" }, { jobId: "hold-d" });
  await waitFor("hold-d running", async () => (await q.getJobState("hold-d")) === "active");
  const sent = await send({ command: "drain" });
  expect(sent.status).toBe(202);
  const url = sent.headers.location!;
  const status = async () => (await request(t.app).get(url).set(ops())).body.data;
  await waitFor("the drain taken", async () => (await status()).status === "running");
  await waitFor("the worker draining", () => rt.draining);
  // It takes no new job while the held one runs.
  await q.add("export", { export_id: "after-drain" }, { jobId: "after-drain" });
  expect((await status()).status).toBe("running");
  gates.get("d")!();
  const done = await waitFor("the drain done", async () => {
    const s = await status();
    return s.status === "done" ? s : undefined;
  });
  expect(done.result).toEqual({ stopped: true, forced: false });
  expect(await q.getJobState("hold-d")).toBe("completed");
  expect(await q.getJobState("after-drain")).toBe("waiting");
  expect((await ours())!.status).toBe("stopped");
  const again = await send({ command: "resume", queue: SERVED });
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe("worker_stopped");
});
