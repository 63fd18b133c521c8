// Job latency percentiles from job records with chosen times (of queues no
// Opsdeck worker serves): per minute, and merged into hours and days (the
// hour and day under way included), within
// the documented bound of the exact percentiles of the same jobs; per job name
// with the cardinality bound; served by the history and performance API; as
// cumulative Prometheus histograms that stay put when hours move into the
// totals; and read by the p95 alert rules.
import request from "supertest";

import { evaluateAlerts } from "../../apps/worker/src/rollups/evaluateAlerts";
import { runRollups } from "../../apps/worker/src/rollups/runRollups";
import { floorBucket, foldLatencyTotals, latencyPercentiles, rollupLatency, setWatermark } from "../../packages/db/src";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import {
  expectWithinLatencyBound,
  insertTimedJobs,
  metricsContext,
  nearestRank,
  testRedis,
  type TimedJob,
} from "./helpers";
import { parsePrometheusText } from "./promText";
import { checkMetrics } from "./promtool";

let t: TestApp;
let redis: Redis;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await t.close();
});

/** A deterministic spread of whole ms (log-uniform in [lo, hi]), so the percentiles are not all alike. */
function spread(n: number, lo: number, hi: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.round(lo * (hi / lo) ** (x / 2 ** 31));
  });
}

function jobs(queue: string, name: string, at: number, wait: number[], processing: number[]): TimedJob[] {
  return wait.map((w, i) => ({
    queue,
    name,
    waitMs: w,
    processingMs: processing[i] as number,
    finishedAt: new Date(at + ((i * 37) % 59_000)),
  }));
}

const P = [
  ["p50", 0.5],
  ["p95", 0.95],
  ["p99", 0.99],
] as const;

function expectPercentiles(
  got: { p50: number | null; p95: number | null; p99: number | null } | undefined,
  samples: number[],
): void {
  expect(got).toBeDefined();
  for (const [k, p] of P) expectWithinLatencyBound(got?.[k], nearestRank(samples, p));
}

const viewer = (path: string) => request(t.app).get(path).set("X-API-Key", t.keys.viewer);

async function latencyRows(queue: string, g: string) {
  const r = await t.deps.db.pool.query<{
    bucket: Date;
    name: string;
    jobs: number;
    wait_hist: number[];
    processing_hist: number[];
  }>(
    `SELECT bucket, name, jobs, latency_hist_dense(wait_hist) AS wait_hist,
            latency_hist_dense(processing_hist) AS processing_hist
       FROM job_latency_metrics
      WHERE queue = $1 AND granularity = $2 ORDER BY bucket, name`,
    [queue, g],
  );
  return r.rows;
}

it("gives a minute's and an hour's percentiles within the bound of the exact ones, through runRollups and the API", async () => {
  const pool = t.deps.db.pool;
  const queue = "py-reports";
  const H = floorBucket(Date.now() - 3 * HOUR, "hour").getTime();
  const m1 = H + 10 * MIN;
  const m2 = H + 20 * MIN;
  const a = jobs(queue, "render", m1, spread(200, 1, 900, 1), spread(200, 20, 400, 2));
  const b = jobs(queue, "render", m2, spread(50, 500, 60_000, 3), spread(50, 2_000, 9_000, 4));
  const c = jobs(queue, "email", m2, spread(30, 1, 50, 5), spread(30, 100, 120, 6));
  await insertTimedJobs(pool, [...a, ...b, ...c]);
  await setWatermark(pool, "minute", new Date(m1 - 2 * MIN));
  await setWatermark(pool, "hour", new Date(H - HOUR));
  const result = await runRollups(metricsContext(t, redis, { now: () => new Date(H + 90 * MIN) }));
  expect(result.hours).toBe(1);

  const minute = (await latencyRows(queue, "minute")).filter((r) => r.bucket.getTime() === m1);
  expect(minute).toEqual([expect.objectContaining({ name: "render", jobs: 200 })]);
  expectPercentiles(
    latencyPercentiles(minute[0]!.wait_hist),
    a.map((j) => j.waitMs),
  );
  expectPercentiles(
    latencyPercentiles(minute[0]!.processing_hist),
    a.map((j) => j.processingMs),
  );

  // The hour merges its minutes: its percentiles are those of all 280 jobs, not an average of minutes'.
  const all = [...a, ...b, ...c];
  const hour = await latencyRows(queue, "hour");
  expect(hour.map((r) => [r.bucket.getTime(), r.name, r.jobs])).toEqual([
    [H, "email", 30],
    [H, "render", 250],
  ]);

  const res = await viewer(`/api/v1/platform/metrics/history?range=24h&queue=${queue}`);
  expect(res.status).toBe(200);
  const point = res.body.data.metrics.find((p: { timestamp: string }) => p.timestamp === new Date(H).toISOString());
  expect(point.timed_jobs).toBe(280);
  expectPercentiles(
    point.wait_time_ms,
    all.map((j) => j.waitMs),
  );
  expectPercentiles(
    point.processing_time_ms,
    all.map((j) => j.processingMs),
  );
  const averagedP95 =
    (nearestRank(
      a.map((j) => j.processingMs),
      0.95,
    ) +
      nearestRank(
        [...b, ...c].map((j) => j.processingMs),
        0.95,
      )) /
    2;
  expect(Math.abs(point.processing_time_ms.p95 - averagedP95)).toBeGreaterThan(1_000);

  // Per queue and per name over the range.
  const { latency } = res.body.data;
  expect(latency.timed_jobs).toBe(280);
  expect(latency.queues).toHaveLength(1);
  expect(latency.queues[0]).toMatchObject({ queue, timed_jobs: 280 });
  const byName = new Map(latency.queues[0].names.map((n: { name: string }) => [n.name, n]));
  expect([...byName.keys()]).toEqual(["render", "email"]);
  const render = [...a, ...b];
  expectPercentiles(
    (byName.get("render") as { wait_time_ms: never }).wait_time_ms,
    render.map((j) => j.waitMs),
  );
  expectPercentiles(
    (byName.get("email") as { processing_time_ms: never }).processing_time_ms,
    c.map((j) => j.processingMs),
  );
});

