#!/usr/bin/env node
// Benchmark: how GET /api/v1/platform/system/queues grows with the number of queues — 100
// queues (1×) against 1,000 (10×) in one run, each beside its raw baseline (BullMQ
// getJobCounts for every queue in one auto-pipelined burst, as in list.js).
//   npm run build && node bench/queues/listScale.js [seconds=10] [connections=10] [small=100] [large=1000] [waiting=100] [failed=10]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
// Every queue holds the same modest jobs (`waiting` waiting and `failed` failed), so only the
// queue count differs between the two sizes. Each size has its own Redis prefix and its own
// API process (the API lists every queue under its prefix); they are measured one after the
// other, never at once.
// Output, at 1 connection and at `connections`, per size: mean/p99 latency and requests/s of
// Opsdeck and of raw, the API's CPU ms per request and its peak RSS (polled every 20 ms while
// it served that size's runs); then the large/small ratios of each figure, and the latency of
// each API's first GET /queues (queue discovery's SCAN included) and the response's size;
// and, without HTTP, the median ms of the two parts of the listing as the API calls them
// (@opsdeck/redis listQueueNames: the discovery SCAN, over the whole keyspace, both sizes'
// keys included; fetchQueueCounts: the counts pipeline), here in the bench process.
// It creates and drops its own database (opsdeck_bench_queues_scale) and Redis prefixes
// (bench-qs-<pid>-<size>, SCAN+UNLINKed at the end).
"use strict";
const path = require("node:path");
const { Queue } = require("bullmq");
const c = require("./common");
const { fetchQueueCounts, listQueueNames } = require(path.join(c.root, "packages/redis/dist/index.js"));
const { rawRun, withCpu } = require("./listRuns");

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const SIZES = [Number(process.argv[4] ?? 100), Number(process.argv[5] ?? 1000)];
const WAITING = Number(process.argv[6] ?? 100);
const FAILED = Number(process.argv[7] ?? 10);
const PORTS = [38331, 38332];
const PATH = "/api/v1/platform/system/queues";

/** Median wall ms of `runs` calls of `fn`, one after another. */
async function medianMs(runs, fn) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return c.stats(ms).p50;
}

const namesOf = (n) => Array.from({ length: n }, (_, i) => `bench-q${String(i).padStart(String(n - 1).length, "0")}`);

