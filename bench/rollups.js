#!/usr/bin/env node
// Benchmark: the cost of one metric rollup run as request logs grow, and the
// latency of history?range=30d from the rollups against the same aggregate
// over the raw request logs, in the same run.
//   npm run build && node bench/rollups.js [days=1,7,30] [rps=50]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL /
// REDIS_URL). It creates and drops its own database (opsdeck_bench_rollups)
// and Redis prefix. Request logs are generated with INSERT … SELECT
// generate_series at `rps` requests per second (a 1 % 5xx rate, 10 routes,
// log-normal-ish response times), in day-sized chunks, ending now.
// Output: per data size, the median of 3 runs (ms) of (a) a minute run
// (runRollups: requests, queues, workers, Redis/Postgres, retention), (b) one
// hour compaction, (c) one day compaction (request percentiles recomputed
// from the raw day); then history?range=30d from the rollups vs the raw query.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const db = require(path.join(root, "packages/db/dist/index.js"));
const core = require(path.join(root, "packages/core/dist/index.js"));
const redisPkg = require(path.join(root, "packages/redis/dist/index.js"));
const { runRollups } = require(path.join(root, "apps/worker/dist/rollups/runRollups.js"));
const { DEFAULT_ROLLUP_OPTIONS } = require(path.join(root, "apps/worker/dist/rollups/context.js"));

const days = (process.argv[2] ?? "1,7,30").split(",").map(Number);
const rps = Number(process.argv[3] ?? 50);
const server = process.env.DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const databaseUrl = `${server}/opsdeck_bench_rollups`;
const prefix = `bench-rollups-${process.pid}`;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeIt(fn, n = 3) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return Math.round(median(out) * 10) / 10;
}

/** Adds request logs for [from, to) at `rps`. */
async function generate(pool, from, to) {
  const step = 1000 / rps;
  for (let start = from; start < to; start += DAY) {
    const end = Math.min(to, start + DAY);
    const n = Math.floor((end - start) / step);
    await pool.query(
      `INSERT INTO request_logs (timestamp, request_id, method, endpoint, route, status_code, response_time,
                                 request_size, response_size)
       SELECT to_timestamp(($1::float8 + i * $2::float8) / 1000), 'req_' || i, 'GET', '/api/v1/r' || (i % 10),
              '/api/v1/r' || (i % 10),
              CASE WHEN random() < 0.01 THEN 500 WHEN random() < 0.05 THEN 404 ELSE 200 END,
              (exp(random() * 4) * 3)::real, 100, 1000
         FROM generate_series(0, $3::bigint - 1) AS i`,
      [start, step, n],
    );
  }
  await pool.query("ANALYZE request_logs");
}

/** Rollup rows for history: 4 queues and 3 workers, minute rows for 48 h, hours for 35 d, days for 30 d. */
async function seedRollups(pool, now) {
  const q = `SELECT g, b, 'queue-' || n, (random() * 3000)::int, (random() * 30)::int, (random() * 100)::int, 4, 0, 0, 0
               FROM (VALUES ('minute', $1::interval, $2::interval), ('hour', '1 hour', '35 days'), ('day', '1 day', '30 days'))
                    AS s(g, step, span),
                    generate_series(1, 4) AS n,
                    LATERAL generate_series(date_trunc(g, $3::timestamptz - span), $3::timestamptz, step) AS b`;
  await pool.query(
    `INSERT INTO queue_metrics (granularity, bucket, queue, completed, failed, waiting, active,
                                latency_sum_ms, latency_count, wait_sum_ms) ${q} ON CONFLICT DO NOTHING`,
    ["1 minute", "48 hours", new Date(now)],
  );
  await pool.query(
    `INSERT INTO worker_metrics (granularity, bucket, worker_id, host, queues, cpu_percent, memory_percent,
                                 memory_rss_bytes, samples)
     SELECT g, b, 'worker-' || n, 'host', '{queue-1,queue-2}', random() * 100, random() * 50, 100000000, 1
       FROM (VALUES ('minute', '1 minute'::interval, '48 hours'::interval), ('hour', '1 hour', '35 days'), ('day', '1 day', '30 days'))
            AS s(g, step, span),
            generate_series(1, 3) AS n,
            LATERAL generate_series(date_trunc(g, $1::timestamptz - span), $1::timestamptz, step) AS b
     ON CONFLICT DO NOTHING`,
    [new Date(now)],
  );
  const last = (g, ms) => new Date(Math.floor(now / ms) * ms - ms);
  await db.setWatermark(pool, "minute", last("minute", MIN));
  await db.setWatermark(pool, "hour", last("hour", HOUR));
  await db.setWatermark(pool, "day", last("day", DAY));
}

