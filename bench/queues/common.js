// Shared helpers for the queue benchmarks (bench/queues/*.js): fast BullMQ-compatible
// job creation, SCAN+UNLINK cleanup, the Opsdeck API child process, autocannon, a
// PING-latency probe in its own process and RSS polling.
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "../..");
const db = require(path.join(root, "packages/db/dist/index.js"));
const autocannon = require("autocannon");
const IORedis = require("ioredis");

const server = process.env.DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const BULLMQ_VERSION = require(path.join(root, "node_modules/bullmq/package.json")).version;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes jobs the way BullMQ's addJob/moveToFinished scripts leave them: a hash per job,
 * ids LPUSHed to `wait` (newest at the head) or ZADDed to `failed` by finishedOn, the
 * `meta` hash (so discovery finds the queue) and the `id` counter. Pipelined, 10k jobs a round trip.
 */
async function populate(redis, prefix, queue, { waiting = 0, failed = 0, firstId = 1, chunk = 10_000 }) {
  const k = (s) => `${prefix}:${queue}:${s}`;
  const base = Date.now() - 3_600_000;
  await redis.hset(k("meta"), "opts.maxLenEvents", "10000", "version", `bullmq:${BULLMQ_VERSION}`);
  let id = firstId;
  const write = async (count, kind) => {
    for (let done = 0; done < count; done += chunk) {
      const n = Math.min(chunk, count - done);
      const p = redis.pipeline();
      const ids = [];
      const zargs = [];
      for (let i = 0; i < n; i++, id++) {
        const ts = base + id;
        const fields = [
          "name",
          "bench",
          "data",
          `{"kind":"minute","n":${id}}`,
          "opts",
          '{"attempts":1}',
          "timestamp",
          String(ts),
          "delay",
          "0",
          "priority",
          "0",
        ];
        if (kind === "failed") {
          fields.push(
            "processedOn",
            String(ts + 1),
            "finishedOn",
            String(ts + 2),
            "attemptsMade",
            "1",
            "attemptsStarted",
            "1",
            "failedReason",
            "bench failure",
            "stacktrace",
            "[]",
          );
          zargs.push(String(ts + 2), String(id));
        } else ids.push(String(id));
        p.hset(k(String(id)), ...fields);
      }
      if (kind === "failed") p.zadd(k("failed"), ...zargs);
      else p.lpush(k("wait"), ...ids);
      await p.exec();
    }
  };
  await write(waiting, "wait");
  await write(failed, "failed");
  await redis.set(k("id"), String(id - 1));
  return id;
}

/** Deletes every key under `pattern` with SCAN + UNLINK, 1000 keys a call. */
async function scanUnlink(redis, pattern) {
  let cursor = "0";
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 10_000);
    cursor = next;
    for (let i = 0; i < keys.length; i += 1000) {
      n += await redis.unlink(...keys.slice(i, i + 1000));
    }
  } while (cursor !== "0");
  return n;
}

async function createBenchDb(name) {
  const databaseUrl = `${server}/${name}`;
  await db.dropDatabase(databaseUrl);
  await db.ensureDatabase(databaseUrl);
  await db.migrate(databaseUrl);
  return databaseUrl;
}

async function createOpsKey(databaseUrl) {
  const { prisma, close } = db.createDb({ url: databaseUrl, max: 1 });
  const { raw } = await db.createKey(prisma, { name: "bench", role: "ops" });
  await close();
  return raw;
}

/** Starts apps/api/dist/main.js; `nodeArgs` go before the script (e.g. ["--cpu-prof"], which NODE_OPTIONS refuses). */
function startApi(port, databaseUrl, prefix, extraEnv = {}, nodeArgs = []) {
  return spawn(process.execPath, [...nodeArgs, path.join(root, "apps/api/dist/main.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      RATE_LIMIT_READ: "1000000",
      RATE_LIMIT_WRITE: "1000000",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitFor(url, headers) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

function cannon(url, headers, connections, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration, pipelining: 1, timeout: 60 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
  });
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  const pct = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  return { n: s.length, mean, p50: pct(50), p99: pct(99), max: s[s.length - 1] ?? 0 };
}

// A PING every 5 ms on its own connection, in its own process (so the bench process's
// own event loop — parsing 100k ids, say — never shows up as Redis latency).
const PINGER = `
const IORedis = require(${JSON.stringify(require.resolve("ioredis"))});
const r = new IORedis(process.env.REDIS_URL, { connectionName: "bench-pinger" });
let on = false, lat = [], inflight = Promise.resolve();
const loop = async () => {
  for (;;) {
    const t = process.hrtime.bigint();
    const counted = on;
    inflight = r.ping().then(() => {
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (counted) lat.push(ms);
    });
    await inflight;
    await new Promise((res) => setTimeout(res, 5));
  }
};
process.on("message", async (m) => {
  if (m === "start") { lat = []; on = true; process.send("started"); }
  // A PING sent during the operation and still waiting on Redis counts: wait for it.
  else if (m === "stop") { on = false; await inflight; process.send({ lat }); }
  else if (m === "exit") { r.disconnect(); process.exit(0); }
});
r.ping().then(() => { loop(); process.send("ready"); });
`;

function pinger() {
  const child = spawn(process.execPath, ["-e", PINGER], {
    env: { ...process.env, REDIS_URL: redisUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () => new Promise((res) => child.once("message", res));
  const ready = next();
  return {
    ready: () => ready,
    async start() {
      const p = next();
      child.send("start");
      await p;
    },
    async stop() {
      const p = next();
      child.send("stop");
      const { lat } = await p;
      return stats(lat);
    },
    close() {
      child.send("exit");
    },
  };
}

/** Polls a process's VmRSS every 20 ms; stop() returns { startMiB, peakMiB, hwmMiB }. */
function rssPoll(pid) {
  const read = () => {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (f) => Number(new RegExp(`${f}:\\s+(\\d+)`).exec(s)[1]);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  };
  const start = read().rss;
  let peak = start;
  const t = setInterval(() => {
    try {
      peak = Math.max(peak, read().rss);
    } catch {
      /* gone */
    }
  }, 20);
  return {
    stop() {
      clearInterval(t);
      const r = read();
      return { startMiB: start, peakMiB: Math.max(peak, r.rss), hwmMiB: r.hwm };
    },
  };
}

module.exports = {
  root,
  db,
  server,
  redisUrl,
  IORedis,
  sleep,
  populate,
  scanUnlink,
  createBenchDb,
  createOpsKey,
  startApi,
  waitFor,
  cannon,
  stats,
  pinger,
  rssPoll,
};
