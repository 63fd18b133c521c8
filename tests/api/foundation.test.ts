// The HTTP foundation through the real app: request ids, the one error shape,
// 404s, malformed JSON, unknown query parameters, authentication failures,
// permissions and the OpenAPI document built from the route table.
import request from "supertest";

import { buildRouteTable } from "../../apps/api/src/routes";
import { createKey, revokeKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function expectErrorShape(body: unknown, type: string, code?: string) {
  expect(body).toEqual({
    success: false,
    error: expect.objectContaining({
      type,
      code: code ?? expect.any(String),
      message: expect.any(String),
      request_id: expect.any(String),
    }),
  });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|SELECT |stack/i);
}

describe("request ids", () => {
  it("issues one when none is sent and keeps a well-formed incoming one", async () => {
    const a = await request(t.app).get("/livez");
    expect(a.status).toBe(200);
    expect(a.headers["x-request-id"]).toMatch(/^req_/);
    const b = await request(t.app).get("/livez").set("X-Request-Id", "trace-12345678");
    expect(b.headers["x-request-id"]).toBe("trace-12345678");
    const c = await request(t.app).get("/livez").set("X-Request-Id", "bad id with spaces <script>");
    expect(c.headers["x-request-id"]).toMatch(/^req_/);
  });

  it("puts the request id in error bodies", async () => {
    const r = await request(t.app).get("/nope").set("X-Request-Id", "trace-abcdefgh");
    expect(r.body.error.request_id).toBe("trace-abcdefgh");
  });
});

describe("errors", () => {
  it("answers unknown routes with a JSON 404 in the one shape", async () => {
    const r = await request(t.app).get("/api/v1/does-not-exist");
    expect(r.status).toBe(404);
    expectErrorShape(r.body, "not_found_error", "route_not_found");
  });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const r = await request(t.app)
      .post("/api/v1/platform/keys")
      .set("X-API-Key", t.keys.ops)
      .set("Content-Type", "application/json")
      .send('{"name": ');
    expect(r.status).toBe(400);
    expectErrorShape(r.body, "invalid_request_error", "invalid_json");
  });

  it("rejects unknown query parameters, naming each", async () => {
    const r = await request(t.app)
      .get("/api/integration/logs?page=1&bogus=1&other=2")
      .set("X-API-Key", t.keys.integration);
    expect(r.status).toBe(400);
    expectErrorShape(r.body, "invalid_request_error", "validation_failed");
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "query.bogus", code: "unknown_field" }),
        expect.objectContaining({ field: "query.other", code: "unknown_field" }),
      ]),
    );
  });

  it("lists every bad field of a body", async () => {
    const r = await request(t.app)
      .post("/api/v1/platform/keys")
      .set("X-API-Key", t.keys.ops)
      .send({ name: "", role: "root", extra: true });
    expect(r.status).toBe(400);
    const fields = (r.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(["body.extra", "body.name", "body.role"]);
  });

  it("refuses a body that is too large with 413", async () => {
    const r = await request(t.app)
      .post("/api/v1/platform/keys")
      .set("X-API-Key", t.keys.ops)
      .send({ name: "x".repeat(2 * 1024 * 1024), role: "ops" });
    expect(r.status).toBe(413);
    expectErrorShape(r.body, "invalid_request_error", "body_too_large");
  });
});

