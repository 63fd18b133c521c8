// The integration surface end to end: health with real component
// statuses, API info, the caller's own request logs with every filter, and
// the key test endpoint.
import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import { createLogger } from "../../packages/core/src";
import { createKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("reports health in the documented shape with real component statuses", async () => {
  const r = await request(t.app).get("/api/integration/health").set("X-API-Key", t.keys.integration);
  expect(r.status).toBe(200);
  expect(r.body).toEqual({
    status: "healthy",
    version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    timestamp: expect.any(String),
    services: { database: "healthy", storage: "healthy", messaging: "healthy" },
  });
  expect(Number.isNaN(Date.parse(r.body.timestamp))).toBe(false);
});

it("describes the integration behind the key", async () => {
  const r = await request(t.app).get("/api/integration").set("X-API-Key", t.keys.integration);
  expect(r.status).toBe(200);
  expect(r.body.integration).toMatchObject({
    externalId: "store_001",
    accountType: "partner",
    permissions: ["integration.read"],
  });
  expect(r.body.endpoints.health).toMatch(/\/api\/integration\/health$/);
  expect(Array.isArray(r.body.features)).toBe(true);
});

it("confirms a valid key", async () => {
  const r = await request(t.app).post("/api/integration/test").set("X-API-Key", t.keys.integration);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ valid: true, role: "integration" });
});

describe("request logs", () => {
  let raw: string;
  let other: string;
  beforeAll(async () => {
    raw = (await createKey(t.deps.db.prisma, { name: "logger", role: "integration" })).raw;
    other = (await createKey(t.deps.db.prisma, { name: "other", role: "integration" })).raw;
    await request(t.app)
      .get("/api/integration/health")
      .set("X-API-Key", raw)
      .set("User-Agent", "curl/7.68.0")
      .expect(200);
    await request(t.app).post("/api/integration/test").set("X-API-Key", raw).expect(200);
    await request(t.app).get("/api/integration/logs?bogus=1").set("X-API-Key", raw).expect(400);
    await request(t.app).get("/api/integration/health").set("X-API-Key", other).expect(200);
    await t.deps.requestLogs.flush();
  });

  it("lists only the caller's own requests, newest first, with the documented fields", async () => {
    const r = await request(t.app).get("/api/integration/logs").set("X-API-Key", raw);
    expect(r.status).toBe(200);
    expect(r.body.pagination).toEqual({ page: 1, limit: 50, total: 3, totalPages: 1 });
    expect(r.body.data.map((l: { endpoint: string }) => l.endpoint)).toEqual([
      "/api/integration/logs",
      "/api/integration/test",
      "/api/integration/health",
    ]);
    const health = r.body.data[2];
    expect(health).toEqual({
      logId: expect.stringMatching(/^log_/),
      timestamp: expect.any(String),
      method: "GET",
      endpoint: "/api/integration/health",
      statusCode: 200,
      responseTime: expect.any(Number),
      requestSize: 0,
      responseSize: expect.any(Number),
      ipAddress: expect.any(String),
      userAgent: "curl/7.68.0",
    });
    expect(health.responseSize).toBeGreaterThan(50);
  });

  it("filters by status code, status class, method, endpoint and time", async () => {
    const get = async (qs: string) =>
      (await request(t.app).get(`/api/integration/logs?${qs}`).set("X-API-Key", raw)).body.data as {
        endpoint: string;
        statusCode: number;
        method: string;
      }[];
    await t.deps.requestLogs.flush();
    expect((await get("status=4xx")).map((l) => l.statusCode)).toEqual([400]);
    expect((await get("status=200")).every((l) => l.statusCode === 200)).toBe(true);
    expect((await get("method=POST")).map((l) => l.endpoint)).toEqual(["/api/integration/test"]);
    expect((await get("endpoint=/api/integration/health")).map((l) => l.endpoint)).toEqual(["/api/integration/health"]);
    expect(await get(`startDate=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(
      (await get(`endDate=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).length,
    ).toBeGreaterThan(0);
  });

  it("pages with page and limit", async () => {
    const r = await request(t.app).get("/api/integration/logs?page=2&limit=1").set("X-API-Key", raw);
    expect(r.body.pagination).toMatchObject({ page: 2, limit: 1 });
    expect(r.body.pagination.totalPages).toBe(r.body.pagination.total);
    expect(r.body.data).toHaveLength(1);
  });

  it("rejects bad filters", async () => {
    for (const qs of ["status=abc", "limit=201", "page=0", "startDate=yesterday", "method=BREW"]) {
      const r = await request(t.app).get(`/api/integration/logs?${qs}`).set("X-API-Key", raw);
      expect(r.status).toBe(400);
    }
  });
});

it("reports the database down as 503 'down' when Postgres is unreachable, and keeps answering", async () => {
  // A second app whose pool points at a port with no Postgres: the key check cannot run -> 503, not a crash.
  const deps = createDeps(
    { ...t.deps.config, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" },
    createLogger({ service: "api", silent: true }),
  );
  try {
    const r = await request(t.checked(createApp(deps)))
      .get("/api/integration/health")
      .set("X-API-Key", t.keys.integration);
    expect(r.status).toBe(503);
    expect(r.body.error.type).toBe("unavailable_error");
    const ready = await request(t.checked(createApp(deps))).get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body.checks.postgres).toBe("down");
  } finally {
    await closeDeps(deps);
  }
});
