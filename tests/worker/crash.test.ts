// kill -9 loses nothing: the built worker (apps/worker/dist/main.js) runs as
// a real child process with jobs in flight and is SIGKILLed mid-run; a second
// one recovers the stalled jobs (short lock and stalled interval) and
// reconciliation repairs the records the first one never flushed. After all
// jobs finish, every job's record matches its Redis state and attempts, with
// exactly one row per job.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import type { Queue } from "bullmq";
import pg from "pg";

import { defaultJobOptions } from "../../packages/core/src";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { producer, waitFor } from "./workerHelpers";

const root = path.resolve(__dirname, "../..");
const JOBS = 4_000;

let env: TestEnv;
let pool: pg.Pool;
let queue: Queue;
const children: ChildProcess[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  queue = producer(env, "email-sending");
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await queue.close();
  await pool.end();
  await env.cleanup();
});

function startChild(): { child: ChildProcess; output: () => string } {
  let out = "";
  const child = spawn(process.execPath, [path.join(root, "apps/worker/dist/main.js")], {
    env: {
      PATH: process.env.PATH,
      ...env.env,
      LOG_LEVEL: "warn",
      WORKER_QUEUES: "email-sending",
      WORKER_CONCURRENCY_EMAIL_SENDING: "50",
      // Recover a killed worker's jobs within seconds instead of the default 30 s.
      WORKER_LOCK_DURATION_MS: "2000",
      WORKER_STALLED_INTERVAL_MS: "1000",
      RECONCILE_INTERVAL_MS: "1000",
      RECONCILE_STALE_AFTER_MS: "3000",
      HEARTBEAT_INTERVAL_MS: "500",
      DB_POOL_SIZE: "4",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  children.push(child);
  return { child, output: () => out };
}

const heartbeats = async () =>
  (await pool.query<{ pid: number }>(`SELECT pid FROM worker_heartbeats WHERE stopped_at IS NULL`)).rows;

it("recovers every job after SIGKILL and leaves records matching Redis", async () => {
  const first = startChild();
  await waitFor("first worker heartbeat", async () => (await heartbeats()).some((h) => h.pid === first.child.pid));

  const payload = {
    campaign_id: "crash",
    from: "ops@example.com",
    subject: "s",
    text: "t",
    recipients: [{ email: "r@example.com" }],
  };
  const opts = defaultJobOptions("email-sending");
  for (let i = 0; i < JOBS; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, JOBS - i) }, (_, k) => ({
        name: "batch",
        data: payload,
        opts: { ...opts, jobId: `c${i + k}` },
      })),
    );
  }
  // Mid-run: some jobs done, others active in the first worker.
  await waitFor("first jobs finished", async () => (await queue.getFailedCount()) >= 300);
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));
  const counts = await queue.getJobCounts("active", "wait", "failed");
  expect(counts.active).toBeGreaterThan(0); // jobs were in flight when it died
  expect(counts.failed).toBeLessThan(JOBS);

  const second = startChild();
  try {
    await waitFor("all jobs finished", async () => (await queue.getJobCounts("failed")).failed === JOBS, 120_000);
    const ids = Array.from({ length: JOBS }, (_, i) => `c${i}`);
    let mismatches: string[] = [];
    await waitFor(
      "records matching Redis",
      async () => {
        const rows = await pool.query<{ job_id: string; status: string; attempt: number; n: number }>(
          `SELECT job_id, status, attempt, count(*) OVER (PARTITION BY job_id)::int AS n
             FROM job_records WHERE queue = 'email-sending'`,
        );
        const byId = new Map(rows.rows.map((r) => [r.job_id, r]));
        const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
        const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
        mismatches = ids.flatMap((id, i) => {
          const r = byId.get(id);
          const redis = `${states[i]}@${jobs[i]?.attemptsStarted}`;
          return r && r.n === 1 && `${r.status}@${r.attempt}` === redis
            ? []
            : [`${id}: record ${r ? `${r.status}@${r.attempt} x${r.n}` : "missing"}, redis ${redis}`];
        });
        return rows.rows.length === JOBS && mismatches.length === 0;
      },
      60_000,
    ).catch((err: unknown) => {
      throw new Error(`${String(err)}: ${mismatches.length} mismatches, e.g. ${mismatches.slice(0, 5).join("; ")}`, {
        cause: err,
      });
    });
    // Jobs that were active at the kill were run again by the second worker.
    const rerun = await pool.query(
      `SELECT count(*)::int AS n FROM job_records WHERE queue = 'email-sending' AND attempt > 1`,
    );
    expect(rerun.rows[0].n).toBeGreaterThan(0);
    const reasons = await pool.query(`SELECT DISTINCT failed_reason FROM job_records WHERE queue = 'email-sending'`);
    expect(reasons.rows).toEqual([{ failed_reason: "no SMTP integration is configured" }]);
  } catch (err) {
    throw new Error(`${String(err)}\n--- worker output ---\n${first.output()}\n${second.output()}`, { cause: err });
  } finally {
    second.child.kill("SIGTERM");
    const code = await new Promise((r) => second.child.once("exit", (c) => r(c)));
    expect(code).toBe(0); // a clean drain
  }
});
