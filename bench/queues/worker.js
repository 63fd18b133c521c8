#!/usr/bin/env node
// Benchmark (issue 3, #2): worker throughput on no-op jobs at concurrency 50 with job-record
// write-back, against a raw BullMQ Worker with a no-op processor on the same jobs, same run.
//   npm run build && node bench/queues/worker.js [jobs=20000] [concurrency=50]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output: jobs/s of each, the ratio Opsdeck/raw, and the count of job_records rows written.
// Each side gets `jobs` jobs on a paused queue (addBulk, 1000 a call) and is timed from
// resume to its last `completed` event. Opsdeck = apps/worker/dist/runtime.js startWorker
// serving metric-rollups (payload {kind:'minute'}) with a no-op processor override,
// WORKER_CONCURRENCY=50, default record write-back (RECORD_BATCH 500, RECORD_FLUSH_MS 250).
// It creates and drops its own database (opsdeck_bench_queues_worker) and Redis prefix
// (bench-qw-<pid>, SCAN+UNLINKed at the end).
"use strict";
const path = require("node:path");
const { Queue, Worker } = require("bullmq");
const c = require("./common");

const JOBS = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = Number(process.argv[3] ?? 50);
const prefix = `bench-qw-${process.pid}`;
const QUEUE = "metric-rollups";

const { loadConfig } = require(path.join(c.root, "apps/worker/dist/config.js"));
const { startWorker } = require(path.join(c.root, "apps/worker/dist/runtime.js"));
const { createLogger } = require(path.join(c.root, "packages/core/dist/index.js"));

async function fill(queuePrefix) {
  const q = new Queue(QUEUE, { connection: { url: c.redisUrl }, prefix: queuePrefix });
  await q.pause();
  for (let i = 0; i < JOBS; i += 1000) {
    const n = Math.min(1000, JOBS - i);
    await q.addBulk(
      Array.from({ length: n }, () => ({ name: "bench", data: { kind: "minute" }, opts: { attempts: 3 } })),
    );
  }
  return q;
}

function countCompleted(worker) {
  let done = 0;
  let failed = 0;
  let resolve;
  const all = new Promise((r) => (resolve = r));
  // Only the bench's jobs (the runtime's job schedulers may add a metric-rollups job of their own).
  worker.on("completed", (job) => {
    if (job.name !== "bench") return;
    if (++done + failed === JOBS) resolve();
  });
  worker.on("failed", (job) => {
    if (job?.name !== "bench") return;
    if (done + ++failed === JOBS) resolve();
  });
  return {
    all,
    get done() {
      return done;
    },
    get failed() {
      return failed;
    },
  };
}

async function main() {
  const redis = new c.IORedis(c.redisUrl);
  const databaseUrl = await c.createBenchDb("opsdeck_bench_queues_worker");
  const pool = c.db.createPool({ url: databaseUrl, max: 2 });
  let runtime;
  const out = {};
  try {
    // (a) raw BullMQ Worker, no-op, same retention options as the Opsdeck worker's defaults.
    {
      const q = await fill(`${prefix}-raw`);
      const w = new Worker(QUEUE, async () => null, {
        connection: { url: c.redisUrl, maxRetriesPerRequest: null },
        prefix: `${prefix}-raw`,
        concurrency: CONCURRENCY,
        removeOnComplete: { count: 1000, age: 86_400 },
        removeOnFail: { count: 10_000, age: 7 * 86_400 },
        autorun: false,
      });
      const cnt = countCompleted(w);
      void w.run();
      await w.waitUntilReady();
      await c.sleep(200);
      const t = process.hrtime.bigint();
      await q.resume();
      await cnt.all;
      const s = Number(process.hrtime.bigint() - t) / 1e9;
      out.raw = { s, rate: JOBS / s, done: cnt.done, failed: cnt.failed };
      await w.close();
      await q.close();
    }
    // (b) Opsdeck's runtime.
    {
      const opsPrefix = `${prefix}-ops`;
      const q = await fill(opsPrefix);
      const config = loadConfig({
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: c.redisUrl,
        QUEUE_PREFIX: opsPrefix,
        REDIS_KEY_PREFIX: opsPrefix,
        WORKER_QUEUES: QUEUE,
        WORKER_CONCURRENCY: String(CONCURRENCY),
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
      });
      const logger = createLogger({ service: "bench-worker", level: "warn" });
      runtime = startWorker(config, logger, { processors: { [QUEUE]: async () => null } });
      const cnt = countCompleted(runtime.workers[0]);
      await runtime.ready();
      await c.sleep(200);
      const t = process.hrtime.bigint();
      await q.resume();
      await cnt.all;
      const s = Number(process.hrtime.bigint() - t) / 1e9;
      // Records: wait for the write-back buffer to land every row.
      let rows = 0;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const r = await pool.query(
          "SELECT count(*)::int AS n, count(DISTINCT job_id)::int AS d FROM job_records WHERE queue = $1 AND name = 'bench' AND status = 'completed'",
          [QUEUE],
        );
        rows = r.rows[0];
        if (rows.n >= JOBS || Date.now() > deadline) break;
        await c.sleep(50);
      }
      const sRecords = Number(process.hrtime.bigint() - t) / 1e9;
      const all = (
        await pool.query("SELECT count(*)::int AS n FROM job_records WHERE queue = $1 AND name = 'bench'", [QUEUE])
      ).rows[0].n;
      out.ops = { s, rate: JOBS / s, sRecords, done: cnt.done, failed: cnt.failed, rows, all };
      await runtime.close();
      runtime = null;
      await q.close();
    }
    const { raw, ops } = out;
    console.log(`${JOBS} no-op jobs, concurrency ${CONCURRENCY}, ${new Date().toISOString()}`);
    console.log(
      `raw BullMQ Worker                 ${raw.rate.toFixed(0).padStart(6)} jobs/s  (${raw.s.toFixed(2)} s, ${raw.done} completed, ${raw.failed} failed)`,
    );
    console.log(
      `Opsdeck runtime + write-back      ${ops.rate.toFixed(0).padStart(6)} jobs/s  (${ops.s.toFixed(2)} s, ${ops.done} completed, ${ops.failed} failed)`,
    );
    console.log(
      `  all records landed after        ${ops.sRecords.toFixed(2)} s  → ${(JOBS / ops.sRecords).toFixed(0)} jobs/s end to end`,
    );
    console.log(
      `  job_records: ${ops.rows.n} completed rows (${ops.rows.d} distinct job ids), ${ops.all} rows in all for the bench jobs`,
    );
    console.log(
      `ratio (Opsdeck / raw): ${(ops.rate / raw.rate).toFixed(2)}x (end to end incl. records: ${(JOBS / ops.sRecords / raw.rate).toFixed(2)}x)`,
    );
  } finally {
    if (runtime) await runtime.close().catch(() => undefined);
    await pool.end();
    const n = await c.scanUnlink(redis, `${prefix}-*`);
    console.log(`cleanup: unlinked ${n} keys under ${prefix}-*`);
    redis.disconnect();
    await c.db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
