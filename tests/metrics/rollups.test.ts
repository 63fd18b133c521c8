// Rollups against real BullMQ queues and real request logs: N jobs finished
// in a minute → that minute says N (and the history API says so too), a run
// repeated or overlapping counts nothing twice, percentiles are exact per
// minute and per hour (recomputed from the raw logs, not averaged), missed
// minutes are backfilled, and retention keeps job counters monotonic.
import { Queue, Worker } from "bullmq";
import request from "supertest";

import { runRollups } from "../../apps/worker/src/rollups/runRollups";
import { floorBucket, getWatermarks, jobCounters, setWatermark } from "../../packages/db/src";
import type { Redis } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { insertRequestLogs, metricsContext, percentileCont, testRedis } from "./helpers";

let t: TestApp;
let redis: Redis;
const MIN = 60_000;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  redis = testRedis(t.env.redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await t.close();
});

async function minuteRows(queue: string) {
  const r = await t.deps.db.pool.query<{ bucket: Date; completed: number; failed: number; waiting: number | null }>(
    `SELECT bucket, completed, failed, waiting FROM queue_metrics WHERE granularity = 'minute' AND queue = $1 ORDER BY bucket`,
    [queue],
  );
  return r.rows;
}

it("counts the jobs finished in each minute from the real queue, once, however often it runs", async () => {
  const name = "rollup-jobs";
  const connection = { url: t.env.redisUrl };
  const queue = new Queue(name, { connection, prefix: t.env.queuePrefix });
  const worker = new Worker(
    name,
    async (job) => {
      if (job.data.fail) throw new Error("boom");
      return "ok";
    },
    { connection: { ...connection, maxRetriesPerRequest: null }, prefix: t.env.queuePrefix, concurrency: 4 },
  );
  try {
    const N = 9;
    const done = new Promise<void>((resolve) => {
      let n = 0;
      const tick = () => ++n === N + 2 && resolve();
      worker.on("completed", tick);
      worker.on("failed", tick);
    });
    await queue.addBulk([
      ...Array.from({ length: N }, (_, i) => ({ name: "ok", data: { i } })),
      { name: "bad", data: { fail: true } },
      { name: "bad", data: { fail: true } },
    ]);
    await done;
    const jobs = [...(await queue.getCompleted(0, 100)), ...(await queue.getFailed(0, 100))];
    const expected = new Map<number, { completed: number; failed: number }>();
    for (const j of jobs) {
      const m = floorBucket(j.finishedOn as number, "minute").getTime();
      const e = expected.get(m) ?? { completed: 0, failed: 0 };
      if (j.failedReason) e.failed++;
      else e.completed++;
      expected.set(m, e);
    }
    const last = Math.max(...jobs.map((j) => j.finishedOn as number));
    // A clock 70 s after the last finish closes its minute.
    const ctx = metricsContext(t, redis, { now: () => new Date(last + 70_000) });
    await setWatermark(t.deps.db.pool, "minute", new Date(Math.min(...expected.keys()) - 2 * MIN));
    await runRollups(ctx);
    await runRollups(ctx); // repeated: same counts
    const rows = await minuteRows(name);
    for (const [m, e] of expected) {
      const row = rows.find((r) => r.bucket.getTime() === m);
      expect(row).toMatchObject({ completed: e.completed, failed: e.failed });
    }
    expect(rows.reduce((a, r) => a + r.completed, 0)).toBe(N);
    expect(rows.reduce((a, r) => a + r.failed, 0)).toBe(2);
    // The gauge of the last closed minute was sampled: nothing waits any more.
    expect(rows[rows.length - 1]?.waiting).toBe(0);

    // The history API reports the same jobs in the hour points that hold them.
    const res = await request(t.app)
      .get(`/api/v1/platform/metrics/history?range=24h&queue=${name}`)
      .set("X-API-Key", t.keys.viewer);
    expect(res.status).toBe(200);
    expect(res.body.data.metrics).toHaveLength(24);
    const byHour = new Map<string, { messages: number; errors: number }>();
    for (const [m, e] of expected) {
      const h = new Date(floorBucket(m, "hour")).toISOString();
      const v = byHour.get(h) ?? { messages: 0, errors: 0 };
      v.messages += e.completed + e.failed;
      v.errors += e.failed;
      byHour.set(h, v);
    }
    for (const [h, v] of byHour) {
      expect(res.body.data.metrics.find((p: { timestamp: string }) => p.timestamp === h)).toMatchObject(v);
    }

    // Prometheus counters: the same totals, before and after retention folds the minutes away.
    const before = (await jobCounters(t.deps.db.pool)).find((c) => c.queue === name);
    expect(before).toMatchObject({ completed: N, failed: 2 });
    await runRollups(metricsContext(t, redis, { now: () => new Date(last + 49 * HOUR) }));
    expect((await minuteRows(name)).filter((r) => r.bucket.getTime() <= last)).toEqual([]);
    const after = (await jobCounters(t.deps.db.pool)).find((c) => c.queue === name);
    expect(after).toMatchObject({ completed: N, failed: 2 });
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

it("stores exact p50/p95/p99 per minute and recomputes the hour from raw logs (not averaged)", async () => {
  const pool = t.deps.db.pool;
  await pool.query(`DELETE FROM metric_rollup_state; DELETE FROM request_metrics`);
  const H = floorBucket(Date.now() - 3 * HOUR, "hour").getTime();
  const m1 = H + 10 * MIN;
  const m2 = H + 20 * MIN;
  const fast = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms
  const slow = Array.from({ length: 20 }, (_, i) => 1_000 + i); // 1000..1019 ms
  await insertRequestLogs(pool, [
    ...fast.map((ms, i) => ({ at: new Date(m1 + i * 100), route: "/a", status: 200, ms })),
    ...slow.map((ms, i) => ({ at: new Date(m2 + i * 100), route: "/b", status: i < 5 ? 500 : 200, ms })),
  ]);
  // Backfill: the watermark says the last run was before m1; the clock is 90 min after H.
  await setWatermark(pool, "minute", new Date(m1 - 2 * MIN));
  await setWatermark(pool, "hour", new Date(H - HOUR));
  const result = await runRollups(metricsContext(t, redis, { now: () => new Date(H + 90 * MIN) }));
  expect(result.hours).toBe(1);
  expect((await getWatermarks(pool)).hour?.getTime()).toBe(H);

  const row = async (g: string, bucket: number, route: string) =>
    (
      await pool.query(
        `SELECT requests, errors, p50_ms, p95_ms, p99_ms FROM request_metrics WHERE granularity = $1 AND bucket = $2 AND route = $3`,
        [g, new Date(bucket), route],
      )
    ).rows[0];
  const expectPercentiles = (r: Record<string, number>, values: number[]) => {
    expect(r.p50_ms).toBeCloseTo(percentileCont(values, 0.5), 6);
    expect(r.p95_ms).toBeCloseTo(percentileCont(values, 0.95), 6);
    expect(r.p99_ms).toBeCloseTo(percentileCont(values, 0.99), 6);
  };
  const a = await row("minute", m1, "/a");
  expect(a).toMatchObject({ requests: 100, errors: 0 });
  expectPercentiles(a, fast);
  const b = await row("minute", m2, "*");
  expect(b).toMatchObject({ requests: 20, errors: 5 });
  expectPercentiles(b, slow);
  const hour = await row("hour", H, "*");
  expect(hour).toMatchObject({ requests: 120, errors: 5 });
  expectPercentiles(hour, [...fast, ...slow]);
  // Averaging the minutes' p50 would say 530 ms; the hour's true p50 is 60.5 ms.
  expect(hour.p50_ms).toBeCloseTo(60.5, 6);
});
