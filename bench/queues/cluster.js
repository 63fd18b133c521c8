#!/usr/bin/env node
// Benchmark: Opsdeck's API reads and worker throughput against a Redis Cluster, against the same
// on the standalone Redis (the baseline), in one run.
//   npm run build && node bench/queues/cluster.js [seconds=10] [connections=10] [jobs=20000] [rounds=3]
// Inputs: Postgres and the standalone Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL);
// Debian's redis-server and redis-cli for the cluster.
// Output, per round: for each topology, (a) requests/s and p99 of GET /api/v1/platform/system/queues
// and of GET …/queues/{name}/jobs (a page of 50 waiting jobs), autocannon with `connections` for
// `seconds`, and the API process's CPU ms per request; (b) the worker's jobs/s draining `jobs`
// no-op jobs, the time until their job records all landed in Postgres, and this process's CPU ms
// per job; then each figure's ratio cluster / standalone, and the median of the rounds' ratios.
//
// It starts a private three-master cluster (free ports, a temp dir; killed and removed at the end,
// also on error) and, per topology, an API process (apps/api/dist/main.js) and a worker runtime
// (apps/worker/dist/runtime.js startWorker, as bench/queues/worker.js runs it: metric-rollups with a
// no-op processor, WORKER_CONCURRENCY 50, default record write-back), each with a database of its own
// (opsdeck_bench_cluster_standalone / _cluster). Standalone uses the prefix bench-cl-<pid>, the cluster
// {bench-cl-<pid>} (a hash tag, as Opsdeck requires there: every queue in one slot, on one master).
// Both topologies hold the same data: 20 queues of 5,000 waiting and 500 failed jobs for the API reads.
// Everything of both topologies runs for the whole benchmark; the order alternates each round
// (standalone first in odd rounds), and a worker round waits for its job records to land in Postgres
// before anything else is measured. Load average (os.loadavg) is printed at the start and the end.
"use strict";
const os = require("node:os");
const path = require("node:path");
const { Queue } = require("bullmq");
const c = require("./common");
const { startRedisCluster, freePort } = require("./redisCluster");
const { procCpuSeconds } = require("../procCpu");

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const JOBS = Number(process.argv[4] ?? 20_000);
const ROUNDS = Number(process.argv[5] ?? 3);
const CONCURRENCY = 50;
const WARMUP_JOBS = 2_000;
const QUEUES = 20;
const WAITING = 5_000;
const FAILED = 500;
const WORKER_QUEUE = "metric-rollups";
const names = Array.from({ length: QUEUES }, (_, i) => `bench-q${String(i).padStart(2, "0")}`);
const BASE = "/api/v1/platform/system/queues";

const { loadConfig } = require(path.join(c.root, "apps/worker/dist/config.js"));
const { startWorker } = require(path.join(c.root, "apps/worker/dist/runtime.js"));
const { createLogger } = require(path.join(c.root, "packages/core/dist/index.js"));

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

/** Without the keys whose value is undefined (an env with REDIS_URL unset, not set to "undefined"). */
const defined = (env) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
}

/** Counts one round's completed/failed events by job name (the runtime's schedulers add jobs too). */
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

/** One topology: its Redis admin client, database, API process and worker runtime. */
async function setUp(t) {
  t.databaseUrl = await c.createBenchDb(`opsdeck_bench_cluster_${t.name}`);
  t.pool = c.db.createPool({ url: t.databaseUrl, max: 2 });
  const key = await c.createOpsKey(t.databaseUrl);
  t.headers = { "x-api-key": key };

  for (const n of names) await c.populate(t.redis, t.prefix, n, { waiting: WAITING, failed: FAILED });

  const port = await freePort();
  t.api = c.startApi(port, t.databaseUrl, t.prefix, t.env);
  t.urls = {
    queues: `http://127.0.0.1:${port}${BASE}`,
    jobs: `http://127.0.0.1:${port}${BASE}/${names[0]}/jobs?status=waiting&limit=50`,
  };
  await c.waitFor(`http://127.0.0.1:${port}/livez`);

  // The API must read the data it is timed on: every bench queue with its counts, a full page of jobs.
  const list = await fetch(t.urls.queues, { headers: t.headers });
  const body = await list.json();
  if (!list.ok) throw new Error(`${t.name} GET /queues: ${list.status} ${JSON.stringify(body)}`);
  // Answers come in the { data } envelope.
  const ours = body.data.queues.filter((q) => names.includes(q.name));
  const waiting = ours.reduce((a, q) => a + q.waiting_jobs, 0);
  const failed = ours.reduce((a, q) => a + q.failed_jobs, 0);
  if (ours.length !== QUEUES || waiting !== QUEUES * WAITING || failed !== QUEUES * FAILED)
    throw new Error(`${t.name} GET /queues: ${ours.length} bench queues, ${waiting} waiting, ${failed} failed`);
  const jobs = await fetch(t.urls.jobs, { headers: t.headers });
  const page = await jobs.json();
  if (!jobs.ok || page.data?.jobs?.length !== 50)
    throw new Error(`${t.name} GET /queues/{name}/jobs: ${jobs.status} ${JSON.stringify(page).slice(0, 300)}`);

  const config = loadConfig(
    defined({
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: c.redisUrl,
      QUEUE_PREFIX: t.prefix,
      REDIS_KEY_PREFIX: t.prefix,
      WORKER_QUEUES: WORKER_QUEUE,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      ...t.env,
    }),
  );
  t.queue = new Queue(WORKER_QUEUE, { connection: t.bullConnection(), prefix: t.prefix });
  await t.queue.pause();
  t.runtime = startWorker(config, createLogger({ service: `bench-${t.name}`, level: "warn" }), {
    processors: { [WORKER_QUEUE]: async () => null },
  });
  await t.runtime.ready();
  t.round = counter(t.runtime.workers[0]);
}

