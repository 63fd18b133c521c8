#!/usr/bin/env node
// The producer of bench/queues/follow.js's lag phase, in a process of its own so that adding jobs
// does not share an event loop (and a CPU) with the worker draining them.
//   node bench/queues/followProducer.js <prefix> <queue> <rate jobs/s> <seconds>
// Env: REDIS_URL. Several connections, each adding its share of `rate` on a schedule of its own:
// every 50 ms a connection adds, in one addBulk, every job due by then that it has not added yet, so a
// slow call is made up by a bigger next batch rather than lost. Prints one JSON line,
// {"added": <jobs>, "seconds": <from the first add to the last addBulk's reply>}.
"use strict";
const { Queue } = require("bullmq");

const CONNECTIONS = 4;
const TICK_MS = 50;

const [prefix, name, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const connection = { url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const queues = Array.from({ length: CONNECTIONS }, () => new Queue(name, { connection, prefix }));
  await Promise.all(queues.map((q) => q.waitUntilReady()));
  const share = Math.floor((rate * seconds) / CONNECTIONS);
  const t0 = Date.now();
  // Connection k adds jobs n = k, k + CONNECTIONS, k + 2 × CONNECTIONS… (ids distinct across connections).
  const run = async (queue, k) => {
    let added = 0;
    while (added < share) {
      const due = Math.min(share, Math.floor(((Date.now() - t0) / 1000) * (rate / CONNECTIONS)));
      if (due > added) {
        const from = added;
        await queue.addBulk(
          Array.from({ length: due - from }, (_, j) => ({ name: "pay", data: { n: (from + j) * CONNECTIONS + k } })),
        );
        added = due;
      }
      await sleep(TICK_MS);
    }
  };
  await Promise.all(queues.map(run));
  const elapsed = (Date.now() - t0) / 1000;
  await Promise.all(queues.map((q) => q.close()));
  console.log(JSON.stringify({ added: share * CONNECTIONS, seconds: elapsed }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
