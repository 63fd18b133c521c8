// Bull Board's sign-in, server-side sessions (sign-out and key revocation end
// them), read-only enforcement, CSRF checks, audit and the sign-in limits,
// through the real app over HTTP (supertest), real Redis and Postgres.
import { createHash, randomBytes } from "node:crypto";

import { createKey, revokeKey, rotateKey } from "@opsdeck/db";
import { Queue } from "bullmq";
import { sign, unsign } from "cookie-signature";
import request from "supertest";

import { describeBoardCall } from "../../apps/api/src/board/audit";
import { readCookie, SESSION_COOKIE } from "../../apps/api/src/board/session";
import { loadConfig } from "../../apps/api/src/config";
import { createSessions } from "../../apps/api/src/sessions/sessions";
import { createTestApp, type TestApp } from "../helpers/testApp";

const SECRET = "s".repeat(24) + "-board-session-secret";
const QUEUE = "board-session-q";
/** What a browser on this host sends with a change (supertest's own Host carries a port). */
const SAME_ORIGIN = { Host: "127.0.0.1", Origin: "http://127.0.0.1" };

let t: TestApp;
let producer: Queue;
beforeAll(async () => {
  // Default settings otherwise: nothing here relies on a cache being off.
  t = await createTestApp({ SESSION_SECRET: SECRET });
  producer = new Queue(QUEUE, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  await producer.add("one", { n: 1 });
});
afterAll(async () => {
  await producer.close();
  await t.close();
});

/** The session cookie set by a response, as "name=value" for a Cookie header. */
function sessionFrom(res: request.Response): string {
  const set = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const line = set.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return line.split(";")[0]!;
}

async function signIn(key: string): Promise<string> {
  const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: key });
  expect(r.status).toBe(303);
  return sessionFrom(r);
}

/** The sign-out page's CSRF token for a session cookie. */
async function signOutToken(cookie: string): Promise<string> {
  const page = await request(t.app).get("/admin/queues/logout").set("Cookie", cookie);
  expect(page.status).toBe(200);
  const m = /name="csrf" value="([^"]+)"/.exec(page.text);
  if (!m) throw new Error("no CSRF token on the sign-out page");
  return m[1]!;
}

/** The app's own view of the sessions (same Redis, prefix and secret), to look at what a cookie names. */
function sessionsOf(app: TestApp, secret: string) {
  return createSessions({
    redis: app.deps.redis,
    prefix: app.deps.config.REDIS_KEY_PREFIX,
    secret,
    ttlSeconds: app.deps.config.SESSION_TTL_SECONDS,
  });
}

function expectError(body: unknown, type: string, code: string) {
  expect(body).toEqual({
    success: false,
    error: expect.objectContaining({ type, code, message: expect.any(String), request_id: expect.any(String) }),
  });
}

describe("without a session", () => {
  it("redirects page loads to the sign-in form, keeping where the browser was going", async () => {
    const a = await request(t.app).get("/admin/queues");
    expect(a.status).toBe(302);
    expect(a.headers.location).toBe("/admin/queues/login");
    const b = await request(t.app).get(`/admin/queues/queue/${QUEUE}`);
    expect(b.headers.location).toBe(`/admin/queues/login?next=${encodeURIComponent(`/admin/queues/queue/${QUEUE}`)}`);
  });

  it("answers API calls with 401 in the error shape", async () => {
    for (const [method, path] of [
      ["get", "/admin/queues/api/queues"],
      ["put", `/admin/queues/api/queues/${QUEUE}/pause`],
    ] as const) {
      const r = await request(t.app)[method](path);
      expect(r.status).toBe(401);
      expectError(r.body, "authentication_error", "board_session_required");
    }
  });

  it("serves the sign-in form with no third-party assets, scripts or framing", async () => {
    const r = await request(t.app).get("/admin/queues/login");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.text).toContain('<form method="post" action="/admin/queues/login">');
    expect(r.text).toContain('name="api_key"');
    expect(r.text).not.toMatch(/<script|https?:\/\//i);
    expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(r.headers["x-frame-options"]).toBe("DENY");
  });

  it("serves Bull Board's static assets, and 404s missing ones", async () => {
    const ok = await request(t.app).get("/admin/queues/static/favicon-32x32.png");
    expect(ok.status).toBe(200);
    expect(ok.headers["content-type"]).toBe("image/png");
    const missing = await request(t.app).get("/admin/queues/static/nope.js");
    expect(missing.status).toBe(404);
    expectError(missing.body, "not_found_error", "route_not_found");
  });
});

