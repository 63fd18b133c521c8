// The console benches' API: a production build (apps/api/dist/main.js) in a
// process of its own over a bench database, with an ops key, limits out of the
// way, and the Redis keys it wrote removed afterwards.
"use strict";
const { spawn } = require("node:child_process");
const net = require("node:net");
const path = require("node:path");

const { root, db } = require("../logs/common");

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` every 100 ms until it answers 2xx, for at most 30 s. */
async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Creates an ops key named `keyName` in the database at `url`, starts the API on a free port with
 * `prefix` for its queues and its own keys, and waits for /livez. Returns the child process, its base
 * URL and the key; `stop()` ends it with SIGTERM and waits for the exit.
 */
async function startApi({ url, prefix, keyName }) {
  const { prisma, close } = db.createDb({ url, max: 1 });
  const { raw: key } = await db.createKey(prisma, { name: keyName, role: "ops" });
  await close();
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "apps/api/dist/main.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SESSION_SECRET: `${keyName}-session-secret-0123456789abcdef`,
      RATE_LIMIT_READ: "1000000",
      RATE_LIMIT_WRITE: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((r) => child.once("exit", r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitFor(`${base}/livez`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, base, key, stop };
}

/** Unlinks every Redis key under `prefix` (SCAN, 1,000 at a time). */
async function deleteRedisKeys(prefix) {
  const { Redis } = require("ioredis");
  const redis = new Redis(redisUrl);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== "0");
  redis.disconnect();
}

module.exports = { startApi, deleteRedisKeys, sleep };