async function main() {
  const redis = new c.IORedis(c.redisUrl);
  const databaseUrl = await c.createBenchDb("opsdeck_bench_queues_scale");
  const key = await c.createOpsKey(databaseUrl);
  const headers = { "x-api-key": key };
  const sharedConn = new c.IORedis(c.redisUrl, { enableAutoPipelining: true, maxRetriesPerRequest: null });
  const sides = SIZES.map((n, i) => ({
    n,
    prefix: `bench-qs-${process.pid}-${n}`,
    names: namesOf(n),
    url: `http://127.0.0.1:${PORTS[i]}${PATH}`,
    port: PORTS[i],
  }));
  // If this process dies on an uncaught error, the APIs must not outlive it (they would hold the ports).
  process.once("exit", () => sides.forEach((s) => s.api?.kill("SIGKILL")));
  try {
    for (const s of sides) {
      const t = Date.now();
      for (const q of s.names) await c.populate(redis, s.prefix, q, { waiting: WAITING, failed: FAILED });
      console.log(
        `populated ${s.n} queues × (${WAITING} waiting + ${FAILED} failed) under ${s.prefix} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
      s.queues = s.names.map((q) => new Queue(q, { connection: sharedConn, prefix: s.prefix }));
      s.api = c.startApi(s.port, databaseUrl, s.prefix);
    }
    for (const s of sides) {
      await c.waitFor(`http://127.0.0.1:${s.port}/livez`);
      // The first listing runs queue discovery (a SCAN of the whole keyspace) before the counts.
      let t = process.hrtime.bigint();
      const res = await fetch(s.url, { headers });
      const text = await res.text();
      s.firstMs = Number(process.hrtime.bigint() - t) / 1e6;
      if (!res.ok) throw new Error(`GET /queues over ${s.n}: ${res.status} ${text.slice(0, 300)}`);
      s.bytes = Buffer.byteLength(text);
      const body = JSON.parse(text);
      const listed = (body.data ?? body).queues.filter((q) => s.names.includes(q.name));
      const waiting = listed.reduce((a, q) => a + q.waiting_jobs, 0);
      const failed = listed.reduce((a, q) => a + q.failed_jobs, 0);
      if (listed.length !== s.n || waiting !== s.n * WAITING || failed !== s.n * FAILED) {
        throw new Error(`GET /queues over ${s.n}: listed ${listed.length}, waiting ${waiting}, failed ${failed}`);
      }
      const raw = await rawRun(s.queues, 1, 1);
      const rawWaiting = raw.last.reduce((a, x) => a + x.waiting, 0);
      if (rawWaiting !== s.n * WAITING) throw new Error(`raw over ${s.n}: waiting ${rawWaiting}`);
      t = process.hrtime.bigint();
      await (await fetch(s.url, { headers })).arrayBuffer();
      s.secondMs = Number(process.hrtime.bigint() - t) / 1e6;
      console.log(
        `${s.n} queues: Opsdeck and raw agree (${waiting} waiting, ${failed} failed); first GET /queues ${s.firstMs.toFixed(0)} ms ` +
          `(discovery included), second ${s.secondMs.toFixed(1)} ms, ${(s.bytes / 1024).toFixed(0)} KiB`,
      );
      for (let i = 0; i < 5; i++) await Promise.all([fetch(s.url, { headers }), rawRun(s.queues, 1, 1)]);
      s.rows = [];
      s.discoverMs = await medianMs(5, () => listQueueNames(redis, s.prefix, []));
      s.countsMs = await medianMs(30, () => fetchQueueCounts(redis, s.prefix, s.names));
    }

    for (const conns of [1, connections]) {
      for (const s of sides) {
        const raw = await rawRun(s.queues, conns, seconds * 1000);
        const rss = c.rssPoll(s.api.pid);
        const ops = await withCpu(s.api.pid, () => c.cannon(s.url, headers, conns, seconds));
        const mem = rss.stop();
        if (ops.non2xx || ops.errors)
          throw new Error(`Opsdeck over ${s.n}: ${ops.non2xx} non-2xx, ${ops.errors} errors`);
        s.rows.push({ conns, raw, ops, mem });
      }
    }

    const [small, large] = sides;
    const f = (x) => x.toFixed(x < 10 ? 2 : 1);
    const r = (a, b) => `${(a / b).toFixed(2)}×`;
    console.log(
      `\nGET /queues over ${small.n} and ${large.n} queues (${WAITING} waiting + ${FAILED} failed each), ${seconds} s per run, ${new Date().toISOString()}`,
    );
    console.log("CPU ms/req: the bench process's for raw, the API process's for Opsdeck");
    small.rows.forEach((sr, i) => {
      const lr = large.rows[i];
      console.log(`-- ${sr.conns} connection(s) / concurrent bursts`);
      for (const [s, row] of [
        [small, sr],
        [large, lr],
      ]) {
        const line = (name, x) =>
          `${name.padEnd(34)} mean ${f(x.mean).padStart(7)} ms   p99 ${f(x.p99).padStart(7)} ms   ${x.rps.toFixed(0).padStart(6)} req/s   CPU ${x.cpuPerReq.toFixed(2)} ms/req`;
        console.log(line(`raw getJobCounts ×${s.n}`, row.raw));
        console.log(
          `${line(`Opsdeck GET /queues (${s.n})`, row.ops)}   API RSS ${row.mem.startMiB.toFixed(0)} → peak ${row.mem.peakMiB.toFixed(0)} MiB` +
            `   Opsdeck/raw mean ${r(row.ops.mean, row.raw.mean)}`,
        );
      }
      console.log(
        `${large.n}/${small.n} queues: Opsdeck mean ${r(lr.ops.mean, sr.ops.mean)}, p99 ${r(lr.ops.p99, sr.ops.p99)}, req/s ${r(lr.ops.rps, sr.ops.rps)}, ` +
          `CPU/req ${r(lr.ops.cpuPerReq, sr.ops.cpuPerReq)}, peak RSS ${r(lr.mem.peakMiB, sr.mem.peakMiB)} | ` +
          `raw mean ${r(lr.raw.mean, sr.raw.mean)}, p99 ${r(lr.raw.p99, sr.raw.p99)}, req/s ${r(lr.raw.rps, sr.raw.rps)}`,
      );
    });
    console.log(
      `first GET /queues (discovery SCAN included): ${small.firstMs.toFixed(0)} → ${large.firstMs.toFixed(0)} ms; ` +
        `response ${(small.bytes / 1024).toFixed(0)} → ${(large.bytes / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `without HTTP, medians: discovery SCAN ${f(small.discoverMs)} → ${f(large.discoverMs)} ms (${r(large.discoverMs, small.discoverMs)}); ` +
        `counts pipeline ${f(small.countsMs)} → ${f(large.countsMs)} ms (${r(large.countsMs, small.countsMs)})`,
    );
  } finally {
    for (const s of sides) s.api?.kill("SIGTERM");
    await Promise.all(sides.flatMap((s) => (s.queues ?? []).map((q) => q.close().catch(() => undefined))));
    sharedConn.disconnect();
    await c.sleep(1500);
    for (const s of sides) {
      const n = await c.scanUnlink(redis, `${s.prefix}:*`);
      console.log(`cleanup: unlinked ${n} keys under ${s.prefix}:*`);
    }
    redis.disconnect();
    await c.db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