it("merges hours into a day whose percentiles are those of all its jobs (history?range=30d)", async () => {
  const pool = t.deps.db.pool;
  const queue = "py-batch";
  const D = floorBucket(Date.now() - 3 * DAY, "day").getTime();
  // Three hours unlike each other: fast, slow, and a bimodal one.
  const h1 = jobs(queue, "sync", D + 2 * HOUR, spread(300, 5, 50, 7), spread(300, 10, 80, 8));
  const h2 = jobs(queue, "sync", D + 9 * HOUR, spread(100, 10_000, 200_000, 9), spread(100, 3_000, 30_000, 10));
  const h3 = [
    ...jobs(queue, "sync", D + 15 * HOUR, spread(150, 1, 3, 11), spread(150, 1, 5, 12)),
    ...jobs(queue, "sync", D + 15 * HOUR + MIN, spread(150, 40_000, 41_000, 13), spread(150, 60_000, 70_000, 14)),
  ];
  const all = [...h1, ...h2, ...h3];
  await insertTimedJobs(pool, all);
  // One rollup of the day's minutes rebuilds its hours and the day with them.
  await rollupLatency(pool, new Date(D), new Date(D + DAY), 10);

  const hours = await latencyRows(queue, "hour");
  expect(hours.map((r) => r.jobs)).toEqual([300, 100, 300]);
  // Stored trimmed to the buckets in use: the slow hour's processing times (3–30 s) start past bucket 90.
  const stored = await pool.query<{ lower: number; length: number }>(
    `SELECT array_lower(processing_hist, 1) AS lower, cardinality(processing_hist) AS length
       FROM job_latency_metrics WHERE queue = $1 AND granularity = 'hour' AND bucket = $2`,
    [queue, new Date(D + 9 * HOUR)],
  );
  expect(stored.rows[0]!.lower).toBeGreaterThan(90);
  expect(stored.rows[0]!.length).toBeLessThan(30);
  const [day] = await latencyRows(queue, "day");
  expect(day).toMatchObject({ jobs: 700 });
  // The day is the elementwise sum of its hours.
  const summed = hours.reduce<number[]>(
    (acc, r) => r.wait_hist.map((c, i) => c + (acc[i] ?? 0)).concat(acc.slice(r.wait_hist.length)),
    [],
  );
  expect(day!.wait_hist).toEqual(summed);
  expectPercentiles(
    latencyPercentiles(day!.wait_hist),
    all.map((j) => j.waitMs),
  );
  expectPercentiles(
    latencyPercentiles(day!.processing_hist),
    all.map((j) => j.processingMs),
  );

  const res = await viewer(`/api/v1/platform/metrics/history?range=30d&queue=${queue}`);
  expect(res.status).toBe(200);
  const point = res.body.data.metrics.find((p: { timestamp: string }) => p.timestamp === new Date(D).toISOString());
  expect(point.timed_jobs).toBe(700);
  expectPercentiles(
    point.wait_time_ms,
    all.map((j) => j.waitMs),
  );
  expectPercentiles(
    point.processing_time_ms,
    all.map((j) => j.processingMs),
  );
});

