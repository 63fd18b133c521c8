// Bull Board under the REST API's limits and checks, through the real app
// (supertest), real Redis and Postgres: its API and pages count against the
// signed-in key's read and write policies — the same counters as the key's
// REST calls — and requests without a session against the IP; its query
// parameters are bounded and checked (400 in the error shape); Redis's own
// errors never reach a response, and an unreachable Redis is a 503.
import { queueKeys } from "@opsdeck/redis";
import { Queue } from "bullmq";
import request from "supertest";

import { SESSION_COOKIE } from "../../apps/api/src/board/session";
import { createKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

const QUEUE = "board-limits-q";
/** What a browser on this host sends with a change (supertest's own Host carries a port). */
const SAME_ORIGIN = { Host: "127.0.0.1", Origin: "http://127.0.0.1" };
const API = "/admin/queues/api/queues";

async function signIn(app: TestApp, key: string): Promise<string> {
  const r = await request(app.app).post("/admin/queues/login").type("form").send({ api_key: key });
  expect(r.status).toBe(303);
  const line = ([] as string[]).concat(r.headers["set-cookie"] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return line!.split(";")[0]!;
}

function expectError(r: request.Response, status: number, type: string, code: string) {
  expect(r.status).toBe(status);
  expect(r.body).toEqual({
    success: false,
    error: expect.objectContaining({ type, code, message: expect.any(String), request_id: expect.any(String) }),
  });
}

/** The REST API's 429, as tests/api/rateLimit.test.ts checks it. */
function expectRestLike429(r: request.Response, policy: "read" | "write", limit: number) {
  expectError(r, 429, "rate_limit_error", "rate_limit_exceeded");
  expect(r.body.error.message).toMatch(/^Rate limit exceeded\. Please retry after \d+ seconds\.$/);
  expect(r.body.error.details).toEqual({ policy, limit, window_seconds: 60 });
  const retryAfter = Number(r.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(r.body.error.retryAfter).toBe(retryAfter);
  expect(r.headers["x-ratelimit-limit"]).toBe(String(limit));
  expect(r.headers["x-ratelimit-remaining"]).toBe("0");
  expect(Number(r.headers["x-ratelimit-reset"])).toBeGreaterThan(Date.now() / 1000);
  expect(r.headers["ratelimit-policy"]).toBe(`"${policy}";q=${limit};w=60`);
  expect(r.headers.ratelimit).toMatch(new RegExp(`^"${policy}";r=0;t=\\d+$`));
}

describe("rate limits", () => {
  let l: TestApp;
  beforeAll(async () => {
    l = await createTestApp({ RATE_LIMIT_READ: "5", RATE_LIMIT_WRITE: "3" });
  });
  afterAll(() => l.close());

  it("counts the board's API and pages against the key's read policy, and answers 429 as the REST API does", async () => {
    const k = await createKey(l.deps.db.prisma, { name: "board-reader", role: "viewer" });
    const cookie = await signIn(l, k.raw);
    for (let i = 1; i <= 5; i++) {
      const r = await request(l.app)
        .get(i % 2 ? API : "/admin/queues")
        .set("Cookie", cookie);
      expect(r.status).toBe(200);
      expect(r.headers["x-ratelimit-limit"]).toBe("5");
      expect(r.headers["x-ratelimit-remaining"]).toBe(String(5 - i));
    }
    expectRestLike429(await request(l.app).get(API).set("Cookie", cookie), "read", 5);
    expectRestLike429(await request(l.app).get("/admin/queues/").set("Cookie", cookie), "read", 5);
    // One counter: the key's REST reads are over the limit as well.
    const rest = await request(l.app).get("/api/v1/platform/system/queues").set("X-API-Key", k.raw);
    expect(rest.status).toBe(429);
  });

  it("answers 429 on the board for a key already at 429 on the REST API", async () => {
    const k = await createKey(l.deps.db.prisma, { name: "rest-reader", role: "viewer" });
    const cookie = await signIn(l, k.raw);
    for (let i = 0; i < 5; i++) {
      expect((await request(l.app).get("/api/v1/platform/system/queues").set("X-API-Key", k.raw)).status).toBe(200);
    }
    expect((await request(l.app).get("/api/v1/platform/system/queues").set("X-API-Key", k.raw)).status).toBe(429);
    expectRestLike429(await request(l.app).get(API).set("Cookie", cookie), "read", 5);
  });

  it("counts board changes against the key's write policy", async () => {
    const k = await createKey(l.deps.db.prisma, { name: "board-writer", role: "ops" });
    // The sign-in is the first of the key's 3 writes.
    const cookie = await signIn(l, k.raw);
    const queue = l.deps.queues.get("email-sending");
    const put = (verb: string) =>
      request(l.app).put(`${API}/email-sending/${verb}`).set(SAME_ORIGIN).set("Cookie", cookie);
    expect((await put("pause")).status).toBe(200);
    expect((await put("resume")).status).toBe(200);
    expectRestLike429(await put("pause"), "write", 3);
    expect(await queue.isPaused()).toBe(false);
  });

  it("counts board reads against the key's own quotas when it has any", async () => {
    const k = await createKey(l.deps.db.prisma, { name: "board-quota", role: "viewer", quotaMinute: 2 });
    const cookie = await signIn(l, k.raw);
    for (let i = 0; i < 2; i++) expect((await request(l.app).get(API).set("Cookie", cookie)).status).toBe(200);
    const r = await request(l.app).get(API).set("Cookie", cookie);
    expectError(r, 429, "rate_limit_error", "rate_limit_exceeded");
    expect(r.body.error.details).toMatchObject({ policy: "minute", limit: 2 });
  });

  it("counts requests without a session against the IP, as the REST API counts calls without a key", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await request(l.app).get(API)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe("query parameters and errors", () => {
  let t: TestApp;
  let producer: Queue;
  let cookie: string;
  let jobId: string;
  beforeAll(async () => {
    t = await createTestApp();
    producer = new Queue(QUEUE, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
    const jobs = await producer.addBulk(Array.from({ length: 120 }, (_, i) => ({ name: `job-${i}`, data: { i } })));
    jobId = jobs[0]!.id!;
    cookie = await signIn(t, t.keys.viewer);
  });
  afterAll(async () => {
    await producer.close();
    await t.close();
  });

  const get = (path: string) => request(t.app).get(path).set("Cookie", cookie);

  it.each([
    ["jobsPerPage=100000", "query.jobsPerPage"],
    ["jobsPerPage=101", "query.jobsPerPage"],
    ["jobsPerPage=0", "query.jobsPerPage"],
    ["jobsPerPage=1e3", "query.jobsPerPage"],
    ["jobsPerPage=-5", "query.jobsPerPage"],
    ["page=1e300", "query.page"],
    ["page=99999999999", "query.page"],
    ["page=0", "query.page"],
    ["page=1&page=2", "query.page"],
    ["status=bogus", "query.status"],
    ["status=failed&status=active", "query.status"],
    ["activeQueue=%25E0%25A4%25A", "query.activeQueue"],
    [`activeQueue=${"q".repeat(600)}`, "query.activeQueue"],
    ["queues=a&queues=b", "query.queues"],
  ])("refuses GET /api/queues?%s with 400 naming %s", async (query, field) => {
    const r = await get(`${API}?activeQueue=${QUEUE}&${query}`);
    expectError(r, 400, "invalid_request_error", "validation_failed");
    expect(r.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it("refuses bad values on the board's other reads, and any query on reads that take none", async () => {
    for (const [path, field] of [
      [`${API}/${QUEUE}/${jobId}/flow?maxChildren=1001`, "query.maxChildren"],
      [`${API}/${QUEUE}/${jobId}/flow?depth=abc`, "query.depth"],
      [`${API}/${QUEUE}/${jobId}/flow?root=tree`, "query.root"],
      ["/admin/queues/api/job-schedulers?queueName=a&queueName=b", "query.queueName"],
      [`${API}/${QUEUE}/${jobId}?jobsPerPage=100000`, "query.jobsPerPage"],
      [`${API}/${QUEUE}/${jobId}/logs?start=0&end=-1`, "query.start"],
    ] as const) {
      const r = await get(path);
      expectError(r, 400, "invalid_request_error", "validation_failed");
      expect(r.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  it("accepts what the board's own UI sends, up to the page-size cap", async () => {
    const list = await get(`${API}?activeQueue=${QUEUE}&status=latest&page=1&jobsPerPage=10`);
    expect(list.status).toBe(200);
    const full = await get(`${API}?activeQueue=${QUEUE}&status=waiting&page=1&jobsPerPage=100`);
    expect(full.status).toBe(200);
    const q = (full.body.queues as { name: string; jobs: unknown[] }[]).find((x) => x.name === QUEUE)!;
    expect(q.jobs).toHaveLength(100);
    // Empty values are absent values, as Bull Board reads them.
    expect((await get(`${API}?activeQueue=&status=&page=&jobsPerPage=`)).status).toBe(200);
    expect((await get(`/admin/queues/api/job-schedulers?queueName=${QUEUE}`)).status).toBe(200);
    expect((await get(`${API}/${QUEUE}/${jobId}/flow?root=node&depth=2&maxChildren=1000`)).status).toBe(200);
    expect((await get(`${API}/${QUEUE}/${jobId}`)).status).toBe(200);
  });

  it("answers a Redis error with Opsdeck's generic 500, never Redis's own text", async () => {
    // A job key holding a string: reading it as a job is a WRONGTYPE error from Redis.
    const ghost = queueKeys(t.env.queuePrefix, QUEUE).job("ghost");
    await t.deps.redis.set(ghost, "not a job");
    try {
      const r = await get(`${API}/${QUEUE}/ghost`);
      expectError(r, 500, "api_error", "internal_error");
      expect(r.body.error.message).toBe("Something went wrong on our side.");
      expect(r.text).not.toMatch(/WRONGTYPE|ERR |Operation against|stack/i);
    } finally {
      await t.deps.redis.del(ghost);
    }
  });

  it("keeps Bull Board's own answers, such as an unknown queue's 404", async () => {
    expect((await get(`${API}/no-such-queue/1`)).status).toBe(404);
  });
});

describe("with the queues' Redis unreachable", () => {
  let o: TestApp;
  beforeAll(async () => {
    o = await createTestApp();
  });
  afterAll(() => o.close());

  it("answers the board's API 503 redis_unavailable with Retry-After", async () => {
    const cookie = await signIn(o, o.keys.ops);
    expect((await request(o.app).get(API).set("Cookie", cookie)).status).toBe(200);
    o.deps.queues.connection.disconnect();
    for (const path of [API, `${API}/email-sending/1`]) {
      const r = await request(o.app).get(path).set("Cookie", cookie);
      expectError(r, 503, "unavailable_error", "redis_unavailable");
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
  });
});