describe("sign-in", () => {
  it("sets a signed, HttpOnly, SameSite=Strict cookie naming a server-side session, not the key", async () => {
    const before = Math.floor(Date.now() / 1000);
    const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.ops });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe("/admin/queues/");
    const line = ([] as string[]).concat(r.headers["set-cookie"] ?? []).find((c) => c.startsWith(SESSION_COOKIE))!;
    const attrs = line.split(";").map((s) => s.trim());
    expect(attrs).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Strict", "Max-Age=28800"]));
    expect(attrs).not.toContain("Secure");
    const ops = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-ops" } });
    // Neither the key, nor any part of it, nor even its id.
    expect(line).not.toContain(t.keys.ops);
    expect(line).not.toContain(t.keys.ops.slice(-12));
    expect(line).not.toContain(ops.id);

    const value = readCookie(sessionFrom(r), SESSION_COOKIE)!;
    const session = await sessionsOf(t, SECRET).find(value);
    expect(session?.keyId).toBe(ops.id);
    expect(session!.expiresAt).toBeGreaterThanOrEqual(before + 28_800);
    expect(session!.expiresAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 28_800);
    // The same value under another secret names nothing.
    expect(await sessionsOf(t, "x".repeat(40)).find(value)).toBeNull();
  });

  it("sends the browser back to a board page it asked for, never elsewhere", async () => {
    const back = await request(t.app)
      .post("/admin/queues/login")
      .type("form")
      .send({ api_key: t.keys.ops, next: `/admin/queues/queue/${QUEUE}` });
    expect(back.headers.location).toBe(`/admin/queues/queue/${QUEUE}`);
    for (const next of [
      "//evil.example/admin/queues",
      "https://evil.example/",
      "/admin/queues//evil.example",
      "/api/v1/keys",
    ]) {
      const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.ops, next });
      expect(r.headers.location).toBe("/admin/queues/");
    }
  });

  it("refuses bad, integration, revoked and expired keys with one generic message and no cookie", async () => {
    const revoked = await createKey(t.deps.db.prisma, { name: "board-revoked", role: "ops" });
    await revokeKey(t.deps.db.prisma, revoked.key.id);
    const expired = await createKey(t.deps.db.prisma, {
      name: "board-expired",
      role: "ops",
      expiresAt: new Date(Date.now() - 1000),
    });
    const bad = t.keys.ops.slice(0, -1) + (t.keys.ops.endsWith("A") ? "B" : "A");
    const pages = new Set<string>();
    for (const key of ["", "nonsense", bad, t.keys.integration, revoked.raw, expired.raw]) {
      const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: key });
      expect(r.status).toBe(401);
      expect(r.headers["set-cookie"]).toBeUndefined();
      expect(r.text).toContain("Sign-in failed. Check the key and try again.");
      pages.add(r.text);
    }
    expect(pages.size).toBe(1);
  });

  it("refuses a sign-in form posted from another site", async () => {
    const r = await request(t.app)
      .post("/admin/queues/login")
      .set("Origin", "https://evil.example")
      .type("form")
      .send({ api_key: t.keys.ops });
    expect(r.status).toBe(403);
    expect(r.headers["set-cookie"]).toBeUndefined();
  });
});