it("keeps the top names of each bucket and sums the rest as (other), rebuilding a bucket whose top changed", async () => {
  const pool = t.deps.db.pool;
  const queue = "many-names";
  const H = floorBucket(Date.now() - 6 * HOUR, "hour").getTime();
  const M1 = H + 5 * MIN;
  const M2 = H + 6 * MIN;
  // Minute 1: names n1..n13 with 13..1 jobs. Minute 2: n13 leads with 40, n12 30, n11 20, n1 1.
  const first = Array.from({ length: 13 }, (_, k) =>
    jobs(queue, `n${k + 1}`, M1, spread(13 - k, 10, 20, k + 1), spread(13 - k, 100, 200, k + 2)),
  ).flat();
  const second = [
    ...jobs(queue, "n13", M2, spread(40, 1, 9, 1), spread(40, 1_000, 1_100, 2)),
    ...jobs(queue, "n12", M2, spread(30, 1, 9, 3), spread(30, 1, 9, 4)),
    ...jobs(queue, "n11", M2, spread(20, 1, 9, 5), spread(20, 1, 9, 6)),
    ...jobs(queue, "n1", M2, spread(1, 1, 9, 7), spread(1, 1, 9, 8)),
  ];
  await insertTimedJobs(pool, [...first, ...second]);
  await rollupLatency(pool, new Date(H), new Date(H + HOUR), 3);
  const minutes = await latencyRows(queue, "minute");
  expect(minutes.map((r) => [r.bucket.getTime(), r.name, r.jobs])).toEqual([
    [M1, "(other)", 55],
    [M1, "n1", 13],
    [M1, "n2", 12],
    [M1, "n3", 11],
    [M2, "(other)", 1],
    [M2, "n11", 20],
    [M2, "n12", 30],
    [M2, "n13", 40],
  ]);

  // The hour ranks the names again: n13 (40), n12 (30), n11 (20) lead; n1..n3 and the (other)s are summed.
  const hour = await latencyRows(queue, "hour");
  expect(hour.map((r) => [r.name, r.jobs])).toEqual([
    ["(other)", 92],
    ["n11", 20],
    ["n12", 30],
    ["n13", 40],
  ]);
  expectPercentiles(
    latencyPercentiles(hour.find((r) => r.name === "n13")!.processing_hist),
    second.filter((j) => j.name === "n13").map((j) => j.processingMs),
  );

  // A late record that changes minute 1's top: the rebuilt minute has no stale row for the name it dropped.
  await insertTimedJobs(pool, jobs(queue, "n9", M1, spread(20, 10, 20, 99), spread(20, 100, 200, 98)));
  await rollupLatency(pool, new Date(M1), new Date(M1 + MIN), 3);
  const rebuilt = (await latencyRows(queue, "minute")).filter((r) => r.bucket.getTime() === M1);
  expect(rebuilt.map((r) => [r.name, r.jobs])).toEqual([
    ["(other)", 61],
    ["n1", 13],
    ["n2", 12],
    ["n9", 25],
  ]);

  // The hour was rebuilt with its minute: its top is n13, n12, n9; the API lists as many names as a bucket held.
  const res = await viewer(`/api/v1/platform/metrics/history?range=24h&queue=${queue}`);
  const names = res.body.data.latency.queues[0].names.map((n: { name: string; timed_jobs: number }) => [
    n.name,
    n.timed_jobs,
  ]);
  expect(names).toEqual([
    ["n13", 40],
    ["n12", 30],
    ["n9", 25],
    ["(other)", 107],
  ]);
});

