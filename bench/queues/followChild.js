#!/usr/bin/env node
// The history follower alone in a process of its own, as it runs inside an Opsdeck worker, for
// bench/queues/follow.js. Env: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, REDIS_KEY_PREFIX. Prints
// "ready" once started; SIGTERM stops it cleanly and prints "cpu <ms>", the process's CPU time.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "../..");
const { createPool } = require(path.join(root, "packages/db/dist/index.js"));
const { createLogger } = require(path.join(root, "packages/core/dist/index.js"));
const { startHistoryFollower } = require(path.join(root, "apps/worker/dist/history/follower.js"));

const pool = createPool({ url: process.env.DATABASE_URL, max: 4, applicationName: "opsdeck-worker" });
const follower = startHistoryFollower({
  pool,
  target: { kind: "standalone", url: process.env.REDIS_URL },
  queuePrefix: process.env.QUEUE_PREFIX,
  keyPrefix: process.env.REDIS_KEY_PREFIX,
  exclude: [],
  // The worker's defaults (apps/worker/src/config.ts), but a discovery every 500 ms so the bench's
  // queue is picked up at once.
  batch: 5_000,
  blockMs: 1_000,
  lingerMs: 250,
  discoveryMs: 500,
  leaseMs: 15_000,
  backfillMax: 10_000,
  repairMaxJobs: 100_000,
  stepAsideMaxMs: 10_000,
  log: createLogger({ service: "bench-follow", level: "warn", format: "pretty" }),
});
console.log("ready");
process.on("SIGTERM", () => {
  void follower
    .stop()
    .then(() => pool.end())
    .then(() => {
      const cpu = process.cpuUsage();
      console.log(`cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)}`); // ms, user + system, the whole run
      process.exit(0);
    });
});