describe("authentication and permissions", () => {
  const route = "/api/integration/health";

  it("401s without a key, with WWW-Authenticate", async () => {
    const r = await request(t.app).get(route);
    expect(r.status).toBe(401);
    expect(r.headers["www-authenticate"]).toMatch(/^Bearer/);
    expectErrorShape(r.body, "authentication_error", "missing_api_key");
  });

  it("401s a malformed key and a key with a bad checksum", async () => {
    const bad = t.keys.ops.slice(0, -1) + (t.keys.ops.endsWith("A") ? "B" : "A");
    for (const key of ["nonsense", bad, "x".repeat(10_000)]) {
      const r = await request(t.app).get(route).set("X-API-Key", key);
      expect(r.status).toBe(401);
      expectErrorShape(r.body, "authentication_error", "invalid_api_key");
    }
  });

  it("401s revoked and expired keys", async () => {
    const revoked = await createKey(t.deps.db.prisma, { name: "gone", role: "ops" });
    await revokeKey(t.deps.db.prisma, revoked.key.id);
    const r1 = await request(t.app).get(route).set("Authorization", `Bearer ${revoked.raw}`);
    expect(r1.status).toBe(401);
    expect(r1.body.error.code).toBe("revoked_api_key");

    const expired = await createKey(t.deps.db.prisma, {
      name: "old",
      role: "ops",
      expiresAt: new Date(Date.now() - 1000),
    });
    const r2 = await request(t.app).get(route).set("Authorization", `Bearer ${expired.raw}`);
    expect(r2.status).toBe(401);
    expect(r2.body.error.code).toBe("expired_api_key");
  });

  it("accepts both Authorization: Bearer and X-API-Key", async () => {
    expect((await request(t.app).get(route).set("Authorization", `Bearer ${t.keys.integration}`)).status).toBe(200);
    expect((await request(t.app).get(route).set("X-API-Key", t.keys.integration)).status).toBe(200);
  });

  it("403s viewer and integration keys on an ops-only route, naming the permission", async () => {
    for (const key of [t.keys.viewer, t.keys.integration]) {
      const r = await request(t.app).get("/api/v1/platform/keys").set("X-API-Key", key);
      expect(r.status).toBe(403);
      expectErrorShape(r.body, "permission_error", "missing_permission");
      expect(r.body.error.message).toContain("keys.admin");
    }
    expect((await request(t.app).get("/api/v1/platform/keys").set("X-API-Key", t.keys.ops)).status).toBe(200);
  });

  it("honours a narrowed key", async () => {
    const narrowed = await createKey(t.deps.db.prisma, {
      name: "narrow",
      role: "ops",
      permissions: ["integration.read"],
    });
    expect((await request(t.app).get(route).set("X-API-Key", narrowed.raw)).status).toBe(200);
    expect((await request(t.app).get("/api/v1/platform/keys").set("X-API-Key", narrowed.raw)).status).toBe(403);
  });

  it("records last_used_at", async () => {
    const k = await createKey(t.deps.db.prisma, { name: "used", role: "viewer" });
    expect(k.key.lastUsedAt).toBeNull();
    await request(t.app).get(route).set("X-API-Key", k.raw).expect(200);
    // Written off the request path: wait for it rather than for a guess at how long it takes.
    const lastUsed = async () =>
      (await t.deps.db.prisma.apiKey.findUniqueOrThrow({ where: { id: k.key.id } })).lastUsedAt;
    while ((await lastUsed()) === null) await new Promise((r) => setTimeout(r, 20));
    expect(await lastUsed()).not.toBeNull();
  });
});

describe("OpenAPI document", () => {
  it("is served without a key and lists every route of the table", async () => {
    const r = await request(t.app).get("/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    const { routes } = buildRouteTable(t.deps.config);
    for (const route of routes) expect(r.body.paths[route.path]?.[route.method]).toBeDefined();
    const documented = Object.values(r.body.paths as Record<string, object>).reduce(
      (n, ops) => n + Object.keys(ops).length,
      0,
    );
    expect(documented).toBe(routes.length);
    const logs = r.body.paths["/api/integration/logs"].get;
    expect(logs["x-required-permission"]).toBe("integration.read");
    expect(logs.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["page", "limit", "startDate", "endDate", "endpoint", "status", "method"]),
    );
    expect(logs.responses["401"]).toBeDefined();
    expect(logs.responses["429"].headers["Retry-After"]).toBeDefined();
  });
});
