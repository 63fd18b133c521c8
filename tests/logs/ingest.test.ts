// Getting logs in: POST /logs (limits, validation, permission), the winston
// Postgres transport (batched writes, level mapping, drops counted in a
// prom-client counter with a warning, flush on shutdown) and the daily
// partitions (created on demand and ahead, dropped after retention).
import { Registry } from "prom-client";
import request from "supertest";
import winston from "winston";

import { createLogger } from "../../packages/core/src";
import {
  createPostgresLogTransport,
  dropExpiredLogPartitions,
  ensureLogPartitions,
  ensureLogPartitionsBetween,
  insertAppLogs,
} from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

const URL = "/api/v1/platform/system/logs";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const entry = (i: number) => ({
  level: "info",
  service: "shipper",
  message: `shipped line ${i}`,
  request_id: `req_s${i}`,
});
const post = (body: unknown, key = t.keys.ops) =>
  request(t.app)
    .post(URL)
    .set("X-API-Key", key)
    .send(body as object);

describe("POST /logs", () => {
  it("stores a batch, searchable at once", async () => {
    const r = await post({
      logs: [
        entry(1),
        {
          ...entry(2),
          level: "error",
          user_id: "usr_1",
          metadata: { shard: 3 },
          timestamp: new Date(Date.now() - 60_000).toISOString(),
        },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual({ accepted: 2 });
    const s = await request(t.app).get(URL).query({ service: "shipper" }).set("X-API-Key", t.keys.ops);
    expect(s.body.data.logs.map((l: { message: string }) => l.message)).toEqual(["shipped line 1", "shipped line 2"]);
    expect(s.body.data.logs[1]).toMatchObject({ level: "error", user_id: "usr_1", metadata: { shard: 3 } });
  });

  it("limits entries per request and bytes per request", async () => {
    expect((await post({ logs: Array.from({ length: 1_001 }, (_, i) => entry(i)) })).status).toBe(400);
    const c = t.deps.config;
    const saved = { n: c.LOG_INGEST_MAX_ENTRIES, b: c.LOG_INGEST_MAX_BYTES };
    try {
      c.LOG_INGEST_MAX_ENTRIES = 2;
      const many = await post({ logs: [entry(1), entry(2), entry(3)] });
      expect(many.status).toBe(413);
      expect(many.body.error.code).toBe("too_many_entries");
      c.LOG_INGEST_MAX_ENTRIES = saved.n;
      c.LOG_INGEST_MAX_BYTES = 1_024;
      const big = await post({ logs: [{ ...entry(1), message: "x".repeat(2_000) }] });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe("batch_too_large");
    } finally {
      c.LOG_INGEST_MAX_ENTRIES = saved.n;
      c.LOG_INGEST_MAX_BYTES = saved.b;
    }
    expect((await post({ logs: [{ ...entry(1), message: "x".repeat(32_769) }] })).status).toBe(400);
  });

  it("refuses bad entries, naming each, and stores none of the batch", async () => {
    const before = (await t.deps.db.pool.query(`SELECT count(*)::int AS n FROM app_logs`)).rows[0].n;
    const r = await post({
      logs: [
        entry(1),
        { ...entry(2), timestamp: "2001-01-01T00:00:00Z" },
        { ...entry(3), level: "fatal" },
        { ...entry(4), extra: true },
      ],
    });
    expect(r.status).toBe(400);
    const fields = r.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["body.logs[2].level", "body.logs[3].extra"]));
    const ts = await post({ logs: [entry(1), { ...entry(2), timestamp: "2001-01-01T00:00:00Z" }] });
    expect(ts.status).toBe(400);
    expect(ts.body.error.details).toEqual([
      expect.objectContaining({ field: "body.logs[1].timestamp", code: "outside_retention" }),
    ]);
    expect((await t.deps.db.pool.query(`SELECT count(*)::int AS n FROM app_logs`)).rows[0].n).toBe(before);
  });

  it("bounds metadata: deeper than 32 levels or more than 1000 entries is a 400 naming the field", async () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`;
    const raw = (metadata: string) =>
      request(t.app)
        .post(URL)
        .set("X-API-Key", t.keys.ops)
        .set("Content-Type", "application/json")
        .send(
          `{"logs":[${JSON.stringify(entry(1))},${JSON.stringify(entry(2)).slice(0, -1)},"metadata":${metadata}}]}`,
        );
    for (const metadata of [
      nested(33),
      nested(2_000),
      JSON.stringify({ list: Array.from({ length: 1_000 }, () => 1) }),
      JSON.stringify(Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i]))),
    ]) {
      const r = await raw(metadata);
      expect({ metadata: metadata.slice(0, 40), status: r.status }).toEqual({
        metadata: metadata.slice(0, 40),
        status: 400,
      });
      expect(r.body.error.details).toEqual([expect.objectContaining({ field: "body.logs[1].metadata" })]);
    }
    // Far deeper than any stack: still a 400, never a 5xx (the JSON parser itself may refuse it first).
    expect((await raw(nested(4_500))).status).toBe(400);
    expect((await raw(nested(32))).status).toBe(201);
  });

  it("needs logs.write", async () => {
    expect((await post({ logs: [entry(1)] }, t.keys.viewer)).status).toBe(403);
  });
});

describe("winston Postgres transport", () => {
  it("writes logger lines in batches with their scope, and flushes on shutdown", async () => {
    const transport = createPostgresLogTransport({
      pool: t.deps.db.pool,
      service: "api",
      level: "debug",
      intervalMs: 60_000,
    });
    const logger = createLogger({ service: "api", level: "debug", silent: true, transports: [transport] });
    logger.child({ request_id: "req_tr1", user_id: "usr_tr" }).warn("transport line one", { queue: "email-sending" });
    logger.info("transport line two");
    logger.debug("transport line three");
    logger.error("token odk_live_abcdefghijkl_abcd leaked?");
    await transport.shutdown();
    const { rows } = await t.deps.db.pool.query(
      `SELECT level, service, message, request_id, user_id, metadata FROM app_logs WHERE service = 'api' ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        level: "warning",
        service: "api",
        message: "transport line one",
        request_id: "req_tr1",
        user_id: "usr_tr",
        metadata: { queue: "email-sending" },
      },
      { level: "info", service: "api", message: "transport line two", request_id: null, user_id: null, metadata: {} },
      {
        level: "debug",
        service: "api",
        message: "transport line three",
        request_id: null,
        user_id: null,
        metadata: {},
      },
      {
        level: "error",
        service: "api",
        message: "token odk_[redacted] leaked?",
        request_id: null,
        user_id: null,
        metadata: {},
      },
    ]);
  });

  it("stores an error as its class and code only: no message, no stack", async () => {
    const transport = createPostgresLogTransport({ pool: t.deps.db.pool, service: "errs", intervalMs: 60_000 });
    const logger = createLogger({ service: "errs", silent: true, transports: [transport] });
    const internal = new Error('relation "secret_table" does not exist at /srv/opsdeck/db.js:12');
    const pgError = Object.assign(new Error('invalid input syntax for type bigint: "99999999999999999999"'), {
      name: "DatabaseError",
      code: "22003",
    });
    logger.error("request failed", { err: internal, nested: { cause: pgError }, route: "/x" });
    logger.error(new Error("thrown straight at the logger"));
    await transport.shutdown();
    const { rows } = await t.deps.db.pool.query(`SELECT metadata FROM app_logs WHERE service = 'errs' ORDER BY id`);
    expect(rows[0].metadata).toEqual({
      err: { name: "Error" },
      nested: { cause: { name: "DatabaseError", code: "22003" } },
      route: "/x",
    });
    expect(JSON.stringify(rows)).not.toMatch(/secret_table|srv\/opsdeck|99999|at Object|\.ts:\d/);
  });

  it("never blocks: overflow is dropped and counted, with one warning", async () => {
    const registry = new Registry();
    const warnings: unknown[] = [];
    const transport = createPostgresLogTransport({
      pool: t.deps.db.pool,
      service: "overflow",
      maxEntries: 5,
      batchSize: 1_000,
      intervalMs: 60_000,
      registry,
      warn: (message, meta) => warnings.push({ message, meta }),
    });
    const logger = winston.createLogger({ transports: [transport] });
    for (let i = 0; i < 8; i++) logger.info(`overflow ${i}`);
    await new Promise((r) => setImmediate(r));
    expect(transport.dropped).toBe(3);
    expect(transport.buffer.size).toBe(5);
    const metric = await registry.getSingleMetric("opsdeck_app_logs_dropped_total")!.get();
    expect(metric.values[0]!.value).toBe(3);
    expect(await registry.metrics()).toContain("opsdeck_app_logs_buffered 5");
    expect(warnings).toEqual([
      { message: "application log buffer full; dropping entries", meta: { dropped_total: 1 } },
    ]);
    await transport.shutdown();
    const { rows } = await t.deps.db.pool.query(`SELECT message FROM app_logs WHERE service = 'overflow' ORDER BY id`);
    expect(rows.map((r: { message: string }) => r.message)).toEqual([0, 1, 2, 3, 4].map((i) => `overflow ${i}`));
  });
});