/** CPU seconds (user + system) this process has used. */
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * autocannon on one URL: requests/s (mean over the run's seconds), p99 latency (ms) and the API
 * process's CPU ms per request (/proc), which a busy machine sways less than the first two.
 */
async function read(t, url) {
  const cpu0 = procCpuSeconds(t.api.pid) ?? 0;
  const r = await c.cannon(url, t.headers, connections, seconds);
  const cpu = ((procCpuSeconds(t.api.pid) ?? 0) - cpu0) * 1000;
  if (r.non2xx || r.errors) throw new Error(`${t.name} ${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, cpuMs: cpu / Math.max(1, r.requests.total) };
}

/** Fills the paused queue with `n` jobs named `name`, resumes it and times the drain to its last event. */
async function drain(t, name, n) {
  for (let i = 0; i < n; i += 1000) {
    const k = Math.min(1000, n - i);
    await t.queue.addBulk(Array.from({ length: k }, () => ({ name, data: { kind: "minute" }, opts: { attempts: 3 } })));
  }
  const r = t.round(name, n);
  await c.sleep(200);
  const cpu0 = ownCpu();
  const t0 = process.hrtime.bigint();
  await t.queue.resume();
  await r.all;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  // This process runs both runtimes (the other one idle) and nothing else while the jobs drain.
  const cpuMs = ((ownCpu() - cpu0) * 1000) / n;
  await t.queue.pause();
  // The records land after the jobs: wait for them, so their Postgres writes never overlap a measurement.
  const deadline = Date.now() + 120_000;
  let rows = 0;
  while (Date.now() < deadline) {
    const res = await t.pool.query(
      "SELECT count(*)::int AS n FROM job_records WHERE queue = $1 AND name = $2 AND status = 'completed'",
      [WORKER_QUEUE, name],
    );
    rows = res.rows[0].n;
    if (rows >= n) break;
    await c.sleep(50);
  }
  const sRecords = Number(process.hrtime.bigint() - t0) / 1e9;
  return { rate: n / s, s, cpuMs, done: r.done, failed: r.failed, rows, sRecords };
}

async function main() {
  const loadStart = load();
  const started = new Date().toISOString();
  const pid = process.pid;
  const topologies = [];
  let cluster = null;
  try {
    cluster = await startRedisCluster();
    const nodes = cluster.ports.map((port) => ({ host: "127.0.0.1", port }));
    topologies.push(
      {
        name: "standalone",
        prefix: `bench-cl-${pid}`,
        env: { REDIS_URL: c.redisUrl },
        redis: new c.IORedis(c.redisUrl),
        bullConnection: () => ({ url: c.redisUrl, maxRetriesPerRequest: null }),
      },
      {
        name: "cluster",
        prefix: `{bench-cl-${pid}}`,
        env: { REDIS_URL: undefined, REDIS_CLUSTER_NODES: cluster.seeds },
        redis: new c.IORedis.Cluster(nodes),
        bullConnection: () => new c.IORedis.Cluster(nodes, { redisOptions: { maxRetriesPerRequest: null } }),
      },
    );
    for (const t of topologies) await setUp(t);

    // Warm-up (JIT, pools, key caches, slot maps): not reported.
    for (const t of topologies) {
      for (const url of Object.values(t.urls)) await c.cannon(url, t.headers, connections, 2);
      await drain(t, "warmup", WARMUP_JOBS);
    }

    const rounds = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const round = { i };
      for (const t of i % 2 === 1 ? topologies : [...topologies].reverse()) {
        round[t.name] = {
          queues: await read(t, t.urls.queues),
          jobs: await read(t, t.urls.jobs),
          worker: await drain(t, `bench-${i}`, JOBS),
        };
      }
      rounds.push(round);
    }

    console.log(
      `Redis Cluster (3 masters, local) vs standalone Redis; ${started} – ${new Date().toISOString()}` +
        `\nAPI: ${connections} connections, ${seconds} s a route; ${QUEUES} queues × (${WAITING} waiting + ${FAILED} failed)` +
        `\nworker: ${JOBS} no-op jobs a round, concurrency ${CONCURRENCY}, with record write-back; ${ROUNDS} rounds` +
        `\nload average (1, 5, 15 min) at start ${loadStart}, at end ${load()} (${os.cpus().length} CPUs)`,
    );
    const api = (x) =>
      `${x.rps.toFixed(0).padStart(5)} req/s p99 ${String(x.p99).padStart(4)} ms CPU ${x.cpuMs.toFixed(2)} ms/req`;
    const ratios = {};
    for (const r of rounds) {
      console.log(`round ${r.i} (${r.i % 2 === 1 ? "standalone" : "cluster"} first)`);
      for (const name of ["standalone", "cluster"]) {
        const x = r[name];
        console.log(
          `  ${name.padEnd(10)}  GET /queues ${api(x.queues)}   GET /queues/{name}/jobs ${api(x.jobs)}   ` +
            `worker ${x.worker.rate.toFixed(0).padStart(5)} jobs/s CPU ${x.worker.cpuMs.toFixed(3)} ms/job ` +
            `(${x.worker.s.toFixed(2)} s, ${x.worker.done} completed, ${x.worker.failed} failed; ` +
            `${x.worker.rows} records after ${x.worker.sRecords.toFixed(2)} s)`,
        );
      }
      const s = r.standalone;
      const k = r.cluster;
      const q = {
        queuesRps: k.queues.rps / s.queues.rps,
        queuesP99: k.queues.p99 / Math.max(1, s.queues.p99),
        queuesCpu: k.queues.cpuMs / s.queues.cpuMs,
        jobsRps: k.jobs.rps / s.jobs.rps,
        jobsP99: k.jobs.p99 / Math.max(1, s.jobs.p99),
        jobsCpu: k.jobs.cpuMs / s.jobs.cpuMs,
        worker: k.worker.rate / s.worker.rate,
        workerRecords: s.worker.sRecords / k.worker.sRecords,
        workerCpu: k.worker.cpuMs / s.worker.cpuMs,
      };
      for (const [key, v] of Object.entries(q)) (ratios[key] ??= []).push(v);
      console.log(
        `  ratio cluster/standalone: GET /queues req/s ${q.queuesRps.toFixed(2)}x p99 ${q.queuesP99.toFixed(2)}x; ` +
          `jobs page req/s ${q.jobsRps.toFixed(2)}x p99 ${q.jobsP99.toFixed(2)}x; worker jobs/s ${q.worker.toFixed(2)}x ` +
          `(incl. records ${q.workerRecords.toFixed(2)}x); CPU per request/job: ${q.queuesCpu.toFixed(2)}x, ` +
          `${q.jobsCpu.toFixed(2)}x, ${q.workerCpu.toFixed(2)}x`,
      );
    }
    const m = (key) => {
      const xs = ratios[key];
      return `${median(xs).toFixed(2)}x (rounds ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
    };
    console.log(`median ratio cluster/standalone over ${ROUNDS} rounds:`);
    console.log(
      `  GET /queues              req/s ${m("queuesRps")}, p99 ${m("queuesP99")}, API CPU/req ${m("queuesCpu")}`,
    );
    console.log(`  GET /queues/{name}/jobs  req/s ${m("jobsRps")}, p99 ${m("jobsP99")}, API CPU/req ${m("jobsCpu")}`);
    console.log(
      `  worker                   jobs/s ${m("worker")}, incl. records ${m("workerRecords")}, CPU/job ${m("workerCpu")}`,
    );
  } finally {
    for (const t of topologies) {
      if (t.runtime) await t.runtime.close().catch(() => undefined);
      if (t.queue) {
        const conn = t.queue.opts.connection;
        await t.queue.close().catch(() => undefined);
        // BullMQ leaves a Cluster it was given open.
        if (conn instanceof c.IORedis.Cluster) conn.disconnect();
      }
      if (t.api && t.api.exitCode === null) {
        const exited = new Promise((r) => t.api.once("exit", r));
        t.api.kill("SIGTERM");
        await Promise.race([exited, c.sleep(10_000)]);
      }
      if (t.pool) await t.pool.end();
    }
    const standalone = topologies.find((t) => t.name === "standalone");
    if (standalone) {
      const n = await c.scanUnlink(standalone.redis, `${standalone.prefix}:*`);
      console.log(`cleanup: unlinked ${n} keys under ${standalone.prefix}:* on the standalone Redis`);
    }
    for (const t of topologies) t.redis.disconnect();
    // The cluster's data goes with its nodes and their directory.
    if (cluster) await cluster.close();
    for (const t of topologies) if (t.databaseUrl) await c.db.dropDatabase(t.databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
