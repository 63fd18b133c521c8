// The console's way into the API, over HTTP (supertest) against the real app,
// Redis and Postgres: the board's sign-in session accepted on
// /api/v1/platform/* (same-origin checks, X-CSRF-Token on writes, the key's
// own permissions and rate limits, sign-out and revocation ending it), bearer
// keys unchanged, and the console's static files with their cache and CSP
// headers.
import { createKey, revokeKey } from "@opsdeck/db";
import { Queue } from "bullmq";
import request from "supertest";

import { SESSION_COOKIE } from "../../apps/api/src/board/session";
import { createTestApp, type TestApp } from "../helpers/testApp";

const QUEUE = "console-session-q";
const SESSION = "/api/v1/platform/session";
const PAUSE = `/api/v1/platform/system/queues/${QUEUE}/pause`;
/** What a browser on this host sends (supertest's own Host carries a port). */
const SAME_ORIGIN = { Host: "127.0.0.1", Origin: "http://127.0.0.1", "Sec-Fetch-Site": "same-origin" };

let t: TestApp;
let producer: Queue;
beforeAll(async () => {
  t = await createTestApp({ SESSION_SECRET: "c".repeat(24) + "-console-session-secret" });
  producer = new Queue(QUEUE, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  await producer.add("one", { n: 1 });
});
afterAll(async () => {
  await producer.close();
  await t.close();
});

async function signIn(key: string): Promise<string> {
  const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: key, next: "/console/" });
  expect(r.status).toBe(303);
  expect(r.headers.location).toBe("/console/");
  const line = ([] as string[]).concat(r.headers["set-cookie"] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(line).toContain("Path=/;");
  expect(line).toContain("SameSite=Strict");
  // The board-only cookie of earlier versions is cleared, so the browser keeps one.
  expect(r.headers["set-cookie"]).toEqual(
    expect.arrayContaining([expect.stringMatching(/^opsdeck_board=; Path=\/admin\/queues; Max-Age=0/)]),
  );
  return line!.split(";")[0]!;
}

async function csrfOf(cookie: string): Promise<string> {
  const r = await request(t.app).get(SESSION).set("Cookie", cookie).set(SAME_ORIGIN);
  expect(r.status).toBe(200);
  return r.body.data.csrf_token as string;
}

