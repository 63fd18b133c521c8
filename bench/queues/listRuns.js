// The measuring parts of the GET /queues benches (list.js, listScale.js): the raw BullMQ
// baseline (getJobCounts for every queue in one auto-pipelined burst) and an autocannon
// run with the server's CPU time per request.
"use strict";
const c = require("./common");
const { procCpuSeconds } = require("../procCpu");

/** CPU time (user + system) a process has used, ms, from /proc (Linux). */
const cpuMs = (pid) => (procCpuSeconds(pid) ?? 0) * 1000;

const fromCannon = (r) => ({
  mean: r.latency.mean,
  p99: r.latency.p99,
  rps: r.requests.average,
  n: r.requests.total,
  non2xx: r.non2xx,
  errors: r.errors,
});

/** Runs autocannon and adds the server's CPU ms per request, a figure less swayed by other load than latency. */
async function withCpu(pid, run) {
  const before = cpuMs(pid);
  const r = fromCannon(await run());
  return { ...r, cpuPerReq: (cpuMs(pid) - before) / Math.max(1, r.n) };
}

/**
 * Raw BullMQ: getJobCounts of every queue in one Promise.all (one burst over an auto-pipelined
 * connection), `concurrency` bursts at a time for `durationMs`. `last` is the last burst's counts;
 * CPU ms per burst is this process's.
 */
async function rawRun(queues, concurrency, durationMs) {
  const counts = () =>
    Promise.all(
      queues.map((q) => q.getJobCounts("active", "waiting", "failed", "delayed", "completed", "paused", "prioritized")),
    );
  const lat = [];
  const cpu0 = process.cpuUsage();
  const end = Date.now() + durationMs;
  let last;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        last = await counts();
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const s = c.stats(lat);
  const cpu = process.cpuUsage(cpu0);
  return { ...s, rps: lat.length / (durationMs / 1000), last, cpuPerReq: (cpu.user + cpu.system) / 1000 / lat.length };
}

module.exports = { rawRun, withCpu };
