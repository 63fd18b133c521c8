#!/usr/bin/env node
// What each of the overview's polls costs the API, in CPU per call, so the
// live refresh's cost can be put where it goes.
//   npm run build && node bench/console/pollCost.js [calls=300] [auth=session|key]
// Needs Postgres (DATABASE_SERVER_URL, default postgresql://postgres@127.0.0.1:5432)
// and Redis (REDIS_URL). Creates and drops opsdeck_bench_pollcost_<pid> with
// 100,000 log rows (bench/logs/common.js) and a minute rollup row per catalog
// queue for each of the last 60 minutes, and runs the API as its own process
// (apps/api/dist/main.js, production). Each route is called `calls` times in
// a row (after 50 warm-up calls of every route), signed in as the console is (auth=session:
// the sign-in cookie, which reads the session and its key on every call) or
// with a bearer key (auth=key: the key cache); the figure is the API process's
// CPU (utime + stime from /proc) over those calls, per call, including the
// request log's batched writes (read 1.5 s after the last call). Baseline: GET
// /api/v1/platform/session in the same run, the cheapest keyed call (what any
// call pays for authentication, rate limiting and logging). Last, what one open
// overview costs per minute with its poll schedule (apps/console/src/poll.ts):
// every queue's sparklines from one call, against one call per queue.
"use strict";

const { db, createFilledDatabase, fmt } = require("../logs/common");
const { procCpuSeconds } = require("../procCpu");
const { deleteRedisKeys, sleep, startApi } = require("./apiProcess");

const calls = Number(process.argv[2] ?? 300);
const auth = process.argv[3] ?? "session";
if (auth !== "session" && auth !== "key") throw new Error("auth is session or key");
const NAME = `opsdeck_bench_pollcost_${process.pid}`;
const prefix = `bench-pollcost-${process.pid}`;
const CATALOG = ["email-sending-high", "email-sending", "log-exports", "metric-rollups", "alert-webhooks"];

async function main() {
  const { url, pool } = await createFilledDatabase(NAME, 100_000);
  let api;
  try {
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const rows = CATALOG.flatMap((queue, q) =>
      Array.from({ length: 60 }, (_, m) => ({
        bucket: new Date(now - m * 60_000),
        queue,
        completed: 100 + q + m,
        failed: m % 7,
        waiting: 0,
        active: 0,
        latencySumMs: 0,
        latencyCount: 0,
        waitSumMs: 0,
      })),
    );
    await db.upsertQueueMinutes(pool, rows);
    api = await startApi({ url, prefix, keyName: "bench-pollcost" });
    const { base, key } = api;
    let headers = { Authorization: `Bearer ${key}` };
    if (auth === "session") {
      const login = await fetch(`${base}/admin/queues/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ api_key: key, next: "/console/" }),
      });
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith("opsdeck_board="));
      if (!cookie) throw new Error(`sign-in answered ${login.status} without a session`);
      // What the console's fetches carry: the cookie, and the browser's word that they come from this host.
      headers = { Cookie: cookie.split(";")[0], "Sec-Fetch-Site": "same-origin" };
    }
    const call = async (route) => {
      const r = await fetch(base + route, { headers });
      if (!r.ok) throw new Error(`${route} answered ${r.status}`);
      await r.arrayBuffer();
    };
    /** API CPU ms per call of `route`. */
    const cost = async (route) => {
      await sleep(1_500);
      const before = procCpuSeconds(api.child.pid);
      for (let i = 0; i < calls; i++) await call(route);
      await sleep(1_500); // the request log's batch of these calls is flushed on a timer
      return ((procCpuSeconds(api.child.pid) - before) / calls) * 1000;
    };

    const routes = {
      session: "/api/v1/platform/session",
      queues: "/api/v1/platform/system/queues",
      alerts: "/api/v1/platform/system/infrastructure/alerts?hours=24",
      health: "/api/v1/platform/system/infrastructure/health",
      history_one_queue: "/api/v1/platform/metrics/history?range=1h&queue=email-sending",
      history_all_queues: "/api/v1/platform/metrics/history/queues?range=1h",
    };
    // Every route warmed up (JIT, pools, caches) before any is measured, so the first measured is not penalised.
    for (const route of Object.values(routes)) for (let i = 0; i < 50; i++) await call(route);
    const ms = {};
    for (const [name, route] of Object.entries(routes)) {
      ms[name] = await cost(route);
      process.stdout.write(
        `${JSON.stringify({ route: name, auth, calls, api_cpu_ms_per_call: Number(fmt(ms[name], 2)), ratio_over_session_call: Number(fmt(ms[name] / ms.session, 2)) })}\n`,
      );
    }
    // One overview per minute: queues every 5 s, health and alerts every 15 s, history every 30 s.
    const fixed = 12 * ms.queues + 4 * ms.health + 4 * ms.alerts;
    const perQueue = fixed + 2 * CATALOG.length * ms.history_one_queue;
    const allQueues = fixed + 2 * ms.history_all_queues;
    process.stdout.write(
      `${JSON.stringify({
        overview_per_minute_queues: CATALOG.length,
        auth,
        api_cpu_ms_per_minute_history_per_queue: Number(fmt(perQueue, 1)),
        api_cpu_ms_per_minute_history_all_queues: Number(fmt(allQueues, 1)),
        percent_of_core_5_overviews_per_queue: Number(fmt((5 * perQueue) / 600, 3)),
        percent_of_core_5_overviews_all_queues: Number(fmt((5 * allQueues) / 600, 3)),
      })}\n`,
    );
  } finally {
    await api?.stop();
    await pool.end();
    await db.dropDatabase(url);
    await deleteRedisKeys(prefix);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