async function main() {
  await db.dropDatabase(databaseUrl);
  await db.ensureDatabase(databaseUrl);
  await db.migrate(databaseUrl);
  const pool = db.createPool({ url: databaseUrl, max: 4, statementTimeoutMs: 3_600_000 });
  const redis = redisPkg.createRedis(redisUrl, { offlineQueue: true, commandTimeoutMs: 10_000 });
  const ctx = {
    pool,
    poolMax: 4,
    redis,
    queuePrefix: prefix,
    log: core.createLogger({ service: "bench", level: "error", silent: true }),
    options: {
      ...DEFAULT_ROLLUP_OPTIONS,
      retentionMs: db.DEFAULT_RETENTION_MS,
      thresholds: {},
      keyPrefix: prefix,
    },
  };
  const now = Date.now();
  const end = Math.floor(now / MIN) * MIN;
  const results = [];
  try {
    let have = 0;
    for (const d of days) {
      const t0 = performance.now();
      await generate(pool, end - d * DAY, end - have * DAY);
      have = d;
      const rows = Number((await pool.query("SELECT count(*) FROM request_logs")).rows[0].count);
      const genS = Math.round((performance.now() - t0) / 100) / 10;
      // (a) A minute run: from a watermark one minute back, as every minute in production.
      // Hours and days already compacted (steady state): the run rolls up the minute just closed.
      const marks = {
        minute: end - 2 * MIN,
        hour: end - 2 * MIN - ((end - 2 * MIN) % HOUR) - HOUR,
        day: end - (end % DAY) - DAY,
      };
      const minute = await timeIt(async () => {
        for (const [g, at] of Object.entries(marks))
          await pool.query(
            `INSERT INTO metric_rollup_state (granularity, last_bucket) VALUES ($1, $2)
             ON CONFLICT (granularity) DO UPDATE SET last_bucket = EXCLUDED.last_bucket`,
            [g, new Date(at)],
          );
        await runRollups({ ...ctx, now: () => new Date(end + 10_000) });
      });
      // (b) One hour compaction (percentiles from the raw hour) and (c) one day compaction.
      const hourFrom = new Date(end - (end % HOUR) - HOUR);
      const hour = await timeIt(async () => {
        await db.compactBuckets(pool, "hour", hourFrom, new Date(hourFrom.getTime() + HOUR));
        await db.rollupRequests(pool, "hour", hourFrom, new Date(hourFrom.getTime() + HOUR));
      });
      const dayFrom = new Date(end - (end % DAY) - DAY);
      const day = await timeIt(
        async () => {
          await db.compactBuckets(pool, "day", dayFrom, new Date(dayFrom.getTime() + DAY));
          await db.rollupRequests(pool, "day", dayFrom, new Date(dayFrom.getTime() + DAY));
        },
        d >= 7 ? 1 : 3,
      );
      results.push({
        days: d,
        rows,
        generate_s: genS,
        minute_run_ms: minute,
        hour_compaction_ms: hour,
        day_compaction_ms: day,
      });
      process.stdout.write(`${JSON.stringify(results[results.length - 1])}\n`);
    }

    // history?range=30d: daily points from the rollups (what the endpoint runs) vs the raw aggregate.
    await seedRollups(pool, now);
    const to = new Date(Math.floor(now / DAY) * DAY + DAY);
    const from = new Date(to.getTime() - 30 * DAY);
    const fromRollups = await timeIt(() => db.metricSeries(pool, "day", from, to), 5);
    const fromRaw = await timeIt(
      () =>
        pool.query(
          `SELECT date_trunc('day', "timestamp", 'UTC') AS b, count(*) AS messages,
                  count(*) FILTER (WHERE status_code >= 500) AS errors, avg(response_time)
             FROM request_logs WHERE "timestamp" >= $1 AND "timestamp" < $2 GROUP BY 1 ORDER BY 1`,
          [from, to],
        ),
      days[days.length - 1] >= 7 ? 1 : 3,
    );
    const history = {
      history_30d_rollups_ms: fromRollups,
      history_30d_raw_ms: fromRaw,
      ratio_raw_over_rollups: Math.round((fromRaw / fromRollups) * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(history)}\n`);
  } finally {
    redis.disconnect();
    await pool.end();
    await db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
