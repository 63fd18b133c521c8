#!/usr/bin/env node
// Benchmark: worker throughput on no-op jobs at concurrency 50 with job-record
// write-back, against a raw BullMQ Worker with a no-op processor on the same jobs, same run.
//   npm run build && node bench/queues/worker.js [jobs=20000] [concurrency=50] [rounds=3] [--only=raw|ops]
//                                               [--variant=<name>]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output, per round: jobs/s of each, the ratio Opsdeck/raw, when the job_records rows all landed,
// and the CPU seconds each side cost: this process, Redis (whole server, so other clients' work
// shows up there too) and this database's Postgres backends; then the median round's ratio and the
// pooled one (all raw seconds / all Opsdeck seconds).
//
// Both sides are started once and kept running: a raw BullMQ Worker (no-op processor) and
// Opsdeck's apps/worker/dist/runtime.js startWorker serving metric-rollups (payload
// {kind:'minute'}) with a no-op processor override, WORKER_CONCURRENCY=`concurrency`, default
// record write-back (RECORD_BATCH 500, RECORD_FLUSH_MS 250). The raw Worker gets the same
// worker options as Opsdeck's (retention, lock duration, stalled interval, autorun: false then
// run()), from the same loaded config. A warm-up round (2,000 jobs each, not reported) JITs both
// paths; then each round fills each side's paused queue with `jobs` jobs (addBulk, 1000 a call,
// a job name per round) and times it from resume to its last `completed` event. The order
// alternates (raw first in odd rounds), and each round waits for the Opsdeck records to land
// before the next side starts, so one side's Postgres writes never run during the other's timing.
// It creates and drops its own database (opsdeck_bench_queues_worker) and Redis prefix
// (bench-qw-<pid>, SCAN+UNLINKed at the end). `--only=ops` (or raw) runs one side, for profiling
// with `node --cpu-prof`.
//
// `--variant=<name>` runs the Opsdeck side with one part of the write-back taken away, to show what
// each part costs (experiments only, never a product setting; see VARIANTS below): the figures of
// BENCHMARKS.md's "where the worker's time goes" come from these.
"use strict";
const path = require("node:path");
const { Queue, Worker } = require("bullmq");
const c = require("./common");
const { procCpuSeconds } = require("../procCpu");

const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const JOBS = Number(positional[0] ?? 20_000);
const CONCURRENCY = Number(positional[1] ?? 50);
const ROUNDS = Number(positional[2] ?? 3);
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? null;
const VARIANT = process.argv.find((a) => a.startsWith("--variant="))?.slice("--variant=".length) ?? null;
const WARMUP_JOBS = 2_000;

// What each variant takes away from the Opsdeck side. `noPush`: the record writer's listeners still
// run but the buffer drops everything (the runtime alone: payload parsing, job tracking, heartbeat).
// `noSend`: records are buffered, merged and serialized as usual, but the worker pool's record
// statement is answered at once without reaching Postgres (the write-back's cost in the worker
// process). `sql`: run on the bench database after migrating (the index experiments).
const VARIANTS = {
  "no-write-back": { noPush: true },
  "no-send": { noSend: true },
  "no-search-index": { sql: "DROP INDEX job_records_search_trgm_idx" },
  "primary-key-only": {
    sql: "DROP INDEX job_records_search_trgm_idx, job_records_status_updated_at_idx, job_records_updated_at_idx",
  },
};
if (VARIANT !== null && !VARIANTS[VARIANT]) {
  console.error(`unknown --variant=${VARIANT}; one of: ${Object.keys(VARIANTS).join(", ")}`);
  process.exit(2);
}
const variant = VARIANT ? VARIANTS[VARIANT] : {};
// Records never land in these: don't wait for them.
const expectRecords = !variant.noPush && !variant.noSend;

if (variant.noSend) {
  // The worker's pool is made by packages/db createPool with application_name opsdeck-worker; only its
  // job_records statements are short-circuited (heartbeats and the bench's own queries still run).
  const pg = require("pg");
  const query = pg.Pool.prototype.query;
  pg.Pool.prototype.query = function (text, ...rest) {
    if (this.options.application_name === "opsdeck-worker" && String(text).includes("INSERT INTO job_records"))
      return Promise.resolve({ rowCount: 0, rows: [] });
    return query.call(this, text, ...rest);
  };
}
const prefix = `bench-qw-${process.pid}`;
const QUEUE = "metric-rollups";