it("counts a record written late (an outage, a repair) in its minute, up to an hour back", async () => {
  const pool = t.deps.db.pool;
  const queue = "late-q";
  // Over an hour ago, so the last hour's figures (performance) do not hold it.
  const M = floorBucket(Date.now() - 75 * MIN, "minute").getTime();
  await insertTimedJobs(pool, jobs(queue, "x", M, spread(10, 1, 9, 31), spread(10, 10, 90, 32)));
  await rollupLatency(pool, new Date(M), new Date(M + MIN), 10);
  expect((await latencyRows(queue, "minute")).map((r) => r.jobs)).toEqual([10]);

  // Five more records of minute M arrive after it was rolled up, and one of three hours ago.
  await insertTimedJobs(pool, jobs(queue, "x", M, spread(5, 1, 9, 33), spread(5, 10, 90, 34)));
  await insertTimedJobs(pool, jobs(queue, "x", M - 3 * HOUR, [5], [50]));
  // A later run, whose range does not hold M, takes minute M up again with its hour.
  await rollupLatency(pool, new Date(M + 10 * MIN), new Date(M + 11 * MIN), 10);
  const minutes = await latencyRows(queue, "minute");
  expect(minutes.map((r) => [r.bucket.getTime(), r.jobs])).toEqual([[M, 15]]);
  const hour = await latencyRows(queue, "hour");
  expect(hour.map((r) => [r.bucket.getTime(), r.jobs])).toEqual([[floorBucket(M, "hour").getTime(), 15]]);
});

it("gives the last hour's percentiles of a queue, of a worker's queues and of all queues (…/performance)", async () => {
  const pool = t.deps.db.pool;
  const at = floorBucket(Date.now() - 10 * MIN, "minute").getTime();
  const mine = jobs("perf-q", "x", at, spread(60, 1, 2_000, 21), spread(60, 50, 5_000, 22));
  const other = jobs("perf-other", "x", at, spread(40, 3_000, 9_000, 23), spread(40, 1, 10, 24));
  await insertTimedJobs(pool, [...mine, ...other]);
  await rollupLatency(pool, new Date(at), new Date(at + MIN), 10);
  await pool.query(
    `INSERT INTO worker_heartbeats (id, host, pid, queues, started_at, last_seen_at, cpu_percent, memory_rss_bytes,
                                    memory_percent, version)
     VALUES ('perf-worker', 'h', 1, '{perf-q}', now(), now(), 10, 1000, 5, 't')`,
  );
  const byQueue = await viewer(`/api/v1/platform/metrics/performance?queue=perf-q`);
  expect(byQueue.status).toBe(200);
  expect(byQueue.body.data.latency.timed_jobs).toBe(60);
  expectPercentiles(
    byQueue.body.data.latency.wait_time_ms,
    mine.map((j) => j.waitMs),
  );
  expectPercentiles(
    byQueue.body.data.latency.processing_time_ms,
    mine.map((j) => j.processingMs),
  );
  const byWorker = await viewer(`/api/v1/platform/metrics/performance?worker=perf-worker`);
  expect(byWorker.body.data.latency).toEqual(byQueue.body.data.latency);
  // The hour under way is current too: the 24h history's last point holds these jobs without a compaction.
  const hours = await viewer(`/api/v1/platform/metrics/history?range=24h&queue=perf-q`);
  const current = hours.body.data.metrics.find(
    (p: { timestamp: string }) => p.timestamp === floorBucket(at, "hour").toISOString(),
  );
  expect(current.timed_jobs).toBe(60);
  const everything = await viewer(`/api/v1/platform/metrics/performance`);
  expect(everything.body.data.latency.timed_jobs).toBe(100);
  expectPercentiles(
    everything.body.data.latency.wait_time_ms,
    [...mine, ...other].map((j) => j.waitMs),
  );
});

