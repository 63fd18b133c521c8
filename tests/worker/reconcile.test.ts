// Reconciliation repairs job records from Redis: a deleted record comes back,
// a record left behind (worker killed before its flush) catches up, one that
// contradicts Redis after an attempts reset is replaced, a job gone from Redis
// becomes 'removed' while finished ones stay as they are; only one process
// reconciles at a time (Redis lock).
import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";

import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { JOB_PHASE, upsertJobRecords } from "../../packages/db/src";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { producer, readRecord, silentLogger, testConfig, waitFor } from "./workerHelpers";

let env: TestEnv;
let pool: pg.Pool;
let rt: WorkerRuntime;
let exportsQ: Queue;
let emailQ: Queue;
beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  // Serves log-exports only: metric-rollups ticks (which also reconcile) do not run here.
  rt = startWorker(
    testConfig(env, { WORKER_QUEUES: "log-exports", RECONCILE_INTERVAL_MS: "3600000" }),
    silentLogger(),
    {
      processors: { "log-exports": async (_job, p) => ({ done: p.export_id }) },
    },
  );
  await rt.ready();
  exportsQ = producer(env, "log-exports");
  emailQ = producer(env, "email-sending"); // nobody serves it in this file: its jobs stay waiting
});
afterAll(async () => {
  await rt.close();
  await exportsQ.close();
  await emailQ.close();
  await pool.end();
  await env.cleanup();
});

const reconcileNow = () => rt.reconciler.run({ staleAfterMs: 0 });

it("repairs deleted, stale and contradictory records and marks vanished jobs removed", async () => {
  for (let i = 1; i <= 6; i++) await exportsQ.add("export", { export_id: `x${i}` }, { jobId: `x${i}` });
  for (let i = 1; i <= 6; i++) {
    await waitFor(
      `x${i} recorded`,
      async () => (await readRecord(pool, "log-exports", `x${i}`))?.status === "completed",
    );
  }
  const truth = await readRecord(pool, "log-exports", "x2");

  // Drift: x1's record lost; x2 stuck at 'active' (as if the worker died before flushing 'completed').
  await pool.query(`DELETE FROM job_records WHERE job_id = 'x1'`);
  await pool.query(`UPDATE job_records SET status = 'active', phase = 1, finished_at = NULL WHERE job_id = 'x2'`);
  // x3 removed from Redis by a producer; its record still says active.
  await pool.query(`UPDATE job_records SET status = 'active', phase = 1 WHERE job_id = 'x3'`);
  await exportsQ.remove("x3");
  // A waiting email job whose record claims a later attempt (an attempts reset that was never recorded).
  const e = await emailQ.add("batch", { campaign_id: "c" }, { jobId: "e1" });
  await upsertJobRecords(pool, [
    {
      queue: "email-sending",
      jobId: "e1",
      name: "batch",
      status: "active",
      attempt: 4,
      phase: JOB_PHASE.active,
      attemptsMade: 3,
      progress: null,
      failedReason: null,
      payload: null,
      createdAt: new Date(e.timestamp),
      processedAt: null,
      finishedAt: null,
    },
  ]);
  // x4's job was completed and later trimmed from Redis: a final record stays as it is.
  await exportsQ.remove("x4");

  const result = await reconcileNow();
  expect(result).not.toBeNull();
  expect(await readRecord(pool, "log-exports", "x1")).toMatchObject({ status: "completed", attempt: 1, phase: 2 });
  expect(await readRecord(pool, "log-exports", "x2")).toMatchObject({
    status: "completed",
    finished_at: truth?.finished_at,
  });
  expect(await readRecord(pool, "log-exports", "x3")).toMatchObject({ status: "removed" });
  expect(await readRecord(pool, "email-sending", "e1")).toMatchObject({ status: "waiting", attempt: 0, phase: 0 });
  expect(await readRecord(pool, "log-exports", "x4")).toMatchObject({ status: "completed" });

  // Nothing left to do: a second run changes nothing.
  expect(await reconcileNow()).toMatchObject({ repaired: 0, removed: 0 });
});

it("runs in one process at a time", async () => {
  const redis = new Redis(env.redisUrl);
  try {
    const lockKey = `${env.keyPrefix}:worker:reconcile-lock`;
    await redis.set(lockKey, "someone-else", "PX", 60_000);
    expect(await reconcileNow()).toBeNull();
    expect(await redis.get(lockKey)).toBe("someone-else"); // not released by a run that did not hold it
    await redis.del(lockKey);
    expect(await reconcileNow()).not.toBeNull();
    expect(await redis.exists(lockKey)).toBe(0);
  } finally {
    redis.disconnect();
  }
});