const { loadConfig } = require(path.join(c.root, "apps/worker/dist/config.js"));
const { startWorker } = require(path.join(c.root, "apps/worker/dist/runtime.js"));
const { workerOptions } = require(path.join(c.root, "apps/worker/dist/workers.js"));
const { createLogger } = require(path.join(c.root, "packages/core/dist/index.js"));

async function fill(q, name, n) {
  await q.pause();
  for (let i = 0; i < n; i += 1000) {
    const k = Math.min(1000, n - i);
    await q.addBulk(Array.from({ length: k }, () => ({ name, data: { kind: "minute" }, opts: { attempts: 3 } })));
  }
}

/** Counts one round's `completed`/`failed` events (by job name: the runtime's job schedulers add jobs too). */
function counter(worker) {
  let round = null;
  const on = (failed) => (job) => {
    if (!round || job?.name !== round.name) return;
    if (failed) round.failed++;
    else round.done++;
    if (round.done + round.failed === round.n) round.resolve();
  };
  worker.on("completed", on(false));
  worker.on("failed", on(true));
  return (name, n) => {
    round = { name, n, done: 0, failed: 0 };
    round.all = new Promise((r) => (round.resolve = r));
    return round;
  };
}

// CPU seconds: this process, Redis (INFO cpu: whole server, so other clients show up there too) and
// this database's Postgres backends (their /proc stat; 0 when Postgres is not local).
async function cpuNow(redis, pool) {
  const info = await redis.info("cpu");
  const f = (k) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  const u = process.cpuUsage();
  const { rows } = await pool.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  const pg = new Map(rows.map((r) => [r.pid, procCpuSeconds(r.pid)]));
  return { node: (u.user + u.system) / 1e6, redis: f("used_cpu_user") + f("used_cpu_sys"), pg };
}
function cpuSince(a, b) {
  // Backends alive at the end, less what they had used at the start (0 for ones opened since).
  let pg = 0;
  for (const [pid, s] of b.pg) if (s !== null) pg += s - (a.pg.get(pid) ?? 0);
  return { node: b.node - a.node, redis: b.redis - a.redis, pg };
}

