// The worker runtime in-process against real Redis and Postgres: payload
// validation, record write-back for completed / retried / failed jobs,
// progress, jobs from a plain BullMQ producer, the honest email processor,
// schedulers, heartbeats, and graceful / forced close.
import { Job, type Queue } from "bullmq";
import pg from "pg";

import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { SCHEDULES } from "../../apps/worker/src/schedule";
import { SHUTDOWN_REASON } from "../../apps/worker/src/workers";
import type { LogExportPayload } from "../../packages/core/src";
import { getJobHistory } from "../../packages/db/src";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { producer, readRecord, silentLogger, testConfig, waitFor } from "./workerHelpers";

let env: TestEnv;
let pool: pg.Pool;
const queues: Queue[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
});
afterAll(async () => {
  for (const q of queues) await q.close();
  await pool.end();
  await env.cleanup();
});
const open = (name: string) => {
  const q = producer(env, name);
  queues.push(q);
  return q;
};

/** Gates that hold a job until the test releases it. */
function createGates() {
  const gates = new Map<string, () => void>();
  const waiting = new Map<string, Promise<void>>();
  const gate = (id: string) => {
    let p = waiting.get(id);
    if (!p) {
      p = new Promise<void>((r) => gates.set(id, r));
      waiting.set(id, p);
    }
    return p;
  };
  return { gate, release: (id: string) => (gate(id), gates.get(id)?.()) };
}

// A log-exports processor whose behaviour the export id selects: fail-N fails
// the first N attempts, fail-always always fails, hold-X waits for gate X.
const calls: string[] = [];
const signals = new Map<string, AbortSignal>();
const gates = createGates();
const scripted: Processor<LogExportPayload> = async (job, payload, ctx) => {
  calls.push(payload.export_id);
  signals.set(payload.export_id, ctx.signal);
  const [kind, arg] = payload.export_id.split("-", 2) as [string, string | undefined];
  if (kind === "fail" && (arg === "always" || job.attemptsMade < Number(arg))) {
    throw new Error(`scripted failure ${job.attemptsMade + 1}`);
  }
  if (kind === "hold") {
    await job.updateProgress(40);
    await gates.gate(arg ?? "");
  }
  return { ok: payload.export_id };
};

