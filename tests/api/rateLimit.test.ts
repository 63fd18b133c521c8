// Rate limits through the real app and the real Redis: the read policy's
// 301st request in a window is a 429 with the right headers; quotas per key;
// the limit is shared by two app instances (two "processes" on one Redis);
// a signed download link counts against its export's owner, not the IP;
// an unreachable Redis fails open.
import fs from "node:fs";

import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import type { AppDeps } from "../../apps/api/src/deps";
import { downloadUrl } from "../../apps/api/src/logs/downloadLink";
import { createLogger } from "../../packages/core/src";
import {
  completeLogExport,
  createKey,
  createLogExport,
  exportFileName,
  fileStoreFor,
  newExportId,
  startLogExport,
} from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;

/** A fresh client fails fast (and the limiter fails open) until it has connected. */
async function ready(deps: ReturnType<typeof createDeps>) {
  while (deps.redis.status !== "ready") await new Promise((r) => setTimeout(r, 10));
}
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(t.deps.config.EXPORT_DIR, { recursive: true, force: true });
});

/** A completed CSV export owned by `ownerKeyId` (written as the worker would) and its signed link, path and query. */
async function completedExport(deps: AppDeps, ownerKeyId: string): Promise<string> {
  const id = newExportId();
  const expiresAt = new Date(Date.now() + 86_400_000);
  await createLogExport(
    deps.db.pool,
    { id, ownerKeyId, format: "csv", gzip: false, filters: {}, maxRows: 10, expiresAt },
    3,
  );
  await startLogExport(deps.db.pool, id);
  const fileName = exportFileName(id, "csv", false);
  const upload = fileStoreFor(deps.config).create(fileName);
  await new Promise<void>((resolve, reject) =>
    upload.stream.end("timestamp,message\n", () => resolve()).on("error", reject),
  );
  await upload.commit();
  await completeLogExport(deps.db.pool, id, { rowCount: 0, sizeBytes: 18, sha256: "0".repeat(64), fileName });
  const c = deps.config;
  const url = downloadUrl(
    { baseUrl: c.publicUrl, secret: c.downloadSigningSecret, ttlSeconds: c.DOWNLOAD_URL_TTL_SECONDS },
    id,
    ownerKeyId,
    expiresAt,
  );
  const u = new URL(url);
  return u.pathname + u.search;
}

it("allows 300 reads a minute and refuses the 301st with 429, Retry-After and the documented body", async () => {
  const k = await createKey(t.deps.db.prisma, { name: "reader", role: "viewer" });
  let last: request.Response | undefined;
  for (let i = 1; i <= 300; i++) {
    last = await request(t.app).get("/api/integration/health").set("X-API-Key", k.raw);
    expect(last.status).toBe(200);
  }
  expect(last!.headers["x-ratelimit-limit"]).toBe("300");
  expect(last!.headers["x-ratelimit-remaining"]).toBe("0");
  const r = await request(t.app).get("/api/integration/health").set("X-API-Key", k.raw);
  expect(r.status).toBe(429);
  expect(r.body.error).toMatchObject({
    type: "rate_limit_error",
    code: "rate_limit_exceeded",
    retryAfter: expect.any(Number),
  });
  expect(r.body.error.message).toMatch(/^Rate limit exceeded\. Please retry after \d+ seconds\.$/);
  const retryAfter = Number(r.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(r.body.error.retryAfter).toBe(retryAfter);
  expect(r.headers["x-ratelimit-remaining"]).toBe("0");
  const reset = Number(r.headers["x-ratelimit-reset"]);
  expect(reset).toBeGreaterThan(Date.now() / 1000);
  expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
  expect(r.headers["ratelimit-policy"]).toContain('"read";q=300;w=60');
  expect(r.headers.ratelimit).toMatch(/^"read";r=0;t=\d+$/);
  // Another key is unaffected.
  expect((await request(t.app).get("/api/integration/health").set("X-API-Key", t.keys.viewer)).status).toBe(200);
});

it("applies the write policy (60 / 60 s) to mutations", async () => {
  const k = await createKey(t.deps.db.prisma, { name: "writer", role: "ops" });
  const post = () => request(t.app).post("/api/integration/test").set("X-API-Key", k.raw);
  // /api/integration/test is a read; key creation is a write.
  const create = () =>
    request(t.app).post("/api/v1/platform/keys").set("X-API-Key", k.raw).send({ name: "x", role: "viewer" });
  expect((await post()).headers["ratelimit-policy"]).toContain('"read"');
  const first = await create();
  expect(first.status).toBe(201);
  expect(first.headers["x-ratelimit-limit"]).toBe("60");
  expect(first.headers["x-ratelimit-remaining"]).toBe("59");
});

it("enforces an integration key's per-minute quota and /limits reports it without consuming it", async () => {
  const k = await createKey(t.deps.db.prisma, { name: "partner", role: "integration", quotaMinute: 3 });
  for (let i = 0; i < 3; i++) {
    const r = await request(t.app).get("/api/integration").set("X-API-Key", k.raw);
    expect(r.status).toBe(200);
  }
  const before = await request(t.app).get("/api/integration/limits").set("X-API-Key", k.raw);
  const again = await request(t.app).get("/api/integration/limits").set("X-API-Key", k.raw);
  expect(before.status).toBe(200);
  expect(before.body.limits).toEqual({ perMinute: 3, perHour: 1000, perDay: 10000 });
  expect(before.body.usage.perMinute).toBe(3);
  expect(again.body.usage).toEqual(before.body.usage);
  expect(before.body.remaining).toEqual({ perMinute: 0, perHour: 997, perDay: 9997 });
  expect(new Date(before.body.resetAt.perMinute).getUTCSeconds()).toBe(0);
  expect(new Date(before.body.resetAt.perDay).getUTCHours()).toBe(0);
  const r = await request(t.app).get("/api/integration").set("X-API-Key", k.raw);
  expect(r.status).toBe(429);
  expect(r.body.error.details).toMatchObject({ policy: "minute", limit: 3 });
});

it("shares one limit between two app instances on the same Redis", async () => {
  const config = { ...t.deps.config, RATE_LIMIT_READ: 10 };
  const logger = createLogger({ service: "api", silent: true });
  const a = createDeps(config, logger);
  const b = createDeps(config, logger);
  try {
    await Promise.all([ready(a), ready(b)]);
    const [appA, appB] = [t.checked(createApp(a)), t.checked(createApp(b))];
    const k = await createKey(t.deps.db.prisma, { name: "shared", role: "viewer" });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await request(i % 2 ? appB : appA)
        .get("/api/integration")
        .set("X-API-Key", k.raw);
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  } finally {
    await closeDeps(a);
    await closeDeps(b);
  }
});

it("limits unauthenticated callers by IP, bad keys included", async () => {
  const config = { ...t.deps.config, RATE_LIMIT_READ: 5, REDIS_KEY_PREFIX: `${t.env.keyPrefix}-ip` };
  const deps = createDeps(config, createLogger({ service: "api", silent: true }));
  try {
    await ready(deps);
    const app = t.checked(createApp(deps));
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await request(app).get("/api/integration").set("X-API-Key", "odk_live_nope")).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
  } finally {
    await closeDeps(deps);
  }
});

