// GET /api/v1/platform/metrics/history/queues (every queue's jobs finished and
// failed per period, the console overview's sparklines in one call) over real
// rollup rows: its shape (the app checks every answer against the contract in
// tests), values equal to the per-queue history for each queue and range,
// permissions and bad input; and the infrastructure health answer shared
// between callers.
import request from "supertest";

import { infrastructureHealth } from "../../apps/api/src/health/infrastructure";
import { floorBucket, upsertQueueMinutes } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
const ALL = "/api/v1/platform/metrics/history/queues";
const ONE = "/api/v1/platform/metrics/history";
const QUEUES = ["email-sending", "qh-reports", "qh-zeta"];

beforeAll(async () => {
  t = await createTestApp();
  // Minute rows 2, 10 and 30 minutes ago in three queues, different counts each.
  const now = floorBucket(Date.now(), "minute").getTime();
  const rows = QUEUES.flatMap((queue, qi) =>
    [2, 10, 30].map((ago, i) => ({
      bucket: new Date(now - ago * 60_000),
      queue,
      completed: 10 * (qi + 1) + i,
      failed: qi + i,
      waiting: 0,
      active: 0,
      latencySumMs: 0,
      latencyCount: 0,
      waitSumMs: 0,
    })),
  );
  await upsertQueueMinutes(t.deps.db.pool, rows);
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, key = t.keys.viewer) => request(t.app).get(path).set("X-API-Key", key);

type Series = { queue: string; messages: number[]; errors: number[] };

it("gives the last hour per minute for every queue with finished jobs, aligned with its periods", async () => {
  const r = await get(ALL); // range defaults to 1h
  expect(r.status).toBe(200);
  const d = r.body.data as { time_range: string; granularity: string; periods: string[]; queues: Series[] };
  expect(d).toMatchObject({ time_range: "1h", granularity: "minute" });
  expect(d.periods).toHaveLength(60);
  const times = d.periods.map((p) => Date.parse(p));
  for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(60_000);
  // Queues with rows only (the catalog's idle queues finish nothing here), by name.
  expect(d.queues.map((q) => q.queue)).toEqual(QUEUES);
  for (const q of d.queues) {
    expect(q.messages).toHaveLength(60);
    expect(q.errors).toHaveLength(60);
  }
  const reports = d.queues.find((q) => q.queue === "qh-reports")!;
  // qh-reports: 20+1 finished (1 failed) 30 minutes ago, 21+2 (2) 10 minutes ago, 22+3 (3) 2 minutes ago.
  expect(reports.messages.reduce((a, b) => a + b, 0)).toBe(21 + 23 + 25);
  expect(reports.errors.reduce((a, b) => a + b, 0)).toBe(1 + 2 + 3);
});

it.each(["1h", "24h", "7d", "30d"])("equals the per-queue history of every queue over %s", async (range) => {
  const all = await get(`${ALL}?range=${range}`);
  expect(all.status).toBe(200);
  const d = all.body.data as { periods: string[]; queues: Series[] };
  for (const queue of QUEUES) {
    const one = await get(`${ONE}?range=${range}&queue=${queue}`);
    expect(one.status).toBe(200);
    const points = one.body.data.metrics as { timestamp: string; messages: number; errors: number }[];
    const series = d.queues.find((q) => q.queue === queue)!;
    // Both answers are read at "now": a minute may have turned between them, so compare the periods they share.
    const at = new Map(points.map((p) => [p.timestamp, p]));
    const shared = d.periods.map((p, i) => [at.get(p), i] as const).filter(([p]) => p !== undefined);
    expect(shared.length).toBeGreaterThanOrEqual(points.length - 1);
    for (const [p, i] of shared) {
      expect({ t: p!.timestamp, messages: series.messages[i], errors: series.errors[i] }).toEqual({
        t: p!.timestamp,
        messages: p!.messages,
        errors: p!.errors,
      });
    }
    expect(series.messages.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }
});

it("needs infra.read: no key is 401, an integration key 403", async () => {
  expect((await request(t.app).get(ALL)).status).toBe(401);
  const r = await get(ALL, t.keys.integration);
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe("missing_permission");
});

it("refuses an unknown range or an unknown parameter with a 400 in the error shape", async () => {
  for (const q of ["range=2h", "range=1h&queue=email-sending", "range="]) {
    const r = await get(`${ALL}?${q}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("validation_failed");
  }
});

it("shares one health measurement between the callers of one app", async () => {
  const first = infrastructureHealth(t.deps);
  expect(infrastructureHealth(t.deps)).toBe(first);
  expect((await first).services).toHaveLength(5);
});
