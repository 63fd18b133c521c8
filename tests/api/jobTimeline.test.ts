// One timeline per job: a real worker runs a job that logs, fails, is retried
// through the API (an audit entry) and completes; the timeline merges its
// record, events, the worker's log lines (stored with queue and job_id in
// columns of their own) and the retry's audit entry, in time order, bounded.
// The log search finds the same lines by queue and job_id.
import type { Queue } from "bullmq";
import pg from "pg";
import request from "supertest";

import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { createLogger, type LogExportPayload } from "../../packages/core/src";
import { createPostgresLogTransport, type PostgresLogTransport } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { producer, testConfig, waitFor } from "../worker/workerHelpers";

const API = "/api/v1/platform/system";
const QUEUE = "log-exports";
let t: TestApp;
let rt: WorkerRuntime;
let logPool: pg.Pool;
let transport: PostgresLogTransport;
let q: Queue;

// Logs one line per run; the first run of "tl-1" fails (attempts: 1, so the job ends failed). Runs are
// counted here: a manual retry resets the job's own attempt counters.
const runs = new Map<string, number>();
const logging: Processor<LogExportPayload> = async (_job, payload, ctx) => {
  const n = (runs.get(payload.export_id) ?? 0) + 1;
  runs.set(payload.export_id, n);
  ctx.log.info(`run ${n} of ${payload.export_id}`);
  if (payload.export_id === "tl-1" && n === 1) throw new Error("first run fails");
  return null;
};

beforeAll(async () => {
  t = await createTestApp();
  logPool = new pg.Pool({ connectionString: t.env.databaseUrl, max: 2 });
  transport = createPostgresLogTransport({ pool: logPool, service: "worker", intervalMs: 20 });
  const logger = createLogger({ service: "worker", level: "info", silent: true });
  logger.add(transport);
  rt = startWorker(testConfig(t.env, { WORKER_QUEUES: QUEUE }), logger, { processors: { [QUEUE]: logging } });
  await rt.ready();
  q = producer(t.env, QUEUE);
});
afterAll(async () => {
  await rt.close();
  await q.close();
  await transport.shutdown();
  await logPool.end();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });
const timeline = (id: string, key = t.keys.ops, query = "") =>
  request(t.app).get(`${API}/queues/${QUEUE}/jobs/${id}/timeline${query}`).set("X-API-Key", key);

interface Item {
  at: string;
  kind: string;
  message?: string;
  action?: string;
  event?: string;
  scope?: string;
}

describe("a job's timeline", () => {
  let items: Item[];
  beforeAll(async () => {
    await q.add("export", { export_id: "tl-1" }, { jobId: "tl-1", attempts: 1 });
    await waitFor("the job failed", async () => (await q.getJobState("tl-1")) === "failed");
    // The queue is paused over the retry, so its audit entry (written once the call ends) is on record before
    // the second run starts.
    expect((await request(t.app).post(`${API}/queues/${QUEUE}/pause`).set(ops())).status).toBe(200);
    const retried = await request(t.app).post(`${API}/jobs/tl-1/retry`).query({ queue: QUEUE }).set(ops());
    expect(retried.status).toBe(200);
    expect((await request(t.app).post(`${API}/queues/${QUEUE}/resume`).set(ops())).status).toBe(200);
    await waitFor("the job completed", async () => (await q.getJobState("tl-1")) === "completed");
    items = await waitFor("both runs' log lines, the retry and the completion on the timeline", async () => {
      const r = await timeline("tl-1");
      const got = r.body.data.items as Item[];
      const logs = got.filter((i) => i.kind === "log").length;
      const done = got.some((i) => i.kind === "event" && i.event === "completed");
      return logs === 2 && done ? got : undefined;
    });
  });

  it("merges record, events, log lines and the retry's audit entry in time order", () => {
    const at = items.map((i) => i.at);
    expect([...at].sort()).toEqual(at);
    expect(items[0]).toMatchObject({ kind: "record", status: "completed" });
    const pos = (pred: (i: Item) => boolean) => items.findIndex(pred);
    const firstRun = pos((i) => i.kind === "log" && i.message === "run 1 of tl-1");
    const retry = pos((i) => i.kind === "audit" && i.action === "job.retry");
    const secondRun = pos((i) => i.kind === "log" && i.message === "run 2 of tl-1");
    const failed = pos((i) => i.kind === "event" && i.event === "failed");
    const completed = pos((i) => i.kind === "event" && i.event === "completed");
    for (const p of [firstRun, retry, secondRun, failed, completed]) expect(p).toBeGreaterThan(0);
    expect(firstRun).toBeLessThan(failed);
    expect(failed).toBeLessThan(retry);
    expect(retry).toBeLessThan(secondRun);
    expect(secondRun).toBeLessThan(completed);
    expect(items[retry]).toMatchObject({ scope: "job", outcome: "success", target: `job:${QUEUE}/tl-1` });
  });

  it("is bounded: limit keeps the oldest items and says more exist", async () => {
    const r = await timeline("tl-1", t.keys.ops, "?limit=2");
    expect(r.status).toBe(200);
    expect(r.body.data.items).toEqual(items.slice(0, 2));
    expect(r.body.data.truncated).toBe(true);
    const all = await timeline("tl-1", t.keys.ops, "?limit=1000");
    expect(all.body.data.truncated).toBe(false);
    expect((await timeline("tl-1", t.keys.ops, "?limit=0")).status).toBe(400);
  });

  it("leaves audit entries out for a key that may not read the audit trail", async () => {
    const r = await timeline("tl-1", t.keys.viewer);
    expect(r.status).toBe(200);
    expect(r.body.data.omitted).toEqual(["audit"]);
    expect((r.body.data.items as Item[]).some((i) => i.kind === "audit")).toBe(false);
    expect((r.body.data.items as Item[]).filter((i) => i.kind === "log")).toHaveLength(2);
    expect((await timeline("tl-1", t.keys.integration)).status).toBe(403);
  });

  it("answers 404 for a job nobody ever heard of, and for an unknown queue", async () => {
    expect((await timeline("never-was")).body.error.code).toBe("job_not_found");
    const r = await request(t.app).get(`${API}/queues/no-such-queue/jobs/x/timeline`).set(ops());
    expect(r.status).toBe(404);
  });

  it("log search filters by queue and job_id (job_id needs queue)", async () => {
    const r = await request(t.app).get(`${API}/logs`).query({ queue: QUEUE, job_id: "tl-1" }).set(ops());
    expect(r.status).toBe(200);
    const logs = r.body.data.logs as { message: string; queue: string; job_id: string }[];
    expect(logs.map((l) => l.message).sort()).toEqual(["run 1 of tl-1", "run 2 of tl-1"]);
    expect(logs.every((l) => l.queue === QUEUE && l.job_id === "tl-1")).toBe(true);
    const other = await request(t.app).get(`${API}/logs`).query({ queue: QUEUE, job_id: "tl-2" }).set(ops());
    expect(other.body.data.logs).toEqual([]);
    const bad = await request(t.app).get(`${API}/logs`).query({ job_id: "tl-1" }).set(ops());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: "query.job_id", code: "job_id_needs_queue" });
  });
});
