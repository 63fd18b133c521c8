// Log searches cannot starve the rest of the API. A viewer's searches held in
// Postgres (a lock on app_logs makes them last as long as the slowest search
// can, on any machine) once took every connection of the API's pool: /readyz
// said Postgres was down and keys could not be checked. Now searches run on a
// pool of their own, a few at a time per key and per server, the rest answered
// 429 at once. And a pool that cannot hand out a connection answers 503 with
// Retry-After on the search path and the key-authentication path alike.
import pg from "pg";
import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { createKeyAuthenticator } from "../../apps/api/src/http/auth";
import { createLogger } from "../../packages/core/src";
import { createKey } from "../../packages/db/src";
import { createExhaustedDb } from "../helpers/exhaustedDb";
import { createTestApp, type TestApp } from "../helpers/testApp";

const LOGS = "/api/v1/platform/system/logs";
const QUEUES = "/api/v1/platform/system/queues";
let t: TestApp;

beforeAll(async () => {
  // Searches end when the test lets them, not at a timeout; two per key, so the per-key limit shows as such.
  t = await createTestApp({
    LOG_SEARCH_TIMEOUT_MS: "25000",
    LOG_SEARCH_MAX_CONCURRENT: "4",
    LOG_SEARCH_MAX_CONCURRENT_PER_KEY: "2",
  });
});
afterAll(() => t.close());

/** Backends of this test's database waiting on a lock. */
async function lockWaiters(): Promise<number> {
  const r = await t.deps.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return r.rows[0]!.n;
}

it("keeps /readyz, GET /queues and an uncached key answering while a viewer's searches hold Postgres", async () => {
  const fresh = (await createKey(t.deps.db.prisma, { name: "fresh", role: "viewer" })).raw;
  const locker = new pg.Client({ connectionString: t.env.databaseUrl });
  await locker.connect();
  try {
    await locker.query("BEGIN; LOCK TABLE app_logs IN ACCESS EXCLUSIVE MODE");
    // Six concurrent regex searches from one viewer key (more than the API's pool of 10 holds, two connections
    // each), and one from another key. supertest starts a request when it is awaited (then).
    const viewer = Array.from({ length: 6 }, (_, i) =>
      request(t.app)
        .get(LOGS)
        .query({ query: `(a{1,30}){1,30}y${i}`, regex: "true" })
        .set("X-API-Key", t.keys.viewer)
        .then((r) => r),
    );
    const other = request(t.app)
      .get(LOGS)
      .query({ query: "(b{1,30}){1,30}y", regex: "true" })
      .set("X-API-Key", t.keys.ops)
      .then((r) => r);
    // The admitted searches are in Postgres, their page and count statements waiting on the lock.
    while ((await lockWaiters()) < 6) await new Promise((r) => setTimeout(r, 20));

    const ready = await request(t.app).get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.checks.postgres).toBe("up");
    expect((await request(t.app).get(QUEUES).set("X-API-Key", t.keys.ops)).status).toBe(200);
    // A key this process has never seen: read from Postgres now.
    expect((await request(t.app).get(QUEUES).set("X-API-Key", fresh)).status).toBe(200);

    await locker.query("ROLLBACK");
    const answers = await Promise.all(viewer);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
    for (const r of answers.filter((a) => a.status === 429)) {
      expect(r.body.error).toMatchObject({ type: "rate_limit_error", code: "too_many_searches" });
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
    // Another key had a slot of its own while the viewer's were taken.
    expect((await other).status).toBe(200);
  } finally {
    await locker.end();
  }
});

it("answers 503 with Retry-After when the search pool cannot hand out a connection", async () => {
  const exhausted = await createExhaustedDb(t.env.databaseUrl);
  try {
    const app = t.checked(createApp({ ...t.deps, logSearch: { ...t.deps.logSearch, pool: exhausted.db.pool } }));
    const r = await request(app).get(LOGS).query({ query: "payment" }).set("X-API-Key", t.keys.viewer);
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ type: "unavailable_error", code: "database_unavailable" });
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    // The slot was given back: the key can search again on a healthy pool.
    expect((await request(t.app).get(LOGS).set("X-API-Key", t.keys.viewer)).status).toBe(200);
  } finally {
    await exhausted.close();
  }
});

it("answers 503 auth_unavailable with Retry-After when a key cannot be looked up for want of a connection", async () => {
  const exhausted = await createExhaustedDb(t.env.databaseUrl);
  try {
    const log = createLogger({ service: "api", level: "error", silent: true });
    const keys = createKeyAuthenticator(exhausted.db.prisma, log, {
      integration: { minute: 100, hour: 1_000, day: 10_000 },
    });
    const app = t.checked(createApp({ ...t.deps, db: exhausted.db, keys }));
    const r = await request(app).get(QUEUES).set("X-API-Key", t.keys.viewer);
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ type: "unavailable_error", code: "auth_unavailable" });
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
  } finally {
    await exhausted.close();
  }
});
