#!/usr/bin/env node
// Benchmark: the cost of Opsdeck's request path (key auth + Redis rate limit +
// request log + validation) against a bare Express route, in the same run.
//   npm run build && node bench/api.js [seconds=10] [connections=20]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output: requests/s and p50/p99 latency of each, and the ratio Opsdeck / bare.
// It creates and drops its own database (opsdeck_bench_api) and Redis prefix.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const autocannon = require("autocannon");

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

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration: seconds, pipelining: 1 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
}

const BARE = `
const express = require(${JSON.stringify(require.resolve("express", { paths: [path.join(root, "apps/api")] }))});
const app = express();
app.get("/api/integration", (req, res) => res.json({ version: "0.1.0", integration: { keyId: "x", name: "bench", role: "ops" }, features: [], endpoints: {} }));
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
  const api = start([path.join(root, "apps/api/dist/main.js")], {
    PORT: "38311",
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
  const bare = start(["-e", BARE], { PORT: "38312" });
  try {
    await waitFor("http://127.0.0.1:38311/livez");
    await waitFor("http://127.0.0.1:38312/api/integration");
    const headers = { "x-api-key": raw };
    // Warm both up (JIT, pools, key cache).
    await Promise.all([
      fetch("http://127.0.0.1:38311/api/integration", { headers }),
      fetch("http://127.0.0.1:38312/api/integration"),
    ]);
    const b = await run("http://127.0.0.1:38312/api/integration", {});
    const o = await run("http://127.0.0.1:38311/api/integration", headers);
    if (o.non2xx > 0) throw new Error(`Opsdeck answered ${o.non2xx} non-2xx responses`);
    const row = (name, r) =>
      `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms`;
    console.log(`GET /api/integration, ${connections} connections, ${seconds} s each, ${new Date().toISOString()}`);
    console.log(row("bare Express 5 route", b));
    console.log(row("Opsdeck (auth+limit+request log)", o));
    console.log(
      `ratio (Opsdeck / bare): throughput ${(o.requests.average / b.requests.average).toFixed(2)}x, p99 ${(o.latency.p99 / Math.max(1, b.latency.p99)).toFixed(2)}x`,
    );
  } finally {
    api.kill("SIGTERM");
    bare.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