describe("worker runtime", () => {
  let rt: WorkerRuntime;
  let exportsQ: Queue;
  beforeAll(async () => {
    rt = startWorker(testConfig(env), silentLogger(), { processors: { "log-exports": scripted } });
    await rt.ready();
    exportsQ = open("log-exports");
  });
  afterAll(() => rt.close());

  const finished = (q: Queue, id: string) =>
    waitFor(`job ${id} finished`, async () => {
      const job = await Job.fromId(q, id);
      return job?.finishedOn ? job : undefined;
    });
  const recordWith = (queue: string, id: string, status: string) =>
    waitFor(`record ${queue}/${id} ${status}`, async () => {
      const r = await readRecord(pool, queue, id);
      return r?.status === status ? r : undefined;
    });

  it("fails a job with a bad payload at once, as unrecoverable, naming the field", async () => {
    const before = calls.length;
    await exportsQ.add("export", { wrong: 1 }, { jobId: "bad-1", attempts: 3, backoff: 10 });
    const job = await finished(exportsQ, "bad-1");
    expect(await job.getState()).toBe("failed");
    expect(job.attemptsMade).toBe(1); // not retried although 3 attempts were allowed
    expect(job.failedReason).toMatch(/^invalid payload for queue 'log-exports': export_id: /);
    expect(calls.length).toBe(before); // the processor never saw it
    const rec = await recordWith("log-exports", "bad-1", "failed");
    expect(rec).toMatchObject({ attempt: 1, attempts_made: 1, failed_reason: job.failedReason });
    expect(rec.finished_at).not.toBeNull();
  });

  it("records a job that completes on its second attempt, with its history", async () => {
    await exportsQ.add("export", { export_id: "fail-1" }, { jobId: "r-1", attempts: 3, backoff: 10 });
    const job = await finished(exportsQ, "r-1");
    expect(await job.getState()).toBe("completed");
    const rec = await recordWith("log-exports", "r-1", "completed");
    expect(rec).toMatchObject({ attempt: 2, attempts_made: job.attemptsMade, name: "export" });
    expect(rec.payload).toEqual({ export_id: "fail-1" });
    expect(rec.created_at.getTime()).toBe(job.timestamp);
    // Stored: only what the record cannot keep (the failed first attempt); the rest derives from the record.
    const ev = await pool.query(`SELECT attempt, event, at FROM job_events WHERE job_id = 'r-1' ORDER BY at, id`);
    expect(ev.rows.map((e: { attempt: number; event: string }) => `${e.attempt}:${e.event}`)).toEqual([
      "1:active",
      "1:retry",
    ]);
    const history = await getJobHistory(pool, "log-exports", "r-1");
    expect(history.events.map((e) => `${e.attempt}:${e.event}`)).toEqual([
      "1:active",
      "1:retry",
      "2:active",
      "2:completed",
    ]);
    expect(history.events[2]?.at).toEqual(rec.processed_at);
    expect(history.events[3]?.at).toEqual(rec.finished_at);
    expect(history.events[0]?.at.getTime()).toBeLessThanOrEqual(history.events[1]?.at.getTime() ?? 0);
  });

  it("records a job that exhausts its attempts as failed with the last reason", async () => {
    await exportsQ.add("export", { export_id: "fail-always" }, { jobId: "f-1", attempts: 2, backoff: 10 });
    const job = await finished(exportsQ, "f-1");
    const rec = await recordWith("log-exports", "f-1", "failed");
    expect(rec).toMatchObject({ attempt: 2, attempts_made: 2, failed_reason: "scripted failure 2" });
    expect(job.attemptsMade).toBe(2);
  });

  it("records progress while a job runs", async () => {
    await exportsQ.add("export", { export_id: "hold-p" }, { jobId: "p-1" });
    const rec = await waitFor("progress recorded", async () => {
      const r = await readRecord(pool, "log-exports", "p-1");
      return r?.progress === 40 ? r : undefined;
    });
    expect(rec.status).toBe("active");
    gates.release("p");
    await recordWith("log-exports", "p-1", "completed");
  });

  it("records jobs added by a plain BullMQ producer once a worker takes them", async () => {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push((await exportsQ.add(`plain-${i}`, { export_id: `plain${i}` })).id);
    for (const id of ids) {
      const rec = await recordWith("log-exports", String(id), "completed");
      expect(rec.name).toMatch(/^plain-/);
    }
    const n = await pool.query(`SELECT count(*)::int AS n FROM job_records WHERE name LIKE 'plain-%'`);
    expect(n.rows[0].n).toBe(20);
  });

  it("fails email jobs honestly while no SMTP integration exists", async () => {
    const email = open("email-sending");
    const payload = {
      campaign_id: "c1",
      from: "ops@example.com",
      subject: "Hi",
      text: "x",
      recipients: [{ email: "a@example.com" }],
    };
    await email.add("batch", payload, { jobId: "e-1", attempts: 5, backoff: 10 });
    const job = await finished(email, "e-1");
    expect(job.failedReason).toBe("no SMTP integration is configured");
    expect(job.attemptsMade).toBe(1);
    await recordWith("email-sending", "e-1", "failed");
  });

  it("schedules the metric-rollups jobs once however many workers start, and runs them", async () => {
    const second = startWorker(testConfig(env, { WORKER_QUEUES: "email-sending" }), silentLogger());
    await second.ready();
    await second.close();
    const rollups = open("metric-rollups");
    const schedulers = await rollups.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(SCHEDULES.map((s) => s.id).sort()); // none duplicated
    const done = await waitFor("maintenance run", async () => {
      const jobs = await rollups.getCompleted();
      return jobs.find((j) => j.data.kind === "maintenance");
    });
    expect(done.returnvalue).toMatchObject({ request_logs_deleted: 0, heartbeats_pruned: 0 });
  });

  it("heartbeats with host, pid, queues, cpu and memory", async () => {
    const hb = await waitFor("heartbeat row", async () => {
      const r = await pool.query(`SELECT * FROM worker_heartbeats WHERE id = $1`, [rt.heartbeatId]);
      return r.rows[0];
    });
    expect(hb).toMatchObject({ pid: process.pid, version: expect.any(String), stopped_at: null });
    expect(hb.queues).toEqual([
      "email-sending-high",
      "email-sending",
      "log-exports",
      "metric-rollups",
      "alert-webhooks",
    ]);
    expect(Number(hb.memory_rss_bytes)).toBeGreaterThan(0);
    expect(hb.cpu_percent).toBeGreaterThanOrEqual(0);
    const first = hb.last_seen_at as Date;
    await waitFor("a later beat", async () => {
      const r = await pool.query(`SELECT last_seen_at FROM worker_heartbeats WHERE id = $1`, [rt.heartbeatId]);
      return r.rows[0].last_seen_at > first;
    });
  });
});