async function main() {
  const redis = new c.IORedis(c.redisUrl);
  const databaseUrl = await c.createBenchDb("opsdeck_bench_queues_worker");
  const pool = c.db.createPool({ url: databaseUrl, max: 2 });
  if (variant.sql) await pool.query(variant.sql);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: c.redisUrl,
    QUEUE_PREFIX: `${prefix}-ops`,
    REDIS_KEY_PREFIX: `${prefix}-ops`,
    WORKER_QUEUES: QUEUE,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  });
  let runtime = null;
  let rawWorker = null;
  const queues = [];
  const results = [];
  try {
    const sides = {};
    if (ONLY !== "ops") {
      const q = new Queue(QUEUE, { connection: { url: c.redisUrl }, prefix: `${prefix}-raw` });
      queues.push(q);
      await q.pause();
      // Exactly the runtime's BullMQ options, only the prefix differs.
      rawWorker = new Worker(QUEUE, async () => null, { ...workerOptions(config, QUEUE), prefix: `${prefix}-raw` });
      void rawWorker.run();
      await rawWorker.waitUntilReady();
      sides.raw = { q, round: counter(rawWorker) };
    }
    if (ONLY !== "raw") {
      const q = new Queue(QUEUE, { connection: { url: c.redisUrl }, prefix: `${prefix}-ops` });
      queues.push(q);
      await q.pause();
      const logger = createLogger({ service: "bench-worker", level: "warn" });
      runtime = startWorker(config, logger, { processors: { [QUEUE]: async () => null } });
      await runtime.ready();
      if (variant.noPush) runtime.records.push = () => true;
      sides.ops = { q, round: counter(runtime.workers[0]) };
    }

    async function runSide(side, name, n) {
      const { q, round } = sides[side];
      await fill(q, name, n);
      const r = round(name, n);
      await c.sleep(200);
      const cpu0 = await cpuNow(redis, pool);
      const t = process.hrtime.bigint();
      await q.resume();
      await r.all;
      const s = Number(process.hrtime.bigint() - t) / 1e9;
      const out = { s, rate: n / s, done: r.done, failed: r.failed };
      if (side === "ops" && expectRecords) {
        // Records: wait for the write-back buffer to land every row of this round.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const { rows } = await pool.query(
            "SELECT count(*)::int AS n, count(DISTINCT job_id)::int AS d FROM job_records WHERE queue = $1 AND name = $2 AND status = 'completed'",
            [QUEUE, name],
          );
          out.rows = rows[0];
          if (out.rows.n >= n || Date.now() > deadline) break;
          await c.sleep(20);
        }
        out.sRecords = Number(process.hrtime.bigint() - t) / 1e9;
        out.all = (
          await pool.query("SELECT count(*)::int AS n FROM job_records WHERE queue = $1 AND name = $2", [QUEUE, name])
        ).rows[0].n;
        out.events = (
          await pool.query(
            `SELECT count(*)::int AS n FROM job_events e JOIN job_records r USING (queue, job_id)
              WHERE r.queue = $1 AND r.name = $2`,
            [QUEUE, name],
          )
        ).rows[0].n;
      }
      out.cpu = cpuSince(cpu0, await cpuNow(redis, pool));
      await q.pause();
      return out;
    }

    const order = Object.keys(sides);
    for (const side of order) await runSide(side, "warmup", WARMUP_JOBS);
    for (let i = 1; i <= ROUNDS; i++) {
      const round = { i };
      for (const side of i % 2 === 1 ? order : [...order].reverse())
        round[side] = await runSide(side, `bench-${i}`, JOBS);
      results.push(round);
    }

    const cpu = (x) => `cpu s: node ${x.node.toFixed(2)}, redis ${x.redis.toFixed(2)}, postgres ${x.pg.toFixed(2)}`;
    console.log(
      `${JOBS} no-op jobs, concurrency ${CONCURRENCY}, ${ROUNDS} rounds, ${new Date().toISOString()}` +
        (VARIANT ? `; variant ${VARIANT} (an experiment: Opsdeck side without part of its write-back)` : ""),
    );
    for (const { i, raw, ops } of results) {
      console.log(`round ${i}${raw && ops ? (i % 2 === 1 ? " (raw first)" : " (Opsdeck first)") : ""}`);
      if (raw) {
        console.log(
          `  raw BullMQ Worker             ${raw.rate.toFixed(0).padStart(6)} jobs/s  (${raw.s.toFixed(2)} s, ${raw.done} completed, ${raw.failed} failed; ${cpu(raw.cpu)})`,
        );
      }
      if (ops) {
        console.log(
          `  Opsdeck runtime + write-back  ${ops.rate.toFixed(0).padStart(6)} jobs/s  (${ops.s.toFixed(2)} s, ${ops.done} completed, ${ops.failed} failed; ${cpu(ops.cpu)})`,
        );
        if (expectRecords)
          console.log(
            `    records all landed after ${ops.sRecords.toFixed(2)} s; ${ops.rows.n} completed rows (${ops.rows.d} distinct job ids), ${ops.all} rows in all, ${ops.events} events`,
          );
      }
      if (raw && ops) {
        console.log(
          `  ratio (Opsdeck / raw): ${(ops.rate / raw.rate).toFixed(2)}x` +
            (expectRecords ? ` (end to end incl. records: ${(JOBS / ops.sRecords / raw.rate).toFixed(2)}x)` : ""),
        );
      }
    }
    const paired = results.filter((r) => r.raw && r.ops);
    if (paired.length > 1) {
      // One 20,000-job round lasts ~2 s, so a round's ratio swings with whatever else the 2 cores do;
      // the median round and the pooled ratio (all raw seconds over all Opsdeck seconds) are the figures.
      const ratios = paired.map((r) => r.ops.rate / r.raw.rate).sort((a, b) => a - b);
      const mid = ratios.length / 2;
      const median = ratios.length % 2 ? ratios[Math.floor(mid)] : (ratios[mid - 1] + ratios[mid]) / 2;
      const sum = (side) => paired.reduce((t, r) => t + r[side].s, 0);
      console.log(
        `summary over ${paired.length} rounds: median ratio ${median.toFixed(2)}x (rounds ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}), pooled ${(sum("raw") / sum("ops")).toFixed(2)}x`,
      );
    }
  } finally {
    if (runtime) await runtime.close().catch(() => undefined);
    if (rawWorker) await rawWorker.close().catch(() => undefined);
    for (const q of queues) await q.close().catch(() => undefined);
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
