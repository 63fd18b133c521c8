// Authorization matrix, generated from the route table so a new route cannot
// skip it: every keyed route × {no key, malformed, unknown, revoked, expired,
// integration, viewer, ops} → 401 for the first five, 403 when the role lacks
// the route's permission, and past authorization otherwise (any status but
// 401/403 — the dummy input may well be a 400 or 404).
import request from "supertest";

import { loadConfig } from "../../apps/api/src/config";
import { buildRouteTable } from "../../apps/api/src/routes";
import { generateKey, type Permission, ROLE_PERMISSIONS } from "../../packages/core/src";
import { createKey, revokeKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
const extra: Record<string, string> = {};
beforeAll(async () => {
  // Limits high enough that ~500 calls from one IP and a few keys never hit a 429.
  t = await createTestApp({ RATE_LIMIT_READ: "100000", RATE_LIMIT_WRITE: "100000" });
  const revoked = await createKey(t.deps.db.prisma, { name: "revoked", role: "ops" });
  await revokeKey(t.deps.db.prisma, revoked.key.id);
  extra.revoked = revoked.raw;
  extra.expired = (
    await createKey(t.deps.db.prisma, { name: "expired", role: "ops", expiresAt: new Date(Date.now() - 1000) })
  ).raw;
  extra.unknown = generateKey().raw;
});
afterAll(() => t.close());

function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, (m) =>
    m.includes("id") ? "00000000-0000-4000-8000-000000000000" : "matrix-dummy",
  );
}

const routes = buildRouteTable(loadConfig({})).routes.filter((r) => r.access !== "public");

it("covers every keyed route", () => {
  expect(routes.length).toBeGreaterThan(10);
});

describe.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))("%s", (_name, route) => {
  const permission = (route.access as { permission: Permission }).permission;
  const call = (key?: string) => {
    const req = request(t.app)[route.method](concretePath(route.path));
    if (key !== undefined) void req.set("X-API-Key", key);
    return route.method === "get" || route.method === "delete" ? req : req.send({});
  };

  it.each([
    ["no key", undefined, "missing_api_key"],
    ["malformed key", "odk_live_garbage", "invalid_api_key"],
    ["unknown key", "unknown", "invalid_api_key"],
    ["revoked key", "revoked", "revoked_api_key"],
    ["expired key", "expired", "expired_api_key"],
  ])("%s → 401", async (_label, which, code) => {
    const key = which === undefined ? undefined : (extra[which] ?? which);
    const r = await call(key);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe(code);
    expect(r.headers["www-authenticate"]).toMatch(/^Bearer/);
  });

  it.each(["integration", "viewer", "ops"] as const)("%s key → 403 or through", async (role) => {
    const r = await call(t.keys[role]);
    if (ROLE_PERMISSIONS[role].includes(permission)) {
      expect([401, 403]).not.toContain(r.status);
    } else {
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ type: "permission_error", code: "missing_permission" });
      expect(r.body.error.message).toContain(permission);
    }
  });
});