describe("close", () => {
  it("stops taking jobs and lets the active one finish, then marks the heartbeat stopped", async () => {
    const rt = startWorker(testConfig(env, { WORKER_QUEUES: "log-exports" }), silentLogger(), {
      processors: { "log-exports": scripted },
    });
    await rt.ready();
    const q = open("log-exports");
    await q.add("export", { export_id: "hold-g" }, { jobId: "g-1" });
    await waitFor("g-1 active", async () => (await q.getJobState("g-1")) === "active");
    let closed = false;
    const closing = rt.close().then(() => (closed = true));
    await waitFor("workers no longer taking jobs", () => rt.draining);
    await q.add("export", { export_id: "late" }, { jobId: "late-1" });
    expect(closed).toBe(false); // still waiting for g-1
    gates.release("g");
    await closing;
    expect(await q.getJobState("g-1")).toBe("completed");
    expect(await q.getJobState("late-1")).toBe("waiting"); // not taken while draining
    expect((await readRecord(pool, "log-exports", "g-1"))?.status).toBe("completed"); // flushed before close resolved
    const hb = await pool.query(`SELECT stopped_at FROM worker_heartbeats WHERE id = $1`, [rt.heartbeatId]);
    expect(hb.rows[0].stopped_at).not.toBeNull();
    await q.remove("late-1");
  });

  it("after the grace period hands the running job back to wait (no attempt spent, not stalled) and tells its processor", async () => {
    const rt = startWorker(
      testConfig(env, { WORKER_QUEUES: "log-exports", SHUTDOWN_GRACE_MS: "100" }),
      silentLogger(),
      {
        processors: { "log-exports": scripted },
      },
    );
    await rt.ready();
    const q = open("log-exports");
    await q.add("export", { export_id: "hold-never" }, { jobId: "n-1" });
    await waitFor("n-1 active", async () => (await q.getJobState("n-1")) === "active");
    await rt.close(); // resolves although the processor is still holding
    // Back in wait for the next worker at once, rather than active until its lock lapses and a stalled check finds it.
    expect(await q.getJobState("n-1")).toBe("waiting");
    const job = await Job.fromId(q, "n-1");
    expect(job?.attemptsMade).toBe(0);
    expect(job?.stalledCounter ?? 0).toBe(0);
    expect(job?.failedReason ?? null).toBeNull();
    expect(signals.get("hold-never")?.aborted).toBe(true);
    expect(signals.get("hold-never")?.reason).toBe(SHUTDOWN_REASON);
    gates.release("never");
    await q.remove("n-1");
  });
});