describe("Prometheus histograms", () => {
  const queue = "prom-latency";
  const waits = [0, 1, 3, 4, 5, 16, 17, 64, 250, 256, 257, 1_024, 5_000, 70_000, 3_600_000, 90_000_000];
  const processing = waits.map((w) => w * 2 + 1);

  async function scrape() {
    const res = await request(t.app).get("/metrics");
    expect(res.status).toBe(200);
    return res.text;
  }
  function series(text: string, family: string) {
    const f = parsePrometheusText(text).get(family);
    return (f?.samples ?? []).filter((s) => s.labels.queue === queue).map((s) => [s.name, s.labels.le, s.value]);
  }

  it("counts every timed job of a queue exactly under each le bound, and keeps the counts when hours fold", async () => {
    const pool = t.deps.db.pool;
    const H = floorBucket(Date.now() - 10 * HOUR, "hour").getTime();
    await insertTimedJobs(
      pool,
      waits.map((w, i) => ({
        queue,
        name: "p",
        waitMs: w,
        processingMs: processing[i]!,
        finishedAt: new Date(H + i * MIN),
      })),
    );
    await rollupLatency(pool, new Date(H), new Date(H + HOUR), 10);
    const text = await scrape();
    expect(checkMetrics(text)).toEqual({ status: 0, output: "" });

    const wait = series(text, "opsdeck_job_wait_seconds");
    const les = wait.filter(([n]) => n === "opsdeck_job_wait_seconds_bucket").map(([, le]) => le);
    expect(les).toEqual([...Array.from({ length: 14 }, (_, k) => String(4 ** k / 1000)), "+Inf"]);
    for (const [name, le, value] of wait) {
      if (name === "opsdeck_job_wait_seconds_bucket") {
        const bound = le === "+Inf" ? Infinity : Number(le) * 1000;
        expect([le, value]).toEqual([le, waits.filter((w) => w <= bound).length]);
      }
    }
    expect(wait).toContainEqual(["opsdeck_job_wait_seconds_count", undefined, waits.length]);
    const sum = wait.find(([n]) => n === "opsdeck_job_wait_seconds_sum")?.[2] as number;
    expect(sum).toBeCloseTo(waits.reduce((x, y) => x + y, 0) / 1000, 6);
    const proc = series(text, "opsdeck_job_processing_seconds");
    expect(proc).toContainEqual([
      "opsdeck_job_processing_seconds_bucket",
      "0.016",
      processing.filter((p) => p <= 16).length,
    ]);

    // The hour moves into the totals (twice: the second adds nothing); the scrape says the same.
    await foldLatencyTotals(pool, new Date(H), new Date(H + HOUR));
    await foldLatencyTotals(pool, new Date(H), new Date(H + HOUR));
    const after = await scrape();
    expect(series(after, "opsdeck_job_wait_seconds")).toEqual(wait);
    expect(series(after, "opsdeck_job_processing_seconds")).toEqual(proc);
    const totals = await pool.query(`SELECT through, jobs FROM job_latency_totals WHERE queue = $1`, [queue]);
    expect(totals.rows).toEqual([{ through: new Date(H + HOUR), jobs: String(waits.length) }]);

    // A later minute adds to the cumulative counts.
    const later = H + HOUR + 5 * MIN;
    await insertTimedJobs(pool, [{ queue, name: "p", waitMs: 2, processingMs: 2, finishedAt: new Date(later) }]);
    await rollupLatency(pool, new Date(later), new Date(later + MIN), 10);
    const grown = series(await scrape(), "opsdeck_job_wait_seconds");
    expect(grown).toContainEqual(["opsdeck_job_wait_seconds_count", undefined, waits.length + 1]);
    expect(grown).toContainEqual(["opsdeck_job_wait_seconds_bucket", "0.004", waits.filter((w) => w <= 4).length + 1]);
  });
});

describe("alert rules", () => {
  it("raises processing_p95 for a queue whose p95 is over its threshold, and resolves it when the threshold is raised", async () => {
    const pool = t.deps.db.pool;
    const now = Date.now();
    // The window's last minute: the one the rules read up to (lag 5 s, then the closed minute).
    const L = floorBucket(now - 5_000 - MIN, "minute").getTime();
    const slow = jobs("slow-q", "x", L, spread(40, 1, 9, 1), [...spread(36, 10, 50, 2), 5_000, 6_000, 7_000, 8_000]);
    const fast = jobs("fast-q", "x", L, spread(40, 1, 9, 3), spread(40, 10, 50, 4));
    await insertTimedJobs(pool, [...slow, ...fast]);
    await rollupLatency(pool, new Date(L), new Date(L + MIN), 10);

    const thresholds = { "*": { processing_p95_ms: 1_000, latency_min_jobs: 10 } };
    const ctx = metricsContext(t, redis, { now: () => new Date(now), thresholds });
    const first = await evaluateAlerts(ctx);
    const opened = first.opened.filter((a) => a.rule === "processing_p95" || a.rule === "wait_p95");
    expect(opened.map((a) => [a.rule, a.subject])).toEqual([["processing_p95", "slow-q"]]);
    expect(opened[0]!.message).toContain("p95 processing time of slow-q");
    expectWithinLatencyBound(
      opened[0]!.details.p95_ms as number,
      nearestRank(
        slow.map((j) => j.processingMs),
        0.95,
      ),
    );

    // Still firing: the same alert; with a threshold above the p95 it resolves.
    expect((await evaluateAlerts(ctx)).opened.filter((a) => a.rule === "processing_p95")).toEqual([]);
    const relaxed = metricsContext(t, redis, {
      now: () => new Date(now),
      thresholds: { "*": { processing_p95_ms: 60_000, latency_min_jobs: 10 } },
    });
    const resolved = (await evaluateAlerts(relaxed)).resolved.filter((a) => a.rule === "processing_p95");
    expect(resolved.map((a) => a.subject)).toEqual(["slow-q"]);
  });
});
