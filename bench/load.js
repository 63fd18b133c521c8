#!/usr/bin/env node
// Load benchmark: autocannon against real API processes on a private
// Redis and Postgres (the fault harness starts them on spare ports, 127.0.0.1
// only, and removes everything at the end).
//   npm run build && node bench/load.js [seconds=60] [rate=200] [quota=1000]
//  1. steady: a mixed read/write profile (4 reads : 1 write) at `rate` req/s
//     for `seconds`, limits raised out of the way: throughput, p50/p99, errors;
//  2. burst: two API processes sharing Redis, read limit `quota` per 60 s per
//     key; 10x the quota fired at both at once: how many got through (must be
//     quota ±5%), 429s, other errors, throughput, p50/p99.
// Exit code 1 when the burst is outside quota ±5% or the steady run has 5xx/errors.
"use strict";

const autocannon = require("autocannon");

const h = require("../tests/faults/harness");

const seconds = Number(process.argv[2] ?? 60);
const rate = Number(process.argv[3] ?? 200);
const quota = Number(process.argv[4] ?? 1_000);

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

function fig(r) {
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    max_ms: r.latency.max,
    "2xx": r["2xx"],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    status: r.statusCodeStats,
  };
}

async function main() {
  const stack = await h.startStack();
  const direct = { DATABASE_URL: stack.directDbUrl, REDIS_URL: stack.directRedisUrl, LOG_LEVEL: "error" };
  const auth = { authorization: `Bearer ${stack.apiKey}` };
  let failed = false;

  // ---- 1. steady mixed profile
  const api = await stack.startApi({ ...direct });
  const Q = "/api/v1/platform/system/queues";
  let flip = 0;
  const steady = await run({
    url: api.url,
    connections: 20,
    duration: seconds,
    overallRate: rate,
    headers: auth,
    requests: [
      { method: "GET", path: Q },
      { method: "GET", path: `${Q}/email-sending` },
      { method: "GET", path: `${Q}/email-sending/jobs?limit=20` },
      { method: "GET", path: "/api/v1/platform/system/infrastructure/health" },
      {
        method: "POST",
        setupRequest: (req) => ({ ...req, path: `${Q}/email-sending/${flip++ % 2 ? "resume" : "pause"}` }),
      },
    ],
  });
  const s = fig(steady);
  console.log(`steady ${seconds} s at ${rate} req/s (4 reads : 1 write, 20 connections): ${JSON.stringify(s)}`);
  const steady5xx = Object.keys(steady.statusCodeStats ?? {}).filter((c) => Number(c) >= 500).length;
  if (steady5xx || steady.errors || steady.timeouts) failed = true;
  api.child.kill("SIGTERM");
  await h.exited(api.child);

  // ---- 2. 10x burst over the read limit across two API processes
  const limits = {
    RATE_LIMIT_READ: String(quota),
    RATE_LIMIT_WRITE: String(Math.min(quota, 60)),
    RATE_LIMIT_WINDOW_SECONDS: "60",
  };
  const a = await stack.startApi({ ...direct, ...limits });
  const b = await stack.startApi({ ...direct, ...limits });
  const burst = quota * 10;
  const t0 = Date.now();
  const [ra, rb] = await Promise.all(
    [a, b].map((x) => run({ url: `${x.url}${Q}`, connections: 50, amount: burst / 2, headers: auth })),
  );
  const took = (Date.now() - t0) / 1000;
  const ok = (ra["2xx"] ?? 0) + (rb["2xx"] ?? 0);
  const limited = (ra.statusCodeStats?.["429"]?.count ?? 0) + (rb.statusCodeStats?.["429"]?.count ?? 0);
  const others = ra.requests.total + rb.requests.total - ok - limited;
  const within = Math.abs(ok - quota) <= quota * 0.05;
  console.log(`burst: ${burst} GETs (10x the ${quota}/60 s read limit) over two API processes in ${took.toFixed(1)} s`);
  console.log(`  api A: ${JSON.stringify(fig(ra))}`);
  console.log(`  api B: ${JSON.stringify(fig(rb))}`);
  console.log(
    `  allowed ${ok} (quota ${quota}, ${(((ok - quota) / quota) * 100).toFixed(1)}%), 429: ${limited}, other: ${others}, errors: ${ra.errors + rb.errors} -> ${within ? "within" : "OUTSIDE"} ±5%`,
  );
  if (!within || others > 0) failed = true;
  await h.cleanup();
  process.exit(failed ? 1 : 0);
}

main().catch(async (err) => {
  console.error(err);
  await h.cleanup();
  process.exit(1);
});
