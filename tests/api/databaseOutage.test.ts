// With Postgres unreachable — its pool unable to hand out a connection in time,
// or nothing listening — a keyed request answers 503 database_unavailable with
// Retry-After and a fixed message, through the pg pool (job search) and the
// Prisma client over it (audit trail) alike, never a 500 carrying the driver's
// text. The key itself is checked through the test app's own, healthy pool.
import net from "node:net";

import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { createDb, type Db } from "../../packages/db/src";
import { createExhaustedDb } from "../helpers/exhaustedDb";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PATHS = ["/api/v1/platform/system/jobs?q=spring", "/api/v1/platform/system/audit"];

async function expectUnavailable(db: Db, exposeErrors = false): Promise<void> {
  const app = t.checked(createApp({ ...t.deps, db, config: { ...t.deps.config, EXPOSE_ERRORS: exposeErrors } }));
  for (const path of PATHS) {
    const r = await request(app).get(path).set("X-API-Key", t.keys.ops);
    expect({ path, status: r.status }).toEqual({ path, status: 503 });
    expect(r.body.error).toMatchObject({
      type: "unavailable_error",
      code: "database_unavailable",
      message: "The database is not reachable right now; try again shortly.",
    });
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    expect(r.body.error.retryAfter).toBe(Number(r.headers["retry-after"]));
  }
}

it("answers 503 when the pool cannot hand out a connection, even with EXPOSE_ERRORS on", async () => {
  const exhausted = await createExhaustedDb(t.env.databaseUrl);
  try {
    await expectUnavailable(exhausted.db);
    await expectUnavailable(exhausted.db, true);
  } finally {
    await exhausted.close();
  }
});

it("answers 503 when nothing listens where Postgres should be", async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  const url = new URL(t.env.databaseUrl);
  url.host = `127.0.0.1:${port}`;
  const db = createDb({ url: url.toString(), max: 1 });
  try {
    await expectUnavailable(db);
  } finally {
    await db.close();
  }
});

it("still answers both routes from a healthy database", async () => {
  for (const path of PATHS) {
    expect((await request(t.app).get(path).set("X-API-Key", t.keys.ops)).status).toBe(200);
  }
});
