#!/usr/bin/env node
// Benchmark: GET /api/v1/platform/system/queues over 50 queues holding
// 1,000,000 waiting and 100,000 failed jobs, against (b) raw BullMQ getJobCounts for the
// 50 queues in one auto-pipelined burst and (c) Bull Board's own GET /api/queues
// (@bull-board/express + BullMQAdapter, in a child process) on the same data.
//   npm run build && node bench/queues/list.js [seconds=10] [connections=10]
// QL_QUEUES=<n> spreads the same jobs over n queues instead of 50 (e.g. QL_QUEUES=1000).
// bench/queues/listScale.js measures 100 against 1,000 queues (1× and 10×) in one run.
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output: mean/p99 latency and requests/s of each at 1 connection and at `connections`,
// and the ratios Opsdeck/raw and Opsdeck/Bull Board; as a reference for the request's
// fixed cost (key auth, rate limit, request log), the same for Opsdeck's
// GET /api/integration/health (which adds a Postgres, a storage and a Redis probe); and
// the Redis commands one GET /queues sends, from MONITOR.
// QL_API_NODE_ARGS (space-separated) go on the API child's node command line (e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it; the profile is written when it exits).
// It creates and drops its own database (opsdeck_bench_queues_list) and Redis prefix
// (bench-ql-<pid>, SCAN+UNLINKed at the end).
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const { Queue } = require("bullmq");
const c = require("./common");
const { rawRun, withCpu } = require("./listRuns");

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const QUEUES = Number(process.env.QL_QUEUES ?? 50);
const WAITING = 1_000_000;
const FAILED = 100_000;
const prefix = `bench-ql-${process.pid}`;
const names = Array.from(
  { length: QUEUES },
  (_, i) => `bench-q${String(i).padStart(Math.max(2, String(QUEUES - 1).length), "0")}`,
);

const req = (m) => JSON.stringify(require.resolve(m, { paths: [path.join(c.root, "apps/api")] }));
const BOARD = `
const express = require(${req("express")});
const { createBullBoard } = require(${req("@bull-board/api")});
const { BullMQAdapter } = require(${req("@bull-board/api/bullMQAdapter")});
const { ExpressAdapter } = require(${req("@bull-board/express")});
const { Queue } = require(${req("bullmq")});
const serverAdapter = new ExpressAdapter();
serverAdapter.setBasePath("/");
const queues = process.env.BOARD_QUEUES.split(",").map(
  (n) => new BullMQAdapter(new Queue(n, { connection: { url: process.env.REDIS_URL }, prefix: process.env.BOARD_PREFIX })),
);
createBullBoard({ queues, serverAdapter });
const app = express();
app.use("/", serverAdapter.getRouter());
app.listen(Number(process.env.PORT), "127.0.0.1");
`;

/**
 * The Redis commands one GET /queues sends: MONITOR on its own connection while `n` requests
 * run one after another, keeping the commands of the connections that touched this run's
 * prefix (the API's queue and rate-limit connections; REDIS_KEY_PREFIX is the same prefix).
 */
