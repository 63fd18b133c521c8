// GET /api/v1/platform/system/audit: mutations made through the API show up
// newest first with actor, target, parameters, outcome and request id;
// filters and pagination work; only keys.admin may read it. Refused and
// invalid writes are on record too; one target format per kind, the same
// through the API and Bull Board, filterable by prefix and by queue.
import request from "supertest";

import { createKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { createFixtures, type Fixtures } from "./queuesFixtures";

const URL = "/api/v1/platform/system/audit";
let t: TestApp;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestApp();
  // Every queue exists before the first request: discovery of new queues is cached for 30 s.
  f = createFixtures(t);
  await f.failJobs("audit-jobs", 2); // ids 1 and 2
  await f.failJobs("audit-twin", 1); // id 1 again
  const ops = { "X-API-Key": t.keys.ops };
  await request(t.app)
    .post("/api/v1/platform/system/queues/email-sending/pause")
    .set(ops)
    .set("X-Request-Id", "trace-audit-1");
  await request(t.app).post("/api/v1/platform/system/queues/email-sending/resume").set(ops);
  await request(t.app).post("/api/v1/platform/system/queues/ghost-queue/pause").set(ops);
});
afterAll(async () => {
  await f.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });

it("lists mutations newest first with who, what, outcome and request id", async () => {
  const r = await request(t.app).get(URL).set(ops());
  expect(r.status).toBe(200);
  const events = r.body.data.events as Record<string, unknown>[];
  expect(events.map((e) => [e.action, e.target, e.outcome])).toEqual([
    ["queue.pause", "queue:ghost-queue", "failure"],
    ["queue.resume", "queue:email-sending", "success"],
    ["queue.pause", "queue:email-sending", "success"],
  ]);
  expect(events[0]).toMatchObject({
    error: "queue_not_found",
    actor: "test-ops (ops)",
    actor_key_id: expect.any(String),
  });
  expect(events[2]).toMatchObject({ request_id: "trace-audit-1", parameters: {}, ip_address: expect.any(String) });
  expect(r.body.data.pagination).toEqual({ total: 3, limit: 50, offset: 0, next_cursor: null });
});

it("filters by action, target, outcome, actor and time, and pages", async () => {
  const q = async (qs: string) => (await request(t.app).get(`${URL}?${qs}`).set(ops())).body.data;
  expect((await q("action=queue.pause")).pagination.total).toBe(2);
  expect((await q("target=queue:email-sending&outcome=success")).pagination.total).toBe(2);
  expect((await q("outcome=failure")).events).toHaveLength(1);
  const all = await q("limit=1&offset=1");
  expect(all.events.map((e: { action: string }) => e.action)).toEqual(["queue.resume"]);
  const actor = all.events[0].actor_key_id as string;
  expect((await q(`actor_key_id=${actor}`)).pagination.total).toBe(3);
  expect((await q("actor_key_id=00000000-0000-4000-8000-000000000000")).pagination.total).toBe(0);
  expect((await q(`end_time=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).pagination.total).toBe(0);
  expect((await q(`start_time=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).pagination.total).toBe(3);
});

it("pages by cursor, unshifted by events that arrive meanwhile", async () => {
  const page = async (qs: string) => {
    const r = await request(t.app).get(`${URL}?${qs}`).set(ops());
    expect(r.status).toBe(200);
    return r.body.data as { events: { id: string }[]; pagination: { next_cursor: string | null } };
  };
  const everything = (await page("target_prefix=queue:")).events.map((e) => e.id);
  const first = await page("target_prefix=queue:&limit=2");
  // A new event (newest) arrives between pages: with offsets it would push one event onto page two again.
  await request(t.app).post("/api/v1/platform/system/queues/email-sending/resume").set(ops());
  const second = await page(`target_prefix=queue:&limit=2&cursor=${first.pagination.next_cursor}`);
  expect([...first.events, ...second.events].map((e) => e.id)).toEqual(everything);
  expect(second.pagination.next_cursor).toBeNull();
  const badCursor = await request(t.app).get(`${URL}?cursor=bm90LWEtY3Vyc29y`).set(ops());
  expect(badCursor.status).toBe(400);
  expect(badCursor.body.error.details[0].code).toBe("invalid_cursor");
  const both = await request(t.app).get(`${URL}?offset=1&cursor=${first.pagination.next_cursor}`).set(ops());
  expect(both.status).toBe(400);
  expect(both.body.error.details[0].code).toBe("offset_with_cursor");
});

it("rejects bad filters and non-admin keys", async () => {
  const bad = await request(t.app).get(`${URL}?outcome=maybe&actor_key_id=nope&limit=0`).set(ops());
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
    "query.actor_key_id",
    "query.limit",
    "query.outcome",
  ]);
  const viewer = await request(t.app).get(URL).set("X-API-Key", t.keys.viewer);
  expect(viewer.status).toBe(403);
  expect(viewer.body.error.details).toEqual({ required_permission: "keys.admin" });
});

