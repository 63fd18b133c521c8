#!/usr/bin/env node
// Benchmark: bulk retry, clean and drain of 100,000 jobs in one queue:
// raw BullMQ (queue.retryJobs / queue.clean / queue.drain) against Opsdeck's chunked
// POST /api/v1/platform/system/queues/{q}/retry and …/clean, in the same run.
//   npm run build && node bench/queues/bulk.js [jobs=100000] [ops=retry,clean,drain]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Output, per operation and side: wall time, max and p99 latency of a PING sent every
// 5 ms on a separate connection (from a separate process) during the operation, and
// memory (raw: this process's RSS; Opsdeck: the API process's RSS before/peak, polled
// every 20 ms from /proc/<pid>/status); then the ratio Opsdeck/raw of the times.
//   retry: raw queue.retryJobs({ state: 'failed', count: N }) (one script call: BullMQ
//          loops only while a call moved `count` jobs) vs POST …/retry {state:'failed', limit:N}
//   clean: raw queue.clean(0, N, 'failed') vs POST …/clean {state:'failed', grace_seconds:0, limit:N}
//   drain: raw queue.drain() on N waiting vs POST …/clean {state:'wait', grace_seconds:0, limit:N}
// Each run starts from a freshly written queue (pipelined HSET + LPUSH/ZADD, 10k a round trip).
// It creates and drops its own database (opsdeck_bench_queues_bulk) and Redis prefix
// (bench-qb-<pid>, SCAN+UNLINKed at the end).
"use strict";
const { Queue } = require("bullmq");
const c = require("./common");

const N = Number(process.argv[2] ?? 100_000);
// A subset of the operations, by the first word of their name (e.g. `drain` or `retry,clean`).
const ONLY = (process.argv[3] ?? "retry,clean,drain").split(",");
const prefix = `bench-qb-${process.pid}`;
const QUEUE = "bench-bulk";
const PORT = 38331;
const k = (s) => `${prefix}:${QUEUE}:${s}`;

function selfRss() {
  const start = process.memoryUsage().rss / 1048576;
  let peak = start;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 1048576)), 20);
  return {
    stop() {
      clearInterval(t);
      return { startMiB: start, peakMiB: Math.max(peak, process.memoryUsage().rss / 1048576) };
    },
  };
}

async function main() {
  const redis = new c.IORedis(c.redisUrl);
  const databaseUrl = await c.createBenchDb("opsdeck_bench_queues_bulk");
  const key = await c.createOpsKey(databaseUrl);
  const api = c.startApi(PORT, databaseUrl, prefix);
  const ping = c.pinger();
  const queue = new Queue(QUEUE, { connection: { url: c.redisUrl }, prefix });
  const results = [];
  try {
    await queue.waitUntilReady();
    await ping.ready();
    await c.waitFor(`http://127.0.0.1:${PORT}/livez`);
    const headers = { "x-api-key": key, "content-type": "application/json" };
    const post = async (op, body) => {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/platform/system/queues/${QUEUE}/${op}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`POST ${op}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    // Warm the API path (discovery, key cache, scripts) on a tiny queue state.
    await c.populate(redis, prefix, QUEUE, { failed: 10 });
    await post("retry", { state: "failed", limit: 10, dry_run: true });
    await c.scanUnlink(redis, `${prefix}:${QUEUE}:*`);

    const allOps = [
      {
        name: "retry failed",
        fill: { failed: N },
        raw: () => queue.retryJobs({ state: "failed", count: N }),
        ops: () => post("retry", { state: "failed", limit: N }),
        check: async () => ({ wait: await redis.llen(k("wait")), failed: await redis.zcard(k("failed")) }),
        ok: (x) => x.wait === N && x.failed === 0,
      },
      {
        name: "clean failed",
        fill: { failed: N },
        raw: () => queue.clean(0, N, "failed"),
        ops: () => post("clean", { state: "failed", grace_seconds: 0, limit: N }),
        check: async () => ({
          failed: await redis.zcard(k("failed")),
          hashes: await redis.exists(k("1"), k(String(N))),
        }),
        ok: (x) => x.failed === 0 && x.hashes === 0,
      },
      {
        name: "drain (clean wait)",
        fill: { waiting: N },
        raw: () => queue.drain(),
        ops: () => post("clean", { state: "wait", grace_seconds: 0, limit: N }),
        check: async () => ({ wait: await redis.llen(k("wait")), hashes: await redis.exists(k("1"), k(String(N))) }),
        ok: (x) => x.wait === 0 && x.hashes === 0,
      },
    ];
    const ops = allOps.filter((op) => ONLY.includes(op.name.split(" ")[0]));

    for (const op of ops) {
      for (const side of ["raw", "ops"]) {
        await c.scanUnlink(redis, `${prefix}:${QUEUE}:*`);
        await c.populate(redis, prefix, QUEUE, op.fill);
        await c.sleep(300);
        const mem = side === "raw" ? selfRss() : c.rssPoll(api.pid);
        await ping.start();
        const t = process.hrtime.bigint();
        const r = await op[side]();
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        const p = await ping.stop();
        const m = mem.stop();
        const state = await op.check();
        const summary = side === "raw" ? (Array.isArray(r) ? `${r.length} ids returned` : "") : JSON.stringify(r);
        if (!op.ok(state)) console.log(`!! ${op.name} ${side}: unexpected state ${JSON.stringify(state)}`);
        results.push({ op: op.name, side, ms, ping: p, mem: m, state, summary });
        console.log(
          `${op.name.padEnd(20)} ${side.padEnd(4)} ${ms.toFixed(0).padStart(6)} ms   PING max ${p.max.toFixed(1).padStart(6)} ms p99 ${p.p99.toFixed(1).padStart(5)} ms (${p.n} pings)   RSS ${m.startMiB.toFixed(0)} → peak ${m.peakMiB.toFixed(0)} MiB${m.hwmMiB ? ` (HWM ${m.hwmMiB.toFixed(0)})` : ""}   ${JSON.stringify(state)} ${summary}`,
        );
      }
    }

    console.log(`\n${N} jobs per operation, ${new Date().toISOString()}`);
    console.log("operation            raw ms  ops ms  ratio  raw PING max/p99  ops PING max/p99  ops RSS start→peak");
    for (const op of ops) {
      const raw = results.find((x) => x.op === op.name && x.side === "raw");
      const o = results.find((x) => x.op === op.name && x.side === "ops");
      console.log(
        `${op.name.padEnd(20)} ${raw.ms.toFixed(0).padStart(6)}  ${o.ms.toFixed(0).padStart(6)}  ${(o.ms / raw.ms).toFixed(2).padStart(5)}x` +
          `  ${raw.ping.max.toFixed(1).padStart(7)} / ${raw.ping.p99.toFixed(1).padStart(5)}` +
          `  ${o.ping.max.toFixed(1).padStart(7)} / ${o.ping.p99.toFixed(1).padStart(5)}` +
          `  ${o.mem.startMiB.toFixed(0)} → ${o.mem.peakMiB.toFixed(0)} MiB`,
      );
    }
  } finally {
    ping.close();
    await queue.close().catch(() => undefined);
    api.kill("SIGTERM");
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
