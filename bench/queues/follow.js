#!/usr/bin/env node
// Benchmark: what following a foreign queue's event stream costs the service that owns it, and how
// late its records land.
//   npm run build && node bench/queues/follow.js [jobs=20000] [rounds=3] [rate=2000] [seconds=20]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL / REDIS_URL).
//
// 1. Throughput. A plain BullMQ Worker (not Opsdeck's code: no-op processor, concurrency 50) drains
//    `jobs` jobs added beforehand, timed from run() to its last `completed` event. Each round runs
//    it twice, on two queues of two prefixes: one unwatched, one followed by Opsdeck's history
//    follower in a process of its own (followChild.js, as in an Opsdeck worker). Each side drains
//    the same queue every round, so both keep the same growing number of finished jobs (a larger
//    completed set makes BullMQ's scripts a little slower). The order
//    alternates by round, and the follower's records land before the next drain starts. Printed:
//    jobs/s of each, the ratio watched/unwatched per round, and the median ratio.
// 2. Lag. A producer in a process of its own (followProducer.js: 4 connections, batches every 50 ms)
//    adds `rate` jobs/s for `seconds` seconds to a followed queue, drained by the same kind of
//    Worker; once every record has landed, the lag of each job — its record's last commit
//    (updated_at, Postgres' clock) less its finishedOn (the worker's clock, same machine) — as
//    p50 / p99 / max. Also the rate the producer actually achieved.
// 3. Catch-up: the follower's own ceiling. A queue's `jobs` jobs are added and drained while its
//    follower is stopped (the stream capped high enough to keep every entry), then a follower starts
//    from its saved position; entries/s until its position reaches the stream's end, against a raw
//    baseline measured just before: XREAD of the same stream alone, 5,000 entries a call.
//    Printed with the load average, which on a shared machine bounds what the lag phase can show.
// It creates and drops its own database (opsdeck_bench_follow) and Redis prefixes (bench-fo-<pid>-*).
"use strict";
const { spawn } = require("node:child_process");
const os = require("node:os");
const path = require("node:path");

const { Queue, Worker } = require("bullmq");
const pg = require("pg");

const c = require("./common");

const [JOBS = 20_000, ROUNDS = 3, RATE = 2_000, SECONDS = 20] = process.argv.slice(2).map(Number);
const base = `bench-fo-${process.pid}`;
const QUEUE = "orders"; // not in the catalog: followed
const connection = { url: c.redisUrl };

function startFollower(databaseUrl, prefix) {
  const child = spawn(process.execPath, [path.join(__dirname, "followChild.js")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: c.redisUrl,
      QUEUE_PREFIX: prefix,
      REDIS_KEY_PREFIX: `${prefix}-od`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Gap repairs (entries trimmed before the follower read them) are counted from its log.
  child.gapRepairs = 0;
  child.stdout.on("data", (d) => (child.gapRepairs += String(d).split("event stream gap repaired").length - 1));
  return new Promise((resolve) => {
    child.stdout.on("data", (d) => {
      if (String(d).includes("ready")) resolve(child);
    });
  });
}
/** Stops a follower; the CPU time its process used (user + system), ms. */
function stop(child) {
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve) => {
    child.on("exit", () => resolve(Number(/cpu (\d+)/.exec(out)?.[1] ?? NaN)));
    child.kill("SIGTERM");
  });
}

async function recordCount(pool, prefixQueue, status) {
  const r = await pool.query(`SELECT count(*)::int AS n FROM job_records WHERE queue = $1 AND status = $2`, [
    prefixQueue,
    status,
  ]);
  return r.rows[0].n;
}

/** Fills `prefix`'s queue with `n` jobs, then times a plain Worker draining them; jobs/s. */
async function drain(prefix, n, name = QUEUE, given = null) {
  const queue = given ?? new Queue(name, { connection, prefix });
  for (let i = 0; i < n; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ name: "order", data: { n: i + j } })),
    );
  }
  let done = 0;
  let finish;
  const finished = new Promise((r) => (finish = r));
  const worker = new Worker(name, async () => null, { connection, prefix, concurrency: 50, autorun: false });
  worker.on("completed", () => {
    if (++done === n) finish();
  });
  await worker.waitUntilReady();
  const t0 = process.hrtime.bigint();
  void worker.run();
  await finished;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  await worker.close();
  if (!given) await queue.close();
  return n / secs;
}

/** Runs followProducer.js: RATE jobs/s for SECONDS s to `prefix`'s `name`; its {added, seconds}. */
function produce(prefix, name) {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, "followProducer.js"), prefix, name, String(RATE), String(SECONDS)],
    { env: { ...process.env, REDIS_URL: c.redisUrl }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`producer exit ${code}`)))),
  );
}

/** Saved position of `queue` and the id of its stream's newest entry, equal once a follower caught up. */
async function caughtUp(pool, redis, prefix, queue) {
  const r = await pool.query(`SELECT last_id FROM queue_stream_positions WHERE queue = $1`, [queue]);
  const [[newest]] = await redis.xrevrange(`${prefix}:${queue}:events`, "+", "-", "COUNT", 1);
  return r.rows[0]?.last_id === newest;
}