describe("refused and invalid calls", () => {
  const Q = "/api/v1/platform/system/queues";
  const byRequest = (r: request.Response) =>
    t.deps.db.prisma.auditEvent.findMany({ where: { requestId: r.headers["x-request-id"] as string } });

  it("records a write refused for a missing permission (403), with the caller and the refusal's code", async () => {
    const r = await request(t.app).post(`${Q}/email-sending/pause`).set("X-API-Key", t.keys.viewer);
    expect(r.status).toBe(403);
    expect(await byRequest(r)).toEqual([
      expect.objectContaining({
        actor: "test-viewer (viewer)",
        actorKeyId: expect.any(String),
        action: "queue.pause",
        target: "queue:email-sending",
        parameters: {},
        outcome: "failure",
        error: "missing_permission",
        ipAddress: expect.any(String),
      }),
    ]);
  });

  it("records an invalid call (400) without its unvalidated input", async () => {
    const r = await request(t.app).post(`${Q}/email-sending/retry`).set(ops()).send({ state: "active", x: "<secret>" });
    expect(r.status).toBe(400);
    expect(await byRequest(r)).toEqual([
      expect.objectContaining({
        action: "queue.retry",
        parameters: {},
        outcome: "failure",
        error: "validation_failed",
      }),
    ]);
  });

  it("records nothing for a call without a valid key (401) or over a rate limit or quota (429)", async () => {
    const bad = await request(t.app).post(`${Q}/email-sending/pause`).set("X-API-Key", "odk_live_nope");
    expect(bad.status).toBe(401);
    expect(await byRequest(bad)).toEqual([]);
    const { raw } = await createKey(t.deps.db.prisma, { name: "one-a-minute", role: "ops", quotaMinute: 1 });
    const first = await request(t.app).post(`${Q}/email-sending/resume`).set("X-API-Key", raw);
    expect(first.status).toBe(200);
    const over = await request(t.app).post(`${Q}/email-sending/resume`).set("X-API-Key", raw);
    expect(over.status).toBe(429);
    expect(await byRequest(over)).toEqual([]);
    expect(await byRequest(first)).toEqual([expect.objectContaining({ outcome: "success" })]);
  });
});