describe("daily partitions", () => {
  const partitions = async () =>
    (
      await t.deps.db.pool.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'app_logs'::regclass ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
  const day = (offsetDays: number) =>
    `app_logs_p${new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "")}`;

  it("creates partitions ahead, idempotently", async () => {
    await ensureLogPartitions(t.deps.db.pool, 10);
    expect(await partitions()).toEqual(expect.arrayContaining([day(0), day(5), day(10)]));
    expect(await ensureLogPartitions(t.deps.db.pool, 10)).toBe(0);
  });

  it("creates a missing partition when a back-dated row arrives", async () => {
    expect(await partitions()).not.toContain(day(-20));
    await insertAppLogs(t.deps.db.pool, [
      { timestamp: new Date(Date.now() - 20 * 86_400_000), level: "info", service: "old", message: "from 20 days ago" },
    ]);
    expect(await partitions()).toContain(day(-20));
  });

  it("drops whole partitions past retention, keeping the rest", async () => {
    await ensureLogPartitionsBetween(
      t.deps.db.pool,
      new Date(Date.now() - 40 * 86_400_000),
      new Date(Date.now() - 39 * 86_400_000),
    );
    await insertAppLogs(t.deps.db.pool, [
      { timestamp: new Date(Date.now() - 40 * 86_400_000), level: "info", service: "ancient", message: "40 days old" },
    ]);
    const dropped = await dropExpiredLogPartitions(t.deps.db.pool, 30);
    expect(dropped).toEqual([day(-40), day(-39)]);
    const left = await partitions();
    expect(left).not.toContain(day(-40));
    expect(left).toEqual(expect.arrayContaining([day(-20), day(0)]));
    expect(
      (await t.deps.db.pool.query(`SELECT count(*)::int AS n FROM app_logs WHERE service = 'ancient'`)).rows[0].n,
    ).toBe(0);
  });
});