describe("with a session", () => {
  it("serves the board and its API over the API's queues (catalog and discovered)", async () => {
    const cookie = await signIn(t.keys.ops);
    const page = await request(t.app).get("/admin/queues").set("Cookie", cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<base href="/admin/queues/" />');
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers["cache-control"]).toBe("no-store");
    const api = await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie);
    expect(api.status).toBe(200);
    const names = (api.body.queues as { name: string; readOnlyMode: boolean }[]).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining([...(await t.deps.queues.names())]));
    expect(names).toContain(QUEUE);
    expect((api.body.queues as { readOnlyMode: boolean }[]).every((q) => !q.readOnlyMode)).toBe(true);
  });

  it("rejects a tampered, forged or unknown cookie and clears it", async () => {
    const cookie = await signIn(t.keys.ops);
    const [name, value] = cookie.split("=") as [string, string];
    const raw = decodeURIComponent(value);
    const ops = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-ops" } });
    const id = (unsign(raw, SECRET) as string).split(".")[1]!;
    const forged = [
      // A flipped signature character; the same session id under another secret.
      raw.slice(0, -1) + (raw.endsWith("A") ? "B" : "A"),
      sign(`v2.${id}`, "x".repeat(40)),
      // Correctly signed, but no session was ever started under this id.
      sign(`v2.${randomBytes(32).toString("base64url")}`, SECRET),
      // The old format (a key id and an expiry, no server-side record), even correctly signed.
      sign(`v1.${ops.id}.${Math.floor(Date.now() / 1000) + 3600}`, SECRET),
    ];
    for (const f of forged) {
      const r = await request(t.app)
        .get("/admin/queues/api/queues")
        .set("Cookie", `${name}=${encodeURIComponent(f)}`);
      expect(r.status).toBe(401);
      expect(String(r.headers["set-cookie"])).toMatch(/^opsdeck_board=; .*Max-Age=0/);
    }
  });

  it("ends a session at its expiry server-side, whatever Redis and the browser still hold", async () => {
    const cookie = await signIn(t.keys.ops);
    expect((await request(t.app).get("/admin/queues").set("Cookie", cookie)).status).toBe(200);
    // Redis drops the record at its expiry by itself (a TTL); make it outlive its expiry to prove the check.
    const id = (unsign(readCookie(cookie, SESSION_COOKIE)!, SECRET) as string).split(".")[1]!;
    const key = `${t.deps.config.REDIS_KEY_PREFIX}:session:${createHash("sha256").update(id).digest("hex")}`;
    const ttl = await t.deps.redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(28_800_000);
    const record = JSON.parse((await t.deps.redis.get(key))!) as { expiresAt: number };
    await t.deps.redis.set(key, JSON.stringify({ ...record, expiresAt: Date.now() - 1000 }), "KEEPTTL");
    const page = await request(t.app).get("/admin/queues").set("Cookie", cookie);
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe("/admin/queues/login");
  });

  it("ends at once when its key is revoked through the API, with no cache to wait out", async () => {
    const k = await createKey(t.deps.db.prisma, { name: "board-soon-revoked", role: "ops" });
    const cookie = await signIn(k.raw);
    // Two reads first, so any lookup a replica keeps of the key is warm.
    for (let i = 0; i < 2; i++) {
      expect((await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie)).status).toBe(200);
    }
    const revoked = await request(t.app).post(`/api/v1/platform/keys/${k.key.id}/revoke`).set("X-API-Key", t.keys.ops);
    expect(revoked.status).toBe(200);
    const r = await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie);
    expect(r.status).toBe(401);
    expectError(r.body, "authentication_error", "board_session_required");
    expect(String(r.headers["set-cookie"])).toMatch(/^opsdeck_board=; .*Max-Age=0/);
    // The session itself is gone, not merely refused.
    expect(await sessionsOf(t, SECRET).find(readCookie(cookie, SESSION_COOKIE)!)).toBeNull();
  });

  it("ends at once when its key is revoked behind the API's back (CLI, SQL) or rotated out", async () => {
    const a = await createKey(t.deps.db.prisma, { name: "board-revoked-directly", role: "viewer" });
    const b = await createKey(t.deps.db.prisma, { name: "board-rotated-out", role: "ops" });
    const cookies = [await signIn(a.raw), await signIn(b.raw)];
    for (const c of cookies) {
      expect((await request(t.app).get("/admin/queues/api/queues").set("Cookie", c)).status).toBe(200);
    }
    await revokeKey(t.deps.db.prisma, a.key.id);
    // Rotated with no grace: the old key expires now, and its sessions with it.
    await rotateKey(t.deps.db.prisma, b.key.id, 0);
    for (const c of cookies) {
      expect((await request(t.app).get("/admin/queues/api/queues").set("Cookie", c)).status).toBe(401);
      expect((await request(t.app).get("/admin/queues").set("Cookie", c)).headers.location).toBe("/admin/queues/login");
    }
  });

  it("signs out from its own page: the session ends, and the old cookie no longer works", async () => {
    const cookie = await signIn(t.keys.ops);
    const csrf = await signOutToken(cookie);
    const page = await request(t.app).get("/admin/queues/logout").set("Cookie", cookie);
    expect(page.text).toContain('<form method="post" action="/admin/queues/logout">');
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    const r = await request(t.app)
      .post("/admin/queues/logout")
      .set(SAME_ORIGIN)
      .set("Cookie", cookie)
      .type("form")
      .send({ csrf });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe("/admin/queues/login");
    expect(String(r.headers["set-cookie"])).toMatch(/^opsdeck_board=; Path=\/; Max-Age=0/);
    // A copy of the cookie kept from before sign-out is refused: by the API, by the pages, by sign-out's page.
    const api = await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie);
    expect(api.status).toBe(401);
    expectError(api.body, "authentication_error", "board_session_required");
    expect((await request(t.app).get("/admin/queues").set("Cookie", cookie)).headers.location).toBe(
      "/admin/queues/login",
    );
    expect((await request(t.app).get("/admin/queues/logout").set("Cookie", cookie)).status).toBe(302);
  });

  it("refuses a sign-out posted from another site, without its page's token or by GET; the session lives on", async () => {
    const cookie = await signIn(t.keys.ops);
    const other = await signIn(t.keys.ops);
    const csrf = await signOutToken(cookie);
    const attempts = [
      // Another site's form: foreign Origin, or foreign Referer without an Origin.
      request(t.app)
        .post("/admin/queues/logout")
        .set({ Host: "127.0.0.1", Origin: "https://evil.example" })
        .set("Cookie", cookie)
        .type("form")
        .send({ csrf }),
      request(t.app)
        .post("/admin/queues/logout")
        .set({ Host: "127.0.0.1", Referer: "https://evil.example/page" })
        .set("Cookie", cookie)
        .type("form")
        .send({ csrf }),
      // No Origin or Referer at all.
      request(t.app).post("/admin/queues/logout").set("Cookie", cookie).type("form").send({ csrf }),
      // This host, but no token, or another session's token.
      request(t.app).post("/admin/queues/logout").set(SAME_ORIGIN).set("Cookie", cookie).type("form").send({}),
      request(t.app)
        .post("/admin/queues/logout")
        .set(SAME_ORIGIN)
        .set("Cookie", cookie)
        .type("form")
        .send({ csrf: await signOutToken(other) }),
    ];
    for (const attempt of attempts) {
      const r = await attempt;
      expect(r.status).toBe(403);
      expect(r.headers["set-cookie"]).toBeUndefined();
      expect(r.text).toContain("Sign-out must come from this board");
    }
    // A link or an image (GET) only shows the confirmation.
    expect((await request(t.app).get("/admin/queues/logout").set("Cookie", cookie)).status).toBe(200);
    expect((await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie)).status).toBe(200);
  });

  it("sends sign-out without a session straight to sign-in", async () => {
    expect((await request(t.app).get("/admin/queues/logout")).headers.location).toBe("/admin/queues/login");
    const r = await request(t.app).post("/admin/queues/logout").set(SAME_ORIGIN);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe("/admin/queues/login");
  });
});