describe("GET /api/v1/platform/session", () => {
  it("describes a session: key, role, permissions and its CSRF token", async () => {
    const cookie = await signIn(t.keys.viewer);
    const r = await request(t.app).get(SESSION).set("Cookie", cookie).set(SAME_ORIGIN);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      key_name: "test-viewer",
      role: "viewer",
      via: "session",
      csrf_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expires_at: expect.any(String),
    });
    expect(r.body.data.permissions).toContain("queues.read");
    expect(r.body.data.permissions).not.toContain("queues.write");
  });

  it("describes a bearer key, which needs no token", async () => {
    const r = await request(t.app).get(SESSION).set("Authorization", `Bearer ${t.keys.ops}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ key_name: "test-ops", role: "ops", via: "key", csrf_token: null });
  });

  it("answers 401 without a session or with a forged one", async () => {
    expect((await request(t.app).get(SESSION)).status).toBe(401);
    const forged = await request(t.app).get(SESSION).set("Cookie", `${SESSION_COOKIE}=v2.nope.sig`);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("session_expired");
  });
});

describe("session calls", () => {
  it("refuses a read the browser marks cross-site, or from another Origin", async () => {
    const cookie = await signIn(t.keys.ops);
    const cross = await request(t.app).get(SESSION).set("Cookie", cookie).set("Sec-Fetch-Site", "cross-site");
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe("origin_mismatch");
    const foreign = await request(t.app).get(SESSION).set("Cookie", cookie).set("Origin", "https://evil.example");
    expect(foreign.status).toBe(403);
  });

  it("refuses writes without the CSRF header, with a wrong one, or from another host; accepts the real one", async () => {
    const cookie = await signIn(t.keys.ops);
    const csrf = await csrfOf(cookie);
    const noHeader = await request(t.app).post(PAUSE).set("Cookie", cookie).set(SAME_ORIGIN);
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe("csrf_token_required");
    const wrong = await request(t.app).post(PAUSE).set("Cookie", cookie).set(SAME_ORIGIN).set("X-CSRF-Token", "x");
    expect(wrong.status).toBe(403);
    // A cross-site form: the right token cannot be known there, and the Origin gives it away anyway.
    const foreign = await request(t.app)
      .post(PAUSE)
      .set("Cookie", cookie)
      .set({ Host: "127.0.0.1", Origin: "https://evil.example" })
      .set("X-CSRF-Token", csrf);
    expect(foreign.status).toBe(403);
    // No Origin, Referer or Sec-Fetch-Site at all: nothing proves the page is this host's.
    const unproven = await request(t.app).post(PAUSE).set("Cookie", cookie).set("X-CSRF-Token", csrf);
    expect(unproven.status).toBe(403);
    expect(await producer.isPaused()).toBe(false);

    const ok = await request(t.app).post(PAUSE).set("Cookie", cookie).set(SAME_ORIGIN).set("X-CSRF-Token", csrf);
    expect(ok.status).toBe(200);
    expect(await producer.isPaused()).toBe(true);
    await producer.resume();
    const ops = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-ops" } });
    const row = await t.deps.db.prisma.auditEvent.findFirst({
      where: { action: "queue.pause", target: `queue:${QUEUE}`, outcome: "success" },
    });
    expect(row?.actorKeyId).toBe(ops.id);
  });

  it("gives a viewer session the viewer's permissions: a write with the right token is 403", async () => {
    const cookie = await signIn(t.keys.viewer);
    const csrf = await csrfOf(cookie);
    const r = await request(t.app).post(PAUSE).set("Cookie", cookie).set(SAME_ORIGIN).set("X-CSRF-Token", csrf);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("missing_permission");
    expect(await producer.isPaused()).toBe(false);
  });

  it("never lets a session token stand for another session", async () => {
    const a = await signIn(t.keys.ops);
    const b = await signIn(t.keys.ops);
    const r = await request(t.app)
      .post(PAUSE)
      .set("Cookie", a)
      .set(SAME_ORIGIN)
      .set("X-CSRF-Token", await csrfOf(b));
    expect(r.status).toBe(403);
  });

  it("counts session calls against the key's own read policy, as its bearer calls", async () => {
    const k = await createKey(t.deps.db.prisma, { name: "console-limits", role: "viewer" });
    const cookie = await signIn(k.raw);
    const bearer = await request(t.app).get(SESSION).set("Authorization", `Bearer ${k.raw}`);
    const session = await request(t.app).get(SESSION).set("Cookie", cookie).set(SAME_ORIGIN);
    const again = await request(t.app).get(SESSION).set("Authorization", `Bearer ${k.raw}`);
    const left = (r: request.Response) => Number(r.headers["x-ratelimit-remaining"]);
    expect(left(session)).toBe(left(bearer) - 1);
    expect(left(again)).toBe(left(session) - 1);
  });

  it("prefers a bearer key when a request carries both", async () => {
    const cookie = await signIn(t.keys.viewer);
    const r = await request(t.app).get(SESSION).set("Cookie", cookie).set("Authorization", `Bearer ${t.keys.ops}`);
    expect(r.body.data).toMatchObject({ role: "ops", via: "key" });
  });

  it("ends with sign-out (the board's form, which can land back on the console) and with revocation", async () => {
    const cookie = await signIn(t.keys.ops);
    const csrf = await csrfOf(cookie);
    const out = await request(t.app)
      .post("/admin/queues/logout")
      .set("Cookie", cookie)
      .set(SAME_ORIGIN)
      .type("form")
      .send({ csrf, next: "/console/" });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe("/console/");
    expect((await request(t.app).get(SESSION).set("Cookie", cookie).set(SAME_ORIGIN)).status).toBe(401);
    expect((await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie)).status).toBe(401);

    const k = await createKey(t.deps.db.prisma, { name: "console-revoked", role: "ops" });
    const revoked = await signIn(k.raw);
    expect((await request(t.app).get(SESSION).set("Cookie", revoked).set(SAME_ORIGIN)).status).toBe(200);
    await revokeKey(t.deps.db.prisma, k.key.id);
    expect((await request(t.app).get(SESSION).set("Cookie", revoked).set(SAME_ORIGIN)).status).toBe(401);
  });

  it("gives integration keys no session", async () => {
    const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.integration });
    expect(r.status).toBe(401);
    expect(r.headers["set-cookie"]).toBeUndefined();
  });

  it("keeps the sign-in's return path to the board or the console", async () => {
    const r = await request(t.app)
      .post("/admin/queues/login")
      .type("form")
      .send({ api_key: t.keys.ops, next: "https://evil.example/console/" });
    expect(r.headers.location).toBe("/admin/queues/");
  });
});

/** The session a console page carries in its <meta name="opsdeck-session"> tag, parsed. */
function embedded(html: string): unknown {
  const m = /<meta name="opsdeck-session" content="([^"]*)"/.exec(html);
  if (!m) return undefined;
  return JSON.parse(m[1]!.replace(/&#(\d+);/g, (_x, n: string) => String.fromCharCode(Number(n))));
}

describe("the console's files at /console", () => {
  it("serves index.html for the app's pages and deep links, never cached, under a strict CSP", async () => {
    for (const path of ["/console/", "/console/jobs?state=failed&q=mailbox", `/console/queues/${QUEUE}/jobs/1`]) {
      const r = await request(t.app).get(path);
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toMatch(/^text\/html/);
      expect(r.headers["cache-control"]).toBe("no-cache");
      const csp = r.headers["content-security-policy"];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(r.text).toContain('<div id="root">');
      // Every script is a file of this host: no inline code, no CDN.
      expect(r.text).not.toMatch(/<script(?![^>]*\ssrc="\/console\/assets\/)[^>]*>/);
      expect(r.text).not.toMatch(/https?:\/\//);
    }
    const bare = await request(t.app).get("/console");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/console/");
  });

  it("puts a signed-in browser's session in its page (never stored), the same as GET …/session", async () => {
    const cookie = await signIn(t.keys.viewer);
    const page = await request(t.app).get("/console/jobs").set("Cookie", cookie).set("Sec-Fetch-Site", "none");
    expect(page.status).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers.vary).toMatch(/Cookie/);
    const api = await request(t.app).get(SESSION).set("Cookie", cookie).set(SAME_ORIGIN);
    expect(embedded(page.text)).toEqual(api.body.data);
    // Counted as the call it replaces, against the key's read policy.
    const k = await createKey(t.deps.db.prisma, { name: "console-embed-limits", role: "viewer" });
    const own = await signIn(k.raw);
    const left = (r: request.Response) => Number(r.headers["x-ratelimit-remaining"]);
    const before = await request(t.app).get(SESSION).set("Authorization", `Bearer ${k.raw}`);
    await request(t.app).get("/console/").set("Cookie", own).set("Sec-Fetch-Site", "same-origin");
    const after = await request(t.app).get(SESSION).set("Authorization", `Bearer ${k.raw}`);
    expect(left(after)).toBe(left(before) - 2);
    // Still no inline script: the session is data in a <meta> tag, which the CSP has no say over.
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc="\/console\/assets\/)[^>]*>/);
  });

  it("embeds nothing without a live session or on another site's navigation", async () => {
    const cookie = await signIn(t.keys.ops);
    const cross = await request(t.app).get("/console/").set("Cookie", cookie).set("Sec-Fetch-Site", "cross-site");
    const forged = await request(t.app).get("/console/").set("Cookie", `${SESSION_COOKIE}=v2.nope.sig`);
    const k = await createKey(t.deps.db.prisma, { name: "console-embed-revoked", role: "ops" });
    const revokedCookie = await signIn(k.raw);
    await revokeKey(t.deps.db.prisma, k.key.id);
    const revoked = await request(t.app).get("/console/").set("Cookie", revokedCookie);
    for (const r of [cross, forged, revoked]) {
      expect(r.status).toBe(200);
      expect(embedded(r.text)).toBeUndefined();
      expect(r.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("caches hashed assets for a year, and 404s a missing one in the error shape", async () => {
    const index = await request(t.app).get("/console/");
    const assets = [...index.text.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const a of assets) {
      const r = await request(t.app).get(a);
      expect(r.status).toBe(200);
      expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(r.headers["content-type"]).toMatch(/javascript|css/);
    }
    const missing = await request(t.app).get("/console/assets/index-missing.js");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("route_not_found");
  });
});

it("gives the last hour per minute from the metrics history (the overview's sparklines)", async () => {
  const r = await request(t.app)
    .get("/api/v1/platform/metrics/history?range=1h")
    .set("Authorization", `Bearer ${t.keys.viewer}`);
  expect(r.status).toBe(200);
  expect(r.body.data).toMatchObject({ timeRange: "1h", granularity: "minute" });
  expect(r.body.data.metrics).toHaveLength(60);
  const [a, b] = r.body.data.metrics as { timestamp: string }[];
  expect(Date.parse(b!.timestamp) - Date.parse(a!.timestamp)).toBe(60_000);
});
