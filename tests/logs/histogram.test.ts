// GET /api/v1/platform/system/logs/histogram against real Postgres: matches
// per bucket for the same filters as the search (full text, regex, service),
// the window's edges, the same 400s (explosive/invalid regex, inverted
// window, too many buckets, a statement timeout), the search slots, and
// permissions.
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";
import { BASE_TIME, seedLogs } from "./fixtures";

const URL = "/api/v1/platform/system/logs/histogram";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedLogs(t.deps.db.pool);
});
afterAll(() => t.close());

/** The fixture's 10 entries are 1 s apart from BASE_TIME; this window holds them all, its end inclusive. */
const WINDOW = { start_time: new Date(BASE_TIME).toISOString(), end_time: new Date(BASE_TIME + 9_000).toISOString() };

async function histogram(q: Record<string, string | number>, key = t.keys.viewer) {
  return request(t.app).get(URL).query(q).set("X-API-Key", key);
}
async function counts(q: Record<string, string | number>): Promise<number[]> {
  const r = await histogram({ ...WINDOW, buckets: 3, ...q });
  expect(r.status).toBe(200);
  return (r.body.data.buckets as { count: number }[]).map((b) => b.count);
}

it("counts the window's matches in equal buckets, oldest first, the end inclusive", async () => {
  const r = await histogram({ ...WINDOW, buckets: 3 });
  expect(r.status).toBe(200);
  expect(r.body.data).toEqual({
    start_time: WINDOW.start_time,
    end_time: WINDOW.end_time,
    bucket_seconds: 3,
    buckets: [
      { start: new Date(BASE_TIME).toISOString(), count: 3 },
      { start: new Date(BASE_TIME + 3_000).toISOString(), count: 3 },
      // Entries at +6, +7, +8 s and the one exactly at the window's end (+9 s).
      { start: new Date(BASE_TIME + 6_000).toISOString(), count: 4 },
    ],
    total: 10,
  });
});

it("applies the search's filters: regex, full text, service", async () => {
  expect(await counts({ query: "^Payment", regex: "true" })).toEqual([2, 0, 0]);
  expect(await counts({ query: "^payment", regex: "true" })).toEqual([0, 0, 0]);
  expect(await counts({ query: "^payment", regex: "true", case_insensitive: "true" })).toEqual([2, 0, 0]);
  expect(await counts({ query: "payment" })).toEqual([2, 0, 0]);
  expect(await counts({ service: "worker" })).toEqual([1, 2, 0]);
});

it("defaults to the 24 hours before now, every bucket present", async () => {
  const r = await histogram({ buckets: 24 });
  expect(r.status).toBe(200);
  const d = r.body.data as { start_time: string; end_time: string; bucket_seconds: number; total: number };
  expect(Date.parse(d.end_time) - Date.parse(d.start_time)).toBe(86_400_000);
  expect(d.bucket_seconds).toBe(3_600);
  expect(r.body.data.buckets).toHaveLength(24);
  expect(d.total).toBe(10);
});

it("refuses what the search refuses, with the same codes", async () => {
  const explosive = await histogram({ query: "(a{1,100}){1,100}", regex: "true" });
  expect(explosive.status).toBe(400);
  expect(explosive.body.error.details[0].code).toBe("regex_too_complex");
  const invalid = await histogram({ query: "(unclosed", regex: "true", ...WINDOW });
  expect(invalid.status).toBe(400);
  expect(invalid.body.error.details[0].code).toBe("invalid_regex");
  const inverted = await histogram({ start_time: WINDOW.end_time, end_time: WINDOW.start_time });
  expect(inverted.status).toBe(400);
  expect(inverted.body.error.details[0].code).toBe("after_end_time");
  for (const buckets of [0, 201, "x"]) expect((await histogram({ buckets })).status).toBe(400);
  expect((await histogram({ limit: 5 })).status).toBe(400);
});

it("turns a statement timeout into search_timeout", async () => {
  // The count waits on a lock held here, so it outlives the short timeout on any machine.
  const locker = await t.deps.db.pool.connect();
  const timeout = t.deps.config.LOG_SEARCH_TIMEOUT_MS;
  try {
    await locker.query("BEGIN; LOCK TABLE app_logs IN ACCESS EXCLUSIVE MODE");
    t.deps.config.LOG_SEARCH_TIMEOUT_MS = 100;
    const r = await histogram({ query: "payment" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("search_timeout");
  } finally {
    t.deps.config.LOG_SEARCH_TIMEOUT_MS = timeout;
    await locker.query("ROLLBACK");
    locker.release();
  }
});

it("takes a search slot: a key whose slots are all held gets 429 too_many_searches", async () => {
  const who = await request(t.app).get("/api/v1/platform/session").set("X-API-Key", t.keys.viewer);
  const keyId = who.body.data.key_id as string;
  const held: (() => void)[] = [];
  try {
    for (let i = 0; i < t.deps.config.LOG_SEARCH_MAX_CONCURRENT_PER_KEY; i++)
      held.push(t.deps.logSearch.slots.take(keyId));
    const r = await histogram({});
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe("too_many_searches");
  } finally {
    for (const release of held) release();
  }
  expect((await histogram({})).status).toBe(200);
});

it("needs logs.read", async () => {
  expect((await histogram({}, t.keys.integration)).status).toBe(403);
  expect((await histogram({}, t.keys.ops)).status).toBe(200);
});
