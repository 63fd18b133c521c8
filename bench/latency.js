#!/usr/bin/env node
// Benchmark: job latency percentiles over 30 days of minutes.
//   npm run build && node bench/latency.js [days=30] [queues=10] [names=5] [calls=200] [recordsPerMinute=2000]
// Inputs: Postgres and Redis on their default ports (or DATABASE_SERVER_URL /
// REDIS_URL). It creates and drops its own database (opsdeck_bench_latency)
// and Redis prefix.
// What it does: `days` days of latency minute rows (every minute, every
// queue × name, histograms of 16 buckets around each series' own times),
// day by day, each day's hours and the day itself compacted from them (as
// the rollups leave them: the hour and day under way included), final hours
// added to the totals, and minutes older than 48 h deleted; queue and worker
// rows as bench/rollups.js seeds them. Then an API process (production mode)
// on that database, and:
//   (a) GET /api/v1/platform/metrics/history?range=30d, `calls` sequential
//       calls: median and p95, against the same read's SQL straight from this
//       process (the packages/db reads the endpoint makes, no HTTP);
//   (b) the same for range=7d (168 hourly points);
//   (c) the rollup costs: one hour's and one day's compaction (medians), and
//       one minute run (the minute from `recordsPerMinute` job records, then
//       its hour and its day rebuilt).
"use strict";
const { spawn } = require("node:child_process");
const net = require("node:net");
const path = require("node:path");
const { Redis } = require(require.resolve("ioredis", { paths: [path.resolve(__dirname, "..", "packages/core")] }));

const root = path.resolve(__dirname, "..");
const db = require(path.join(root, "packages/db/dist/index.js"));

const days = Number(process.argv[2] ?? 30);
const queues = Number(process.argv[3] ?? 10);
const names = Number(process.argv[4] ?? 5);
const calls = Number(process.argv[5] ?? 200);
const recordsPerMinute = Number(process.argv[6] ?? 2000);
const server = process.env.DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const databaseUrl = `${server}/opsdeck_bench_latency`;
const prefix = `bench-latency-${process.pid}`;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const TOP = 10;

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const r1 = (n) => Math.round(n * 10) / 10;