describe("mutations", () => {
  const origin = (r: request.Test) => r.set("Origin", "http://127.0.0.1");

  it("refuses every mutating call of a viewer session with 403 before Bull Board sees it, and records it", async () => {
    const cookie = await signIn(t.keys.viewer);
    const list = await request(t.app).get("/admin/queues/api/queues").set("Cookie", cookie);
    expect(list.status).toBe(200);
    expect((list.body.queues as { readOnlyMode: boolean }[]).every((q) => q.readOnlyMode)).toBe(true);
    const job = (await producer.getJobs(["waiting"]))[0]!;
    for (const [method, path] of [
      ["put", `/admin/queues/api/queues/${QUEUE}/pause`],
      ["put", `/admin/queues/api/queues/${QUEUE}/${job.id}/clean`],
      ["post", `/admin/queues/api/queues/${QUEUE}/add`],
      ["patch", `/admin/queues/api/queues/${QUEUE}/${job.id}/priority`],
      ["delete", `/admin/queues/api/queues/${QUEUE}`],
    ] as const) {
      const r = await origin(request(t.app)[method](path).set("Cookie", cookie).set("Host", "127.0.0.1"));
      expect(r.status).toBe(403);
      expectError(r.body, "permission_error", "board_read_only");
    }
    expect(await producer.isPaused()).toBe(false);
    expect(await producer.getJob(job.id!)).toBeDefined();
    const viewer = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-viewer" } });
    const refused = await t.deps.db.prisma.auditEvent.findMany({
      where: { action: { startsWith: "board." } },
      orderBy: { id: "asc" },
    });
    expect(refused.map((e) => [e.action, e.target, e.outcome, e.error, e.actorKeyId])).toEqual([
      ["board.queue.pause", `queue:${QUEUE}`, "failure", "board_read_only", viewer.id],
      ["board.job.clean", `job:${QUEUE}/${job.id}`, "failure", "board_read_only", viewer.id],
      ["board.job.add", `queue:${QUEUE}`, "failure", "board_read_only", viewer.id],
      ["board.job.priority", `job:${QUEUE}/${job.id}`, "failure", "board_read_only", viewer.id],
      // Not a Bull Board route: recorded under its path.
      ["board.unknown", "board", "failure", "board_read_only", viewer.id],
    ]);
  });

  it("requires an Origin of this host for an ops session's changes (CSRF)", async () => {
    const cookie = await signIn(t.keys.ops);
    const path = `/admin/queues/api/queues/${QUEUE}/pause`;
    const none = await request(t.app).put(path).set("Cookie", cookie);
    expect(none.status).toBe(403);
    expectError(none.body, "permission_error", "origin_mismatch");
    const foreign = await request(t.app).put(path).set("Cookie", cookie).set("Origin", "https://evil.example");
    expect(foreign.status).toBe(403);
    const badReferer = await request(t.app)
      .put(path)
      .set("Cookie", cookie)
      .set("Referer", "https://evil.example/admin/queues/");
    expect(badReferer.status).toBe(403);
    const refused = await t.deps.db.prisma.auditEvent.findMany({ where: { error: "origin_mismatch" } });
    expect(refused.map((e) => [e.action, e.outcome])).toEqual(Array(3).fill(["board.queue.pause", "failure"]));
    expect(await producer.isPaused()).toBe(false);
  });

  it("takes an ops session's POST only as JSON, which a form of another site cannot send", async () => {
    const cookie = await signIn(t.keys.ops);
    const before = await producer.count();
    const path = `/admin/queues/api/queues/${QUEUE}/add`;
    const form = await origin(
      request(t.app).post(path).set("Cookie", cookie).set("Host", "127.0.0.1").type("form").send({ name: "x" }),
    );
    expect(form.status).toBe(415);
    expectError(form.body, "invalid_request_error", "json_required");
    const text = await origin(
      request(t.app).post(path).set("Cookie", cookie).set("Host", "127.0.0.1").type("text/plain").send("{}"),
    );
    expect(text.status).toBe(415);
    expect(await producer.count()).toBe(before);
    const json = await origin(
      request(t.app).post(path).set("Cookie", cookie).set("Host", "127.0.0.1").send({ name: "added", data: {} }),
    );
    expect(json.status).toBe(200);
    expect(await producer.count()).toBe(before + 1);
  });

  it("runs an ops session's change and audits it after the response", async () => {
    const cookie = await signIn(t.keys.ops);
    const r = await origin(
      request(t.app).put(`/admin/queues/api/queues/${QUEUE}/pause`).set("Cookie", cookie).set("Host", "127.0.0.1"),
    );
    expect(r.status).toBe(200);
    expect(await producer.isPaused()).toBe(true);
    const ops = await t.deps.db.prisma.apiKey.findFirstOrThrow({ where: { name: "test-ops" } });
    const row = await waitForAudit("board.queue.pause", r.headers["x-request-id"] as string);
    expect(row).toMatchObject({
      actorKeyId: ops.id,
      target: `queue:${QUEUE}`,
      outcome: "success",
      requestId: r.headers["x-request-id"],
    });
    expect(row.ipAddress).toBeTruthy();

    // A refused call (unknown queue) is on record as a failure.
    const miss = await origin(
      request(t.app)
        .put(`/admin/queues/api/queues/no-such-queue/resume`)
        .set("Cookie", cookie)
        .set("Host", "127.0.0.1"),
    );
    expect(miss.status).toBe(404);
    const failed = await waitForAudit("board.queue.resume", miss.headers["x-request-id"] as string);
    expect(failed).toMatchObject({ target: "queue:no-such-queue", outcome: "failure", error: "http_404" });
    await producer.resume();
  });
});