describe("one target format per kind, whichever way the change came", () => {
  const JOBS = "/api/v1/platform/system/jobs";
  let cookie: string;
  beforeAll(async () => {
    const login = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.ops });
    cookie = ([] as string[]).concat(login.headers["set-cookie"] ?? [])[0]!.split(";")[0]!;
  });
  const targetOf = async (r: request.Response) => {
    const id = r.headers["x-request-id"] as string;
    // Board calls are recorded once their response has finished: just after the client has it.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const row = await t.deps.db.prisma.auditEvent.findFirst({ where: { requestId: id } });
      if (row) return [row.action, row.target, row.outcome];
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error(`no audit row for request ${id}`);
  };

  it("names a job job:<queue>/<id> through the API and Bull Board alike, and job:?/<id> when unresolved", async () => {
    const api = await request(t.app).post(`${JOBS}/1/retry?queue=audit-jobs`).set(ops());
    expect(api.status).toBe(200);
    expect(await targetOf(api)).toEqual(["job.retry", "job:audit-jobs/1", "success"]);
    const board = await request(t.app)
      .put("/admin/queues/api/queues/audit-jobs/2/retry")
      .set("Cookie", cookie)
      .set("Host", "127.0.0.1")
      .set("Origin", "http://127.0.0.1");
    expect(board.status).toBe(204);
    expect(await targetOf(board)).toEqual(["board.job.retry", "job:audit-jobs/2", "success"]);

    // Id "1" is in two queues: without ?queue= the queue stays unknown, and the parameters say none was asked.
    const ambiguous = await request(t.app).delete(`${JOBS}/1`).set(ops());
    expect(ambiguous.status).toBe(409);
    expect(await targetOf(ambiguous)).toEqual(["job.delete", "job:?/1", "failure"]);
    const missing = await request(t.app).post(`${JOBS}/nope-9/retry`).set(ops());
    expect(missing.status).toBe(404);
    expect(await targetOf(missing)).toEqual(["job.retry", "job:?/nope-9", "failure"]);
    const [row] = await t.deps.db.prisma.auditEvent.findMany({
      where: { requestId: missing.headers["x-request-id"] as string },
    });
    expect(row).toMatchObject({ error: "job_not_found", parameters: { queue: null, reset_attempts: true } });
    // With ?queue=, what was asked is the target even when the job is not there.
    const notThere = await request(t.app).delete(`${JOBS}/nope-9?queue=audit-jobs`).set(ops());
    expect(await targetOf(notThere)).toEqual(["job.delete", "job:audit-jobs/nope-9", "failure"]);
  });

  it("names a created key by its id, and a refused create key:?", async () => {
    const created = await request(t.app).post("/api/v1/platform/keys").set(ops()).send({ name: "k-1", role: "viewer" });
    expect(created.status).toBe(201);
    expect(await targetOf(created)).toEqual(["key.create", `key:${created.body.data.id}`, "success"]);
    const refused = await request(t.app)
      .post("/api/v1/platform/keys")
      .set("X-API-Key", t.keys.viewer)
      .send({ name: "k-2", role: "viewer" });
    expect(refused.status).toBe(403);
    expect(await targetOf(refused)).toEqual(["key.create", "key:?", "failure"]);
  });

  it("finds everything about a queue in one query, and targets by prefix (wildcards literal)", async () => {
    await request(t.app).post("/api/v1/platform/system/queues/audit-jobs/pause").set(ops());
    // Neither queue exists: the 404s are on record under the names asked for.
    await request(t.app).post("/api/v1/platform/system/queues/audit_x/pause").set(ops());
    await request(t.app).post("/api/v1/platform/system/queues/auditXx/pause").set(ops());
    const q = async (qs: string) =>
      ((await request(t.app).get(`${URL}?${qs}`).set(ops())).body.data.events as { target: string }[])
        .map((e) => e.target)
        .sort();
    expect(await q("queue=audit-jobs")).toEqual([
      "job:audit-jobs/1",
      "job:audit-jobs/2",
      "job:audit-jobs/nope-9",
      "queue:audit-jobs",
    ]);
    expect(await q(`target_prefix=${encodeURIComponent("job:audit-jobs/")}`)).toEqual([
      "job:audit-jobs/1",
      "job:audit-jobs/2",
      "job:audit-jobs/nope-9",
    ]);
    expect(await q(`target_prefix=${encodeURIComponent("queue:audit_")}`)).toEqual(["queue:audit_x"]);
    expect(await q(`target_prefix=${encodeURIComponent("job:?/")}`)).toEqual(["job:?/1", "job:?/nope-9"]);
  });

  it("serves target and prefix filters from an index", async () => {
    const client = await t.deps.db.pool.connect();
    try {
      await client.query("BEGIN");
      // With sequential scans priced out, a plan that still has one has no index it can use.
      await client.query("SET LOCAL enable_seqscan = off");
      const plan = async (where: string) =>
        (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT id FROM audit_events WHERE ${where}`)).rows
          .map((r) => r["QUERY PLAN"])
          .join("\n");
      expect(await plan("target LIKE 'job:audit\\_jobs/%'")).toContain("audit_events_target_timestamp_idx");
      expect(await plan("target = 'queue:audit-jobs'")).toContain("audit_events_target_timestamp_idx");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
