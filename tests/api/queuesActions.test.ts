// A queue's jobs page by page, and the queue-wide mutations through the real
// app: pause / resume (seen by a real worker's fetch), bulk retry, clean and
// promote with dry runs and limits, job records updated, every call audited.
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";
import { createFixtures, type Fixtures } from "./queuesFixtures";

const BASE = "/api/v1/platform/system/queues";
let t: TestApp;
let f: Fixtures;

beforeAll(async () => {
  t = await createTestApp();
  f = createFixtures(t);
});
afterAll(async () => {
  await f.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });
const audits = (action: string) => t.deps.db.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

async function insertRecord(queue: string, jobId: string, status: string) {
  await t.deps.db.pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, created_at) VALUES ($1, $2, 'send', $3, now())`,
    [queue, jobId, status],
  );
}
async function recordStatus(queue: string, jobId: string) {
  const r = await t.deps.db.pool.query("SELECT status FROM job_records WHERE queue = $1 AND job_id = $2", [
    queue,
    jobId,
  ]);
  return r.rows[0]?.status as string | undefined;
}

describe("GET /queues/{queue_name}/jobs", () => {
  beforeAll(() => f.failJobs("list-failed", 12, (i) => ({ campaign_id: `cmp_${i}`, recipient_count: 1000 })));

  it("pages failed jobs with the documented shape and pagination", async () => {
    const r = await request(t.app).get(`${BASE}/list-failed/jobs?status=failed&limit=5&offset=10`).set(ops());
    expect(r.status).toBe(200);
    expect(r.body.data.pagination).toEqual({ total: 12, limit: 5, offset: 10 });
    expect(r.body.data.jobs).toHaveLength(2);
    const first = await request(t.app).get(`${BASE}/list-failed/jobs?status=failed&limit=5`).set(ops());
    expect(first.body.data.jobs).toHaveLength(5);
    const job = first.body.data.jobs[0];
    expect(job).toMatchObject({
      queue: "list-failed",
      name: "send",
      status: "failed",
      payload: { campaign_id: expect.stringMatching(/^cmp_/), recipient_count: 1000 },
      payload_truncated: false,
      error: {
        message: expect.stringMatching(/^SMTP connection timeout/),
        stack_trace: expect.stringContaining("Error"),
      },
      attempts: 1,
      processed_at: expect.any(String),
      finished_at: expect.any(String),
    });
    // Newest failure first; pages do not overlap.
    const ids = new Set([...first.body.data.jobs, ...r.body.data.jobs].map((j: { id: string }) => j.id));
    expect(ids.size).toBe(7);
  });

  it("lists stalled jobs: active ones whose lock lapsed", async () => {
    await f.queue("list-stalled").addBulk([
      { name: "a", data: {} },
      { name: "b", data: {} },
    ]);
    await f.takeJob("list-stalled");
    const lost = await f.takeJob("list-stalled");
    await t.deps.queues.connection.del(`${t.env.queuePrefix}:list-stalled:${lost.job.id}:lock`);
    const r = await request(t.app).get(`${BASE}/list-stalled/jobs?status=stalled`).set(ops());
    expect(r.body.data.pagination.total).toBe(1);
    expect(r.body.data.jobs.map((j: { id: string }) => j.id)).toEqual([lost.job.id]);
    const active = await request(t.app).get(`${BASE}/list-stalled/jobs?status=active`).set(ops());
    expect(active.body.data.pagination.total).toBe(2);
  });

  it("caps large payloads and says so", async () => {
    await f.queue("list-big").add("big", { blob: "x".repeat(20_000) });
    const r = await request(t.app).get(`${BASE}/list-big/jobs?status=waiting`).set(ops());
    const job = r.body.data.jobs[0];
    expect(job.payload_truncated).toBe(true);
    expect(job.payload_size_bytes).toBeGreaterThan(20_000);
    expect(typeof job.payload).toBe("string");
    expect(job.payload.length).toBeLessThanOrEqual(8 * 1024);
  });

  it("rejects a bad status or limit and 404s an unknown queue", async () => {
    const bad = await request(t.app).get(`${BASE}/list-failed/jobs?status=lost&limit=500`).set(ops());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      "query.limit",
      "query.status",
    ]);
    const missing = await request(t.app).get(`${BASE}/nope/jobs`).set(ops());
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("queue_not_found");
  });
});

describe("pause and resume", () => {
  it("stops new jobs from starting while active ones finish, and resumes", async () => {
    const q = f.queue("pausable");
    await q.add("first", {});
    const running = await f.takeJob("pausable");

    const p = await request(t.app).post(`${BASE}/pausable/pause`).set(ops());
    expect(p.status).toBe(200);
    expect(p.body.data).toEqual({ queue: "pausable", status: "paused", timestamp: expect.any(String) });
    expect((await request(t.app).post(`${BASE}/pausable/pause`).set(ops())).status).toBe(200); // idempotent
    expect(await q.isPaused()).toBe(true);

    await q.add("second", {});
    // The worker's own fetch gets nothing while the queue is paused…
    expect(await f.worker("pausable").getNextJob("tok-paused", { block: false })).toBeUndefined();
    // …and the job that was already active still completes.
    await running.job.moveToCompleted("done", running.token, false);
    expect(await running.job.getState()).toBe("completed");

    const r = await request(t.app).post(`${BASE}/pausable/resume`).set(ops());
    expect(r.body.data).toMatchObject({ queue: "pausable", status: "active" });
    const next = await f.takeJob("pausable");
    expect(next.job.name).toBe("second");
    expect((await audits("queue.pause")).map((a) => a.outcome)).toEqual(["success", "success"]);
    expect((await audits("queue.resume"))[0]).toMatchObject({ target: "queue:pausable", outcome: "success" });
  });

  it("refuses viewers (403), 404s unknown queues and audits the failure", async () => {
    const v = await request(t.app).post(`${BASE}/pausable/pause`).set("X-API-Key", t.keys.viewer);
    expect(v.status).toBe(403);
    expect(v.body.error.details).toEqual({ required_permission: "queues.write" });
    const r = await request(t.app).post(`${BASE}/ghost/pause`).set(ops());
    expect(r.status).toBe(404);
    expect(await audits("queue.pause")).toContainEqual(
      expect.objectContaining({ target: "queue:ghost", outcome: "failure", error: "queue_not_found" }),
    );
  });
});

describe("bulk retry, clean, promote", () => {
  it("retries failed jobs in bulk with dry run, limit and age filter", async () => {
    const jobs = await f.failJobs("bulk-retry", 12);
    await insertRecord("bulk-retry", jobs[0]!.id!, "failed");
    const url = `${BASE}/bulk-retry/retry`;
    const dry = await request(t.app).post(url).set(ops()).send({ state: "failed", dry_run: true });
    expect(dry.body.data).toEqual({ queue: "bulk-retry", state: "failed", matched: 12, retried: 0, dry_run: true });
    expect(await f.queue("bulk-retry").getFailedCount()).toBe(12);

    const young = await request(t.app).post(url).set(ops()).send({ state: "failed", older_than_seconds: 3600 });
    expect(young.body.data).toMatchObject({ matched: 0, retried: 0 });

    const some = await request(t.app).post(url).set(ops()).send({ state: "failed", limit: 5 });
    expect(some.body.data).toMatchObject({ matched: 5, retried: 5, dry_run: false });
    expect(await f.queue("bulk-retry").getFailedCount()).toBe(7);
    expect(await f.queue("bulk-retry").getWaitingCount()).toBe(5);
    // The oldest failure went first, and its record says so.
    expect(await jobs[0]!.getState()).toBe("waiting");
    expect(await recordStatus("bulk-retry", jobs[0]!.id!)).toBe("waiting");
    expect((await audits("queue.retry")).length).toBe(3);
  });

  it("validates the bulk body", async () => {
    const r = await request(t.app)
      .post(`${BASE}/bulk-retry/retry`)
      .set(ops())
      .send({ state: "active", limit: 1_000_000, extra: 1 });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      "body.extra",
      "body.limit",
      "body.state",
    ]);
    expect(
      (await request(t.app).post(`${BASE}/bulk-retry/retry`).set("X-API-Key", t.keys.viewer).send({ state: "failed" }))
        .status,
    ).toBe(403);
  });

  it("cleans jobs past the grace period, dry run first", async () => {
    const jobs = await f.failJobs("bulk-clean", 4);
    await insertRecord("bulk-clean", jobs[1]!.id!, "failed");
    const url = `${BASE}/bulk-clean/clean`;
    const keep = await request(t.app).post(url).set(ops()).send({ state: "failed", grace_seconds: 3600 });
    expect(keep.body.data).toMatchObject({ matched: 0, deleted: 0 });
    const dry = await request(t.app).post(url).set(ops()).send({ state: "failed", dry_run: true, limit: 3 });
    expect(dry.body.data).toEqual({ queue: "bulk-clean", state: "failed", matched: 3, deleted: 0, dry_run: true });
    const r = await request(t.app).post(url).set(ops()).send({ state: "failed" });
    expect(r.body.data).toMatchObject({ matched: 4, deleted: 4 });
    expect(await f.queue("bulk-clean").getFailedCount()).toBe(0);
    expect(await recordStatus("bulk-clean", jobs[1]!.id!)).toBe("removed");

    await f.queue("bulk-clean").addBulk([1, 2, 3].map((i) => ({ name: "w", data: { i } })));
    const wdry = await request(t.app).post(url).set(ops()).send({ state: "wait", dry_run: true });
    expect(wdry.body.data.matched).toBe(3);
    const w = await request(t.app).post(url).set(ops()).send({ state: "wait", limit: 2 });
    expect(w.body.data).toMatchObject({ deleted: 2 });
    expect(await f.queue("bulk-clean").getWaitingCount()).toBe(1);
  });

  it("promotes delayed jobs", async () => {
    const q = f.queue("bulk-promote");
    await q.addBulk([1, 2, 3].map((i) => ({ name: "later", data: { i }, opts: { delay: 3_600_000 } })));
    const url = `${BASE}/bulk-promote/promote`;
    const dry = await request(t.app).post(url).set(ops()).send({ dry_run: true });
    expect(dry.body.data).toEqual({ queue: "bulk-promote", matched: 3, promoted: 0, dry_run: true });
    const two = await request(t.app).post(url).set(ops()).send({ limit: 2 });
    expect(two.body.data).toMatchObject({ promoted: 2 });
    const rest = await request(t.app).post(url).set(ops()); // no body: defaults
    expect(rest.body.data).toMatchObject({ promoted: 1 });
    expect(await q.getDelayedCount()).toBe(0);
    expect(await q.getWaitingCount()).toBe(3);
    expect((await audits("queue.promote")).map((a) => a.outcome)).toEqual(["success", "success", "success"]);
  });
});