/**
 * The audit row of one request, written once its response has finished, so it may land just after the
 * client has its answer (refused calls of the same action are on record already: the request id tells them apart).
 */
async function waitForAudit(action: string, requestId: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const row = await t.deps.db.prisma.auditEvent.findFirst({ where: { action, requestId } });
    if (row) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no audit row for ${action}`);
}

describe("audit action names", () => {
  it.each([
    ["/api/queues/q1/42/retry", "board.job.retry", "job:q1/42"],
    ["/api/queues/q1/42/update-data", "board.job.update_data", "job:q1/42"],
    ["/api/queues/q1/retry/failed", "board.queue.retry", "queue:q1"],
    ["/api/queues/q1/clean/completed", "board.queue.clean", "queue:q1"],
    ["/api/queues/q1/add", "board.job.add", "queue:q1"],
    ["/api/queues/q1/obliterate", "board.queue.obliterate", "queue:q1"],
    ["/api/queues/q1/rate-limit/release", "board.queue.rate_limit_release", "queue:q1"],
    ["/api/queues/pause", "board.queues.pause", "queue:*"],
    ["/api/queues/q1", "board.unknown", "board"],
    ["/api/queues/q1/job-schedulers/s1/run", "board.scheduler.run", "scheduler:q1/s1"],
    ["/api/queues/q1/job-schedulers/s1", "board.scheduler.update", "scheduler:q1/s1"],
    ["/api/queues/my%20q/7/promote", "board.job.promote", "job:my q/7"],
  ])("%s → %s", (path, action, target) => {
    expect(describeBoardCall(path)).toMatchObject({ action, target });
  });
});

describe("sign-in limits (default settings)", () => {
  it("lets a correct key sign in after 62 failed attempts from the same IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const r = await request(t.app)
        .post("/admin/queues/login")
        .type("form")
        .send({ api_key: `odk_live_wrong${i}` });
      statuses.push(r.status);
    }
    // Failures are answered 401 until the IP's failed sign-ins (10 a minute) run out, then 429.
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(10);
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    const ok = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.viewer });
    expect(ok.status).toBe(303);
    expect((await request(t.app).get("/admin/queues/api/queues").set("Cookie", sessionFrom(ok))).status).toBe(200);
  });
});

describe("config", () => {
  it("refuses a SESSION_SECRET shorter than 32 characters", () => {
    expect(() => loadConfig({ ...t.env.env, SESSION_SECRET: "too-short" })).toThrow(
      /SESSION_SECRET: must be at least 32 characters/,
    );
    expect(loadConfig({ ...t.env.env, SESSION_SECRET: "y".repeat(32) }).SESSION_SECRET).toHaveLength(32);
  });
});

describe("behind https, with tight write and sign-in policies", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({
      PUBLIC_URL: "https://board.example.com",
      RATE_LIMIT_WRITE: "3",
      RATE_LIMIT_SIGN_IN_FAILURES: "2",
    });
  });
  afterAll(() => h.close());

  it("marks the cookie Secure and accepts changes from the public origin", async () => {
    const r = await request(h.app).post("/admin/queues/login").type("form").send({ api_key: h.keys.ops });
    expect(r.status).toBe(303);
    const line = ([] as string[]).concat(r.headers["set-cookie"] ?? []).find((c) => c.startsWith(SESSION_COOKIE))!;
    expect(line.split(";").map((s) => s.trim())).toContain("Secure");
    const pause = await request(h.app)
      .put("/admin/queues/api/queues/email-sending/pause")
      .set("Cookie", line.split(";")[0]!)
      .set("Origin", "https://board.example.com");
    expect(pause.status).toBe(200);
    expect(await h.deps.queues.get("email-sending").isPaused()).toBe(true);
  });

  it("counts a correct sign-in against its key's write policy, and wrong keys apart, per IP", async () => {
    // The first test used two of the ops key's 3 writes: its sign-in and the pause.
    const ok = await request(h.app).post("/admin/queues/login").type("form").send({ api_key: h.keys.ops });
    expect(ok.status).toBe(303);
    expect(ok.headers["x-ratelimit-limit"]).toBe("3");
    expect(ok.headers["x-ratelimit-remaining"]).toBe("0");
    const over = await request(h.app).post("/admin/queues/login").type("form").send({ api_key: h.keys.ops });
    expectTooMany(over, '"write";q=3;w=60');
    // The same counter as the key's REST writes.
    const rest = await request(h.app)
      .post("/api/v1/platform/keys")
      .set("X-API-Key", h.keys.ops)
      .send({ name: "x", role: "viewer" });
    expect(rest.status).toBe(429);

    // Wrong keys: two failures allowed, then 429 — while a correct key from the same IP still signs in.
    const failed: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await request(h.app).post("/admin/queues/login").type("form").send({ api_key: "nonsense" });
      failed.push(r.status);
      if (r.status === 429) expectTooMany(r, '"sign-in-failures";q=2;w=60');
    }
    expect(failed).toEqual([401, 401, 429]);
    const viewer = await request(h.app).post("/admin/queues/login").type("form").send({ api_key: h.keys.viewer });
    expect(viewer.status).toBe(303);
    expect(sessionFrom(viewer)).toMatch(/^opsdeck_board=./);
  });
});

function expectTooMany(r: request.Response, policy: string) {
  expect(r.status).toBe(429);
  expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
  expect(r.headers["set-cookie"]).toBeUndefined();
  expect(r.headers["ratelimit-policy"]).toBe(policy);
  expect(r.headers["x-ratelimit-remaining"]).toBe("0");
  expect(r.text).toContain("Too many sign-in attempts");
}