it("counts a signed download against its export's owner: 300 anonymous requests from the IP do not block it", async () => {
  const owner = await createKey(t.deps.db.prisma, { name: "exporter", role: "ops" });
  const link = await completedExport(t.deps, owner.key.id);
  // Use up this IP's anonymous reads (300 a minute): the next anonymous request is refused.
  for (let i = 0; i < 300; i++) {
    expect((await request(t.app).get("/api/integration/health")).status).toBe(401);
  }
  expect((await request(t.app).get("/api/integration/health")).status).toBe(429);
  const r = await request(t.app).get(link);
  expect(r.status).toBe(200);
  expect(r.text).toBe("timestamp,message\n");
  // Counted against the owner key's read policy: its first read in this window.
  expect(r.headers["x-ratelimit-limit"]).toBe("300");
  expect(r.headers["x-ratelimit-remaining"]).toBe("299");
  // A link that does not verify is still the IP's: refused with 429 here.
  const tampered = link.replace(/signature=./, (m) => (m.endsWith("A") ? m.slice(0, -1) + "B" : m.slice(0, -1) + "A"));
  expect((await request(t.app).get(tampered)).status).toBe(429);
});

it("refuses a signed download with 429 once its owner key is at its read limit", async () => {
  const config = { ...t.deps.config, RATE_LIMIT_READ: 3, REDIS_KEY_PREFIX: `${t.env.keyPrefix}-dl` };
  const deps = createDeps(config, createLogger({ service: "api", silent: true }));
  try {
    await ready(deps);
    const app = t.checked(createApp(deps));
    const owner = await createKey(t.deps.db.prisma, { name: "busy-exporter", role: "ops" });
    const link = await completedExport(deps, owner.key.id);
    for (let i = 0; i < 3; i++) {
      expect((await request(app).get("/api/v1/platform/system/queues").set("X-API-Key", owner.raw)).status).toBe(200);
    }
    const r = await request(app).get(link);
    expect(r.status).toBe(429);
    expect(r.body.error).toMatchObject({ code: "rate_limit_exceeded", details: { policy: "read", limit: 3 } });
    // The refused download was the owner's: this IP's first anonymous read still has the whole budget.
    const anonymous = await request(app).get("/api/integration/health");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["x-ratelimit-remaining"]).toBe("2");
  } finally {
    await closeDeps(deps);
  }
});

it("fails open when Redis is unreachable", async () => {
  const config = { ...t.deps.config, REDIS_URL: "redis://127.0.0.1:1", RATE_LIMIT_TIMEOUT_MS: 100 };
  const deps = createDeps(config, createLogger({ service: "api", silent: true }));
  try {
    const app = t.checked(createApp(deps));
    const r = await request(app).get("/api/integration/health").set("X-API-Key", t.keys.integration);
    expect(r.status).toBe(200);
    expect(r.headers["x-ratelimit-limit"]).toBeUndefined();
    expect(r.body.services.messaging).toBe("down");
    expect(r.body.status).toBe("degraded");
    const metrics = await deps.metrics.registry.getSingleMetricAsString("opsdeck_rate_limiter_fail_open_total");
    expect(metrics).toMatch(/opsdeck_rate_limiter_fail_open_total \d+/);
    expect(metrics).not.toMatch(/opsdeck_rate_limiter_fail_open_total 0$/m);
  } finally {
    await closeDeps(deps);
  }
});
