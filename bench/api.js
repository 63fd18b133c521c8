#!/usr/bin/env node
// Benchmark: the cost of Opsdeck's request path (key auth + Redis rate limit +
// request log + validation) against a bare Express route, in the same run.
//   npm run build && node bench/api.js [seconds=10] [connections=20]
// API_NODE_ARGS adds node flags to the API process only, e.g.
//   API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/api.js
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output: requests/s and p50/p99 latency of each, and the ratio Opsdeck / bare.
// It creates and drops its own database (opsdeck_bench_api) and Redis prefix.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const autocannon = require("autocannon");
const { Redis } = require(require.resolve("ioredis", { paths: [path.resolve(__dirname, "..", "packages/core")] }));

const root = path.resolve(__dirname, "..");
const db = require(path.join(root, "packages/db/dist/index.js"));

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const server = process.env.DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const databaseUrl = `${server}/opsdeck_bench_api`;

function start(args, env) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

// Fixed ports in the ephemeral range (32768–60999) collided with client
// sockets of other suites on this shared machine; ask the OS for free ones.
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = require("node:net").createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

// CPU time (ms) used so far by a process (Linux /proc; 0 elsewhere), and by
// every Postgres backend serving the bench database. Reported per 1,000
// requests: steadier than req/s on a shared machine, and it shows where the
// time goes (API process vs Redis vs Postgres).
const { postgresCpuSeconds, procCpuSeconds } = require("./procCpu");

const cpuMs = (pid) => (procCpuSeconds(pid) ?? 0) * 1000;
const pgCpuMs = (dbName) => postgresCpuSeconds(dbName) * 1000;
async function redisCpuMs(redis) {
  const info = await redis.info("cpu");
  const v = (k) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (v("used_cpu_user") + v("used_cpu_sys")) * 1000;
}

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration: seconds, pipelining: 1 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
}

// The bare route serialises the very object Opsdeck answered (BARE_BODY), so
// both sides send the same bytes and the ratio is the cost of the request
// path, not of a bigger body.
const BARE = `
const express = require(${JSON.stringify(require.resolve("express", { paths: [path.join(root, "apps/api")] }))});
const body = JSON.parse(process.env.BARE_BODY);
const app = express();
app.get("/api/integration", (req, res) => res.json(body));
app.listen(Number(process.env.PORT), "127.0.0.1");
`;

async function main() {
  await db.dropDatabase(databaseUrl);
  await db.ensureDatabase(databaseUrl);
  await db.migrate(databaseUrl);
  const { prisma, close } = db.createDb({ url: databaseUrl, max: 1 });
  const { raw } = await db.createKey(prisma, { name: "bench", role: "ops" });
  await close();

  const prefix = `bench-${process.pid}`;
  const nodeArgs = (process.env.API_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const api = start([...nodeArgs, path.join(root, "apps/api/dist/main.js")], {
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    REDIS_KEY_PREFIX: prefix,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    // High enough that the limiter counts every request but never refuses one.
    RATE_LIMIT_READ: "1000000",
    RATE_LIMIT_WRITE: "1000000",
  });
  let bare;
  const redis = new Redis(redisUrl, { lazyConnect: false });
  try {
    await waitFor(`${apiUrl}/livez`);
    const headers = { "x-api-key": raw };
    // Warms Opsdeck up (JIT, pools, key cache) and gives the bare route its body.
    const opsdeckBody = await fetch(`${apiUrl}/api/integration`, { headers }).then((r) => r.text());
    bare = start(["-e", BARE], { PORT: String(barePort), BARE_BODY: opsdeckBody });
    await waitFor(`${bareUrl}/api/integration`);
    const bodies = [await fetch(`${bareUrl}/api/integration`).then((r) => r.text()), opsdeckBody];
    const snap = async (pid) => ({
      server: cpuMs(pid),
      bench: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
      redis: await redisCpuMs(redis),
      pg: pgCpuMs("opsdeck_bench_api"),
    });
    const measure = async (pid, url, h) => {
      const before = await snap(pid);
      const r = await run(url, h);
      const after = await snap(pid);
      const per1k = (k) => ((after[k] - before[k]) / Math.max(1, r.requests.total)) * 1000;
      r.cpu = { server: per1k("server"), bench: per1k("bench"), redis: per1k("redis"), pg: per1k("pg") };
      return r;
    };
    const b = await measure(bare.pid, `${bareUrl}/api/integration`, {});
    const o = await measure(api.pid, `${apiUrl}/api/integration`, headers);
    if (o.non2xx > 0) throw new Error(`Opsdeck answered ${o.non2xx} non-2xx responses`);
    const row = (name, r) =>
      `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms`;
    console.log(`GET /api/integration, ${connections} connections, ${seconds} s each, ${new Date().toISOString()}`);
    console.log(`response bodies: bare ${bodies[0].length} B, Opsdeck ${bodies[1].length} B`);
    console.log(row("bare Express 5 route", b));
    console.log(row("Opsdeck (auth+limit+request log)", o));
    const cpu = (name, r) =>
      `  ${name.padEnd(32)} server ${r.cpu.server.toFixed(0).padStart(4)}   autocannon ${r.cpu.bench.toFixed(0).padStart(4)}   redis ${r.cpu.redis.toFixed(0).padStart(4)}   postgres ${r.cpu.pg.toFixed(0).padStart(4)}`;
    console.log("CPU ms per 1,000 requests (redis: the whole server, other clients included)");
    console.log(cpu("bare", b));
    console.log(cpu("Opsdeck", o));
    console.log(
      `ratio (Opsdeck / bare): throughput ${(o.requests.average / b.requests.average).toFixed(2)}x, p99 ${(o.latency.p99 / Math.max(1, b.latency.p99)).toFixed(2)}x`,
    );
  } finally {
    api.kill("SIGTERM");
    bare?.kill("SIGTERM");
    redis.disconnect();
    await new Promise((r) => setTimeout(r, 1500));
    await db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