async function times(fn, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Minute rows for [from, to): each (queue, name) its own wait/processing centre bucket, 16 buckets of random counts. */
async function generateMinutes(pool, from, to) {
  await pool.query(
    `INSERT INTO job_latency_metrics (granularity, bucket, queue, name, jobs, wait_sum_ms, processing_sum_ms,
                                      wait_hist, processing_hist)
     SELECT 'minute', b, 'queue-' || q, 'name-' || n, w.jobs, w.jobs * 2.0 ^ (wc / 8.0), w.jobs * 2.0 ^ (pc / 8.0),
            h.wait_hist, h.processing_hist
       FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 minute', interval '1 minute') AS b,
            generate_series(1, $3::int) AS q, generate_series(1, $4::int) AS n,
            LATERAL (SELECT 20 + (q * 7 + n * 3) % 40 AS wc, 40 + (q * 5 + n * 11) % 50 AS pc) c,
            -- One set of 16 counts (re-drawn per row: the subquery reads the row's centres), placed at
            -- each centre: trimmed arrays whose subscripts are the buckets.
            LATERAL (SELECT sum(x)::int AS jobs, array_agg(x ORDER BY i)::text AS counts
                       FROM (SELECT i, (random() * 6)::int AS x FROM generate_series(wc - 7, wc + 8) i) r) w,
            LATERAL (SELECT ('[' || (wc - 7) || ':' || (wc + 8) || ']=' || w.counts)::int[] AS wait_hist,
                            ('[' || (pc - 7) || ':' || (pc + 8) || ']=' || w.counts)::int[] AS processing_hist) h`,
    [new Date(from), new Date(to), queues, names],
  );
}

/** Queue and worker rows, as bench/rollups.js seeds them: minutes for 48 h, hours for 35 days, days for `days`. */
async function seedQueueRows(pool, now) {
  const spans = `(VALUES ('minute', '1 minute'::interval, '48 hours'::interval), ('hour', '1 hour', '35 days'),
                         ('day', '1 day', make_interval(days => $2::int))) AS s(g, step, span)`;
  await pool.query(
    `INSERT INTO queue_metrics (granularity, bucket, queue, completed, failed, waiting, active,
                                latency_sum_ms, latency_count, wait_sum_ms)
     SELECT g, b, 'queue-' || n, (random() * 3000)::int, (random() * 30)::int, (random() * 100)::int, 4, 0, 0, 0
       FROM ${spans}, generate_series(1, $3::int) AS n,
            LATERAL generate_series(date_trunc(g, $1::timestamptz - span), $1::timestamptz, step) AS b
     ON CONFLICT DO NOTHING`,
    [new Date(now), days, queues],
  );
  await pool.query(
    `INSERT INTO worker_metrics (granularity, bucket, worker_id, host, queues, cpu_percent, memory_percent,
                                 memory_rss_bytes, samples)
     SELECT g, b, 'worker-' || n, 'host', '{queue-1,queue-2}', random() * 100, random() * 50, 100000000, 1
       FROM ${spans}, generate_series(1, 3) AS n,
            LATERAL generate_series(date_trunc(g, $1::timestamptz - span), $1::timestamptz, step) AS b
     ON CONFLICT DO NOTHING`,
    [new Date(now), days],
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  await db.dropDatabase(databaseUrl);
  await db.ensureDatabase(databaseUrl);
  await db.migrate(databaseUrl);
  const pool = db.createPool({ url: databaseUrl, max: 4, statementTimeoutMs: 3_600_000 });
  const now = Date.now();
  const end = Math.floor(now / MIN) * MIN;
  const start = Math.floor((end - days * DAY) / DAY) * DAY;
  const lastHourEnd = Math.floor((end - 2 * MIN) / HOUR) * HOUR; // hours runRollups would have compacted
  const lastDayEnd = Math.floor(lastHourEnd / DAY) * DAY;
  let api;
  const t0 = performance.now();
  const hourMs = [];
  const dayMs = [];
  try {
    // 1. Minutes day by day, compacted as the rollups would, minutes past 48 h dropped.
    for (let d = start; d < end; d += DAY) {
      const dEnd = Math.min(d + DAY, end);
      await generateMinutes(pool, d, dEnd);
      for (let h = d; h < dEnd; h += HOUR) {
        const t = performance.now();
        await db.compactLatency(pool, "hour", new Date(h), new Date(h + HOUR), TOP);
        hourMs.push(performance.now() - t);
        if (h + HOUR <= lastHourEnd) await db.foldLatencyTotals(pool, new Date(h), new Date(h + HOUR));
      }
      const t = performance.now();
      await db.compactLatency(pool, "day", new Date(d), new Date(d + DAY), TOP);
      dayMs.push(performance.now() - t);
      await pool.query(`DELETE FROM job_latency_metrics WHERE granularity = 'minute' AND bucket < $1`, [
        new Date(end - 48 * HOUR),
      ]);
    }
    await seedQueueRows(pool, now);
    await db.setWatermark(pool, "minute", new Date(end - MIN));
    await db.setWatermark(pool, "hour", new Date(lastHourEnd - HOUR));
    await db.setWatermark(pool, "day", new Date(lastDayEnd - DAY));
    for (const table of ["job_latency_metrics", "queue_metrics", "worker_metrics"])
      await pool.query(`VACUUM ANALYZE ${table}`);
    const rows = (
      await pool.query(
        `SELECT granularity, count(*)::int AS n, avg(pg_column_size(t.*))::int AS bytes
           FROM job_latency_metrics t GROUP BY 1`,
      )
    ).rows;
    process.stdout.write(
      `${JSON.stringify({
        days,
        queues,
        names,
        rows: Object.fromEntries(rows.map((r) => [r.granularity, r.n])),
        bytes_per_row: Object.fromEntries(rows.map((r) => [r.granularity, r.bytes])),
        generate_s: r1((performance.now() - t0) / 1000),
        hour_compaction_ms: r1(median(hourMs)),
        day_compaction_ms: r1(median(dayMs)),
      })}\n`,
    );

    // 2. The API, and the endpoint's reads straight from this process.
    const { prisma, close } = db.createDb({ url: databaseUrl, max: 1 });
    const { raw } = await db.createKey(prisma, { name: "bench", role: "viewer" });
    await close();
    const port = await freePort();
    api = spawn(process.execPath, [path.join(root, "apps/api/dist/main.js")], {
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
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/livez`);
    const headers = { "x-api-key": raw };
    const measure = async (range, g, buckets) => {
      const url = `${base}/api/v1/platform/metrics/history?range=${range}`;
      const viaApi = async () => {
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`history answered ${res.status}`);
        await res.arrayBuffer();
      };
      // The endpoint's range: `buckets` periods ending with the current one.
      const unit = g === "day" ? DAY : HOUR;
      const to = new Date(Math.floor(Date.now() / unit) * unit + unit);
      const from = new Date(to.getTime() - buckets * unit);
      const viaSql = () => Promise.all([db.metricSeries(pool, g, from, to, {}), db.latencyRange(pool, g, from, to)]);
      await times(viaApi, 10);
      await times(viaSql, 10);
      const a = await times(viaApi, calls);
      const s = await times(viaSql, calls);
      const read = await pool.query(
        `SELECT count(*)::int AS n FROM job_latency_metrics WHERE granularity = $1 AND bucket >= $2 AND bucket < $3`,
        [g, from, to],
      );
      const out = {
        range,
        latency_rows_read: read.rows[0].n,
        api_median_ms: r1(median(a)),
        api_p95_ms: r1(p95(a)),
        sql_median_ms: r1(median(s)),
        sql_p95_ms: r1(p95(s)),
        ratio_api_over_sql: r1(median(a) / median(s)),
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    };
    await measure("30d", "day", 30);
    await measure("7d", "hour", 168);

    // 3. One minute run's latency step: the minute from job records, then its hour and its day rebuilt.
    const minute = end - 30 * MIN;
    await pool.query(
      `INSERT INTO job_records (queue, job_id, name, status, created_at, processed_at, finished_at)
       SELECT 'queue-' || (i % $2), 'r' || i, 'name-' || (i % 7), 'completed',
              $1::timestamptz - (random() * 5000) * interval '1 ms', $1::timestamptz, $1::timestamptz + (i % 59000) * interval '1 ms'
         FROM generate_series(1, $3::int) AS i`,
      [new Date(minute), queues, recordsPerMinute],
    );
    await pool.query("ANALYZE job_records");
    const run = await times(() => db.rollupLatency(pool, new Date(minute), new Date(minute + MIN), TOP), 5);
    process.stdout.write(`${JSON.stringify({ minute_run_ms: r1(median(run)), records: recordsPerMinute })}\n`);
  } finally {
    api?.kill("SIGTERM");
    await pool.end();
    const redis = new Redis(redisUrl);
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== "0");
    redis.disconnect();
    if (api) await new Promise((r) => api.once("exit", r));
    await db.dropDatabase(databaseUrl);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