async function catchUp(databaseUrl, pool, redis, prefix) {
  const name = "backlog";
  const key = `${prefix}:${name}:events`;
  // Capped far above what the jobs write (~4 entries a job), so nothing is trimmed unread.
  const queue = new Queue(name, { connection, prefix, streams: { events: { maxLen: JOBS * 10 } } });
  await queue.add("first", {});
  let follower = await startFollower(databaseUrl, prefix); // saves a position, then stops
  const deadline = Date.now() + 120_000;
  while (!(await caughtUp(pool, redis, prefix, name)) && Date.now() < deadline) await c.sleep(100);
  await stop(follower);
  await drain(prefix, JOBS, name, queue);
  const entries = await redis.xlen(key);
  let t0 = process.hrtime.bigint();
  for (let pos = "0"; ;) {
    const reply = await redis.xread("COUNT", 5_000, "STREAMS", key, pos);
    const got = reply?.[0]?.[1] ?? [];
    if (got.length === 0) break;
    pos = got[got.length - 1][0];
  }
  const raw = entries / (Number(process.hrtime.bigint() - t0) / 1e9);
  const load0 = os.loadavg()[0];
  t0 = process.hrtime.bigint();
  follower = await startFollower(databaseUrl, prefix);
  const until = Date.now() + 300_000;
  while (!(await caughtUp(pool, redis, prefix, name)) && Date.now() < until) await c.sleep(50);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = await stop(follower);
  await queue.close();
  const rate = entries / secs;
  console.log(
    `catch-up of ${entries} entries (${JOBS} jobs): follower ${rate.toFixed(0)} entries/s = ${((rate * JOBS) / entries).toFixed(0)} jobs/s` +
      ` (process start included), raw XREAD ${raw.toFixed(0)} entries/s, ratio ${(rate / raw).toFixed(3)}; load average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};` +
      ` follower process CPU ${cpu} ms`,
  );
}

async function main() {
  const redis = new c.IORedis(c.redisUrl);
  const databaseUrl = await c.createBenchDb("opsdeck_bench_follow");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    console.log(`follow bench: ${JOBS} jobs x ${ROUNDS} rounds, then ${RATE} jobs/s for ${SECONDS} s`);
    // 1. Throughput, watched vs unwatched. The watched prefix keeps one follower for every round.
    const watchedPrefix = `${base}-w`;
    const follower = await startFollower(databaseUrl, watchedPrefix);
    await drain(`${base}-warm`, 2_000); // JIT warm-up, not reported
    const ratios = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // The follower finishes what the watched drain left it (records, then the stream's rest) before
      // anything else is timed: its backlog would otherwise slow an unwatched drain run right after,
      // flattering the ratio.
      const watch = async () => {
        const jobsPerS = await drain(watchedPrefix, JOBS);
        const deadline = Date.now() + 120_000;
        while ((await recordCount(pool, QUEUE, "completed")) < round * JOBS && Date.now() < deadline)
          await c.sleep(200);
        // ...and has read what the stream still holds (after a repair, the entries the cap kept).
        while (!(await caughtUp(pool, redis, watchedPrefix, QUEUE)) && Date.now() < deadline) await c.sleep(100);
        return jobsPerS;
      };
      let raw;
      let watched;
      if (round % 2) {
        raw = await drain(`${base}-u`, JOBS);
        watched = await watch();
      } else {
        watched = await watch();
        raw = await drain(`${base}-u`, JOBS);
      }
      ratios.push(watched / raw);
      console.log(
        `round ${round}: unwatched ${raw.toFixed(0)} jobs/s, watched ${watched.toFixed(0)} jobs/s, ratio ${(watched / raw).toFixed(3)}`,
      );
    }
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    console.log(
      `throughput ratio watched/unwatched, median of ${ROUNDS}: ${median.toFixed(3)} (gap repairs ${follower.gapRepairs})`,
    );

    // 2. Lag at a sustained rate, on a fresh queue name of the same followed prefix.
    const LAG_QUEUE = "payments";
    const worker = new Worker(LAG_QUEUE, async () => null, { connection, prefix: watchedPrefix, concurrency: 50 });
    await worker.waitUntilReady();
    const load0 = os.loadavg()[0];
    const gapsBefore = follower.gapRepairs;
    const produced = await produce(watchedPrefix, LAG_QUEUE);
    const total = produced.added;
    const achieved = total / produced.seconds;
    const deadline = Date.now() + 180_000;
    while ((await recordCount(pool, LAG_QUEUE, "completed")) < total && Date.now() < deadline) await c.sleep(200);
    const r = await pool.query(
      `SELECT count(*)::int AS n,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
              percentile_disc(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
              max(lag) AS max
         FROM (SELECT extract(epoch FROM updated_at - finished_at) * 1000 AS lag
                 FROM job_records WHERE queue = $1 AND status = 'completed') x`,
      [LAG_QUEUE],
    );
    const s = r.rows[0];
    console.log(
      `lag at ${achieved.toFixed(0)} jobs/s (${s.n}/${total} records): p50 ${Number(s.p50).toFixed(0)} ms, p99 ${Number(s.p99).toFixed(0)} ms, max ${Number(s.max).toFixed(0)} ms` +
        ` (producer ${achieved >= RATE * 0.98 ? "reached" : "did NOT reach"} ${RATE} jobs/s; load average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};` +
        ` gap repairs ${follower.gapRepairs - gapsBefore})`,
    );
    await worker.close();
    const cpu = await stop(follower);
    const followed = ROUNDS * JOBS + total;
    console.log(
      `follower process CPU (user + system): ${cpu} ms for ${followed} jobs followed, ${((cpu * 1000) / followed).toFixed(0)} µs a job`,
    );

    // 3. Catch-up of a pre-filled stream.
    await catchUp(databaseUrl, pool, redis, `${base}-c`);
  } finally {
    await pool.end();
    await c.scanUnlink(redis, `${base}-*`);
    redis.disconnect();
    await c.db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