async function redisCommandsPerRequest(redis, prefix, url, headers, n = 20) {
  const monitor = await redis.monitor();
  const seen = [];
  monitor.on("monitor", (_time, args, source) => seen.push({ source, args }));
  await c.sleep(100);
  for (let i = 0; i < n; i++) await (await fetch(url, { headers })).arrayBuffer();
  await c.sleep(100);
  // Lines still arriving after disconnect() are taken for replies to no command: ioredis emits an error; ignore it.
  monitor.on("error", () => undefined);
  monitor.disconnect();
  // Commands a script runs are listed with the source "lua"; only what went over the wire counts.
  const wire = seen.filter((e) => e.source !== "lua");
  const ours = new Set(wire.filter((e) => e.args.some((a) => String(a).startsWith(`${prefix}:`))).map((e) => e.source));
  const byName = new Map();
  for (const e of wire) {
    if (!ours.has(e.source)) continue;
    const name = String(e.args[0]).toLowerCase();
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  const parts = [...byName].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / n).toFixed(1)}`);
  return { requests: n, summary: `${(total / n).toFixed(1)} (${parts.join(", ")}) from ${ours.size} connection(s)` };
}

async function main() {
  const redis = new c.IORedis(c.redisUrl);
  const databaseUrl = await c.createBenchDb("opsdeck_bench_queues_list");
  const key = await c.createOpsKey(databaseUrl);
  let api, board;
  const sharedConn = new c.IORedis(c.redisUrl, { enableAutoPipelining: true, maxRetriesPerRequest: null });
  const queues = names.map((n) => new Queue(n, { connection: sharedConn, prefix }));
  try {
    let t = Date.now();
    for (const n of names)
      await c.populate(redis, prefix, n, {
        waiting: Math.floor(WAITING / QUEUES),
        failed: Math.floor(FAILED / QUEUES),
      });
    console.log(
      `populated ${QUEUES} queues (${Math.floor(WAITING / QUEUES)} waiting, ${Math.floor(FAILED / QUEUES)} failed each) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    // If this process dies on an uncaught error, the servers must not outlive it (they would hold the ports).
    process.once("exit", () => {
      api?.kill("SIGKILL");
      board?.kill("SIGKILL");
    });
    api = c.startApi(38321, databaseUrl, prefix, {}, (process.env.QL_API_NODE_ARGS ?? "").split(" ").filter(Boolean));
    board = spawn(process.execPath, ["-e", BOARD], {
      env: {
        ...process.env,
        PORT: "38322",
        REDIS_URL: c.redisUrl,
        BOARD_PREFIX: prefix,
        BOARD_QUEUES: names.join(","),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const headers = { "x-api-key": key };
    const opsUrl = "http://127.0.0.1:38321/api/v1/platform/system/queues";
    const boardUrl = "http://127.0.0.1:38322/api/queues";
    const fixedUrl = "http://127.0.0.1:38321/api/integration/health";
    await c.waitFor("http://127.0.0.1:38321/livez");
    await c.waitFor(boardUrl);

    // Correctness: Opsdeck lists all of them with the right counts; raw agrees.
    const res = await fetch(opsUrl, { headers });
    const body = await res.json();
    if (!res.ok) throw new Error(`Opsdeck GET /queues: ${res.status} ${JSON.stringify(body)}`);
    const data = body.data ?? body;
    const ours = data.queues.filter((q) => names.includes(q.name));
    const sum = (f) => ours.reduce((a, q) => a + q[f], 0);
    console.log(
      `Opsdeck lists ${ours.length}/${QUEUES} bench queues (${data.queues.length} in all); waiting ${sum("waiting_jobs")}, failed ${sum("failed_jobs")}`,
    );
    const boardBody = await (await fetch(boardUrl)).json();
    console.log(`Bull Board lists ${boardBody.queues?.length} queues`);
    // Warm up.
    for (let i = 0; i < 5; i++) await Promise.all([fetch(opsUrl, { headers }), fetch(boardUrl), rawRun(queues, 1, 1)]);
    const perRequest = await redisCommandsPerRequest(redis, prefix, opsUrl, headers);

    const rows = [];
    for (const conns of [1, connections]) {
      const raw = await rawRun(queues, conns, seconds * 1000);
      if (conns === 1) {
        const w = raw.last.reduce((a, x) => a + x.waiting, 0);
        const f = raw.last.reduce((a, x) => a + x.failed, 0);
        console.log(`raw getJobCounts: waiting ${w}, failed ${f}`);
      }
      const ops = await withCpu(api.pid, () => c.cannon(opsUrl, headers, conns, seconds));
      const bb = await withCpu(board.pid, () => c.cannon(boardUrl, {}, conns, seconds));
      const fixed = await withCpu(api.pid, () => c.cannon(fixedUrl, headers, conns, seconds));
      if (ops.non2xx || ops.errors) throw new Error(`Opsdeck: ${ops.non2xx} non-2xx, ${ops.errors} errors`);
      rows.push({ conns, raw, ops, bb, fixed });
    }

    console.log(
      `\nGET /queues over ${QUEUES} queues, ${WAITING} waiting + ${FAILED} failed, ${seconds} s per run, ${new Date().toISOString()}`,
    );
    const f = (x) => x.toFixed(x < 10 ? 2 : 1);
    console.log(
      `Redis commands per GET /queues (MONITOR, ${perRequest.requests} requests; admin commands such as CLIENT LIST are not shown): ${perRequest.summary}`,
    );
    console.log("CPU ms/req: the bench process's for raw, the server process's for the others");
    for (const { conns, raw, ops, bb, fixed } of rows) {
      console.log(`-- ${conns} connection(s) / concurrent bursts`);
      const line = (name, r) =>
        `${name.padEnd(42)} mean ${f(r.mean).padStart(7)} ms   p99 ${f(r.p99).padStart(7)} ms   ${r.rps.toFixed(0).padStart(6)} req/s   CPU ${r.cpuPerReq.toFixed(2)} ms/req`;
      console.log(line(`raw BullMQ getJobCounts ×${QUEUES} (pipelined)`, raw));
      console.log(line("Opsdeck GET /queues", ops));
      console.log(line("Bull Board GET /api/queues", bb));
      console.log(line("(ref) Opsdeck GET /api/integration/health", fixed));
      console.log(
        `ratio Opsdeck/raw: mean ${(ops.mean / raw.mean).toFixed(2)}x, p99 ${(ops.p99 / raw.p99).toFixed(2)}x, req/s ${(ops.rps / raw.rps).toFixed(2)}x` +
          ` | Opsdeck/BullBoard: mean ${(ops.mean / bb.mean).toFixed(2)}x, p99 ${(ops.p99 / bb.p99).toFixed(2)}x, req/s ${(ops.rps / bb.rps).toFixed(2)}x`,
      );
    }
  } finally {
    // Wait for the API to exit (up to 10 s) so a --cpu-prof profile gets written.
    const apiExited = api && api.exitCode === null ? new Promise((r) => api.once("exit", r)) : null;
    api?.kill("SIGTERM");
    if (apiExited) await Promise.race([apiExited, c.sleep(10_000)]);
    board?.kill("SIGTERM");
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    sharedConn.disconnect();
    await c.sleep(1500);
    const n = await c.scanUnlink(redis, `${prefix}:*`);
    console.log(`cleanup: unlinked ${n} keys under ${prefix}:*`);
    redis.disconnect();
    await c.db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
