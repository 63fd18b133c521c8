// One job through the real app: detail (data, logs, stack, history), retry
// (409 unless failed), delete (409 while a worker holds the lock),
// ids resolved across queues with ?queue= and 409 ambiguous_job_id, search
// over the job records, and the audit row of every mutation.
import type { Job } from "bullmq";
import request from "supertest";

import { createApp } from "../../apps/api/src/app";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import { SEARCH_ORDER, searchFilter } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { createFixtures, type Fixtures } from "./queuesFixtures";

const BASE = "/api/v1/platform/system/jobs";
let t: TestApp;
let f: Fixtures;

let detailJob: Job;
let retryJob: Job;
beforeAll(async () => {
  t = await createTestApp();
  f = createFixtures(t);
  // Every queue exists before the first request: discovery of new queues is cached for 30 s.
  [detailJob] = (await f.failJobs("detail-q", 1, () => ({ campaign_id: "cmp_detail" }))) as [Job];
  [retryJob] = (await f.failJobs("retry-q", 1)) as [Job];
  await f.queue("twin-a").add("x", { side: "a" }, { jobId: "shared-1" });
  await f.queue("twin-b").add("x", { side: "b" }, { jobId: "shared-1" });
  await f.queue("delete-q").add("work", { k: 1 }, { jobId: "del-1" });
});
afterAll(async () => {
  await f.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });
const audit = (action: string) => t.deps.db.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("GET /jobs/{job_id}", () => {
  it("returns data, options, attempts, failure, logs and history", async () => {
    const id = detailJob.id!;
    await f.queue("detail-q").addJobLog(id, "connecting to smtp");
    await f.queue("detail-q").addJobLog(id, "timeout");
    await t.deps.db.pool.query(
      `INSERT INTO job_records (queue, job_id, name, status, attempt, phase, attempts_made, created_at)
       VALUES ('detail-q', $1, 'send', 'failed', 1, 2, 1, now())`,
      [id],
    );
    await t.deps.db.pool.query(
      `INSERT INTO job_events (queue, job_id, attempt, event, detail, at) VALUES
       ('detail-q', $1, 1, 'active', NULL, now() - interval '1 second'), ('detail-q', $1, 1, 'failed', 'timeout', now())`,
      [id],
    );
    const r = await request(t.app).get(`${BASE}/${id}?queue=detail-q`).set("X-API-Key", t.keys.viewer);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      id,
      queue: "detail-q",
      name: "send",
      status: "failed",
      locked: false,
      data: { campaign_id: "cmp_detail" },
      options: expect.objectContaining({ attempts: 1 }),
      attempts_made: 1,
      error: { message: "SMTP connection timeout #0", stack_trace: expect.any(String) },
      stacktrace: [expect.stringContaining("SMTP connection timeout")],
      logs: { lines: ["connecting to smtp", "timeout"], count: 2 },
      history: {
        record: expect.objectContaining({ status: "failed", attempt: 1 }),
        events: [
          expect.objectContaining({ event: "active" }),
          expect.objectContaining({ event: "failed", detail: "timeout" }),
        ],
      },
    });
  });

  it("404s an unknown job or queue", async () => {
    const r = await request(t.app).get(`${BASE}/no-such-job`).set(ops());
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("job_not_found");
    const q = await request(t.app).get(`${BASE}/1?queue=no-such-queue`).set(ops());
    expect(q.body.error.code).toBe("queue_not_found");
  });

  it("resolves ids across queues: 409 ambiguous_job_id lists them, ?queue= picks one", async () => {
    const r = await request(t.app).get(`${BASE}/shared-1`).set(ops());
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ type: "conflict_error", code: "ambiguous_job_id" });
    expect(r.body.error.details.queues.sort()).toEqual(["twin-a", "twin-b"]);
    const b = await request(t.app).get(`${BASE}/shared-1?queue=twin-b`).set(ops());
    expect(b.body.data).toMatchObject({ queue: "twin-b", data: { side: "b" }, status: "waiting" });
  });
});

describe("POST /jobs/{job_id}/retry", () => {
  it("re-queues a failed job with the documented body and its attempts reset", async () => {
    const id = retryJob.id!;
    await t.deps.db.pool.query(
      `INSERT INTO job_records (queue, job_id, name, status, attempt, phase, attempts_made, failed_reason, created_at)
       VALUES ('retry-q', $1, 'send', 'failed', 1, 2, 1, 'boom', now())`,
      [id],
    );
    // Ids "1", "2"… exist in every queue: ?queue= says which.
    const r = await request(t.app).post(`${BASE}/${id}/retry?queue=retry-q`).set(ops());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      success: true,
      data: { job_id: id, queue: "retry-q", status: "queued", attempts_reset: true },
    });
    const after = await f.queue("retry-q").getJob(id);
    expect(await after!.getState()).toBe("waiting");
    expect(after!.attemptsMade).toBe(0);
    const rec = await t.deps.db.pool.query(
      "SELECT status, attempts_made FROM job_records WHERE queue = 'retry-q' AND job_id = $1",
      [id],
    );
    expect(rec.rows[0]).toEqual({ status: "waiting", attempts_made: 0 });

    // It is waiting now, not failed: a second retry is a 409.
    const again = await request(t.app).post(`${BASE}/${id}/retry?queue=retry-q`).set(ops());
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "job_not_failed", details: { state: "waiting" } });
    expect((await audit("job.retry")).map((a) => [a.outcome, a.error])).toEqual([
      ["success", null],
      ["failure", "job_not_failed"],
    ]);
  });

  it("needs jobs.write and an existing job", async () => {
    const v = await request(t.app).post(`${BASE}/1/retry`).set("X-API-Key", t.keys.viewer);
    expect(v.status).toBe(403);
    const r = await request(t.app).post(`${BASE}/missing-7/retry`).set(ops());
    expect(r.status).toBe(404);
  });
});

describe("DELETE /jobs/{job_id}", () => {
  it("refuses an active locked job (409) and removes it once finished", async () => {
    const { job, token } = await f.takeJob("delete-q");
    const r = await request(t.app).delete(`${BASE}/del-1`).set(ops());
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ type: "conflict_error", code: "job_locked" });
    expect(await job.getState()).toBe("active");

    await job.moveToCompleted("ok", token, false);
    const d = await request(t.app).delete(`${BASE}/${job.id}?queue=delete-q`).set(ops());
    expect(d.status).toBe(200);
    expect(d.body.data).toEqual({ job_id: job.id, queue: "delete-q", deleted: true });
    expect(await f.queue("delete-q").getJob(job.id!)).toBeUndefined();
    expect((await request(t.app).delete(`${BASE}/${job.id}?queue=delete-q`).set(ops())).status).toBe(404);
    expect((await audit("job.delete")).map((a) => a.error)).toEqual(["job_locked", null, "job_not_found"]);
  });

  it("refuses viewers", async () => {
    expect((await request(t.app).delete(`${BASE}/1`).set("X-API-Key", t.keys.viewer)).status).toBe(403);
  });
});

describe("GET /jobs (search)", () => {
  beforeAll(async () => {
    const rows = [
      ["email-sending", "s-1", "send-batch", "failed", { campaign_id: "cmp_spring_sale" }],
      ["email-sending", "s-2", "send-batch", "completed", { campaign_id: "cmp_winter" }],
      ["log-exports", "e-1", "export", "completed", { export_id: "exp_50%_off" }],
      ["log-exports", "exp-7781", "export", "completed", { export_id: "exp_x" }],
      ["metric-rollups", "dup-9", "rollup", "completed", { kind: "minute" }],
      ["log-exports", "dup-9", "export", "completed", { export_id: "exp_y" }],
    ] as const;
    for (const [q, id, name, status, payload] of rows) {
      await t.deps.db.pool.query(
        `INSERT INTO job_records (queue, job_id, name, status, payload, created_at) VALUES ($1, $2, $3, $4, $5, now())`,
        [q, id, name, status, JSON.stringify(payload)],
      );
    }
  });

  it("finds jobs by payload text, id or name, with filters and pagination", async () => {
    const r = await request(t.app).get(`${BASE}?q=spring_sale`).set("X-API-Key", t.keys.viewer);
    expect(r.status).toBe(200);
    expect(r.body.data.jobs).toEqual([
      expect.objectContaining({
        id: "s-1",
        queue: "email-sending",
        status: "failed",
        payload: { campaign_id: "cmp_spring_sale" },
      }),
    ]);
    const byName = await request(t.app).get(`${BASE}?q=SEND-BATCH&status=completed`).set(ops());
    expect(byName.body.data.jobs.map((j: { id: string }) => j.id)).toEqual(["s-2"]);
    // % is literal, not a wildcard.
    const pct = await request(t.app).get(`${BASE}?q=50%25`).set(ops());
    expect(pct.body.data.jobs.map((j: { id: string }) => j.id)).toEqual(["e-1"]);
    const page = await request(t.app).get(`${BASE}?queue=email-sending&limit=1&offset=1`).set(ops());
    expect(page.body.data.pagination).toEqual({
      total: 2,
      total_is_estimate: false,
      limit: 1,
      offset: 1,
      next_cursor: expect.any(String),
    });
    expect(page.body.data.jobs).toHaveLength(1);
  });

  it("counts exactly up to JOB_COUNT_CAP, then flags the total as an estimate", async () => {
    // A second app on the same database with a cap of 2: the six records above are past it.
    const deps = createDeps({ ...t.deps.config, JOB_COUNT_CAP: 2 }, t.deps.logger);
    try {
      const app = t.checked(createApp(deps));
      const broad = await request(app).get(`${BASE}?limit=1`).set(ops());
      expect(broad.status).toBe(200);
      expect(broad.body.data.pagination).toMatchObject({ total_is_estimate: true });
      expect(broad.body.data.pagination.total).toBeGreaterThanOrEqual(3);
      expect(broad.body.data.jobs).toHaveLength(1);
      // Within the cap the total stays exact.
      const narrow = await request(app).get(`${BASE}?queue=email-sending`).set(ops());
      expect(narrow.body.data.pagination).toMatchObject({ total: 2, total_is_estimate: false });
    } finally {
      await closeDeps(deps);
    }
  });

  it("pages by cursor through every match exactly once, in the offset listing's order", async () => {
    const all = await request(t.app).get(`${BASE}?limit=100`).set(ops());
    const expected = (all.body.data.jobs as { queue: string; id: string }[]).map((j) => `${j.queue}/${j.id}`);
    expect(all.body.data.pagination.next_cursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: request.Response = await request(t.app)
        .get(`${BASE}?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        .set(ops());
      expect(r.status).toBe(200);
      seen.push(...(r.body.data.jobs as { queue: string; id: string }[]).map((j) => `${j.queue}/${j.id}`));
      cursor = r.body.data.pagination.next_cursor;
    } while (cursor);
    expect(seen).toEqual(expected);

    const forged = Buffer.from(JSON.stringify(["x", "q", "1"])).toString("base64url");
    for (const bad of ["nope", forged]) {
      const r = await request(t.app).get(`${BASE}?cursor=${bad}`).set(ops());
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([
        expect.objectContaining({ field: "query.cursor", code: "invalid_cursor" }),
      ]);
    }
    const first = await request(t.app).get(`${BASE}?limit=1`).set(ops());
    const both = await request(t.app)
      .get(`${BASE}?limit=1&offset=1&cursor=${first.body.data.pagination.next_cursor}`)
      .set(ops());
    expect(both.status).toBe(400);
  });

  it("matches a job id exactly, in every queue or the one asked for, never by a fragment", async () => {
    const hits = async (qs: string) =>
      ((await request(t.app).get(`${BASE}?${qs}`).set(ops())).body.data.jobs as { queue: string; id: string }[])
        .map((j) => `${j.queue}/${j.id}`)
        .sort();
    expect(await hits("q=exp-7781")).toEqual(["log-exports/exp-7781"]);
    expect(await hits("q=EXP-7781")).toEqual([]); // ids are exact, names and payloads case-insensitive
    expect(await hits("q=7781")).toEqual([]); // a fragment of an id is not searched
    expect(await hits("q=dup-9")).toEqual(["log-exports/dup-9", "metric-rollups/dup-9"]);
    expect(await hits("q=dup-9&queue=log-exports")).toEqual(["log-exports/dup-9"]);
    expect(await hits("q=exp-7781&queue=metric-rollups")).toEqual([]);
  });

  it("is served by the trigram index and the (queue, job_id) key, never by reading the whole table", async () => {
    const client = await t.deps.db.pool.connect();
    try {
      // With sequential scans priced out, a plan that still has one has no index it can use.
      await client.query("BEGIN");
      await client.query("SET LOCAL enable_seqscan = off");
      const plan = async (s: Parameters<typeof searchFilter>[0]) => {
        const { filter, args } = searchFilter(s);
        const r = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN SELECT job_id FROM job_records ${filter} ORDER BY ${SEARCH_ORDER} LIMIT 50`,
          args,
        );
        return r.rows.map((x) => x["QUERY PLAN"]).join("\n");
      };
      const everywhere = await plan({ q: "spring" });
      expect(everywhere).toContain("job_records_search_trgm_idx");
      expect(everywhere).toContain("job_records_pkey");
      expect(everywhere).not.toContain("Seq Scan on job_records");
      expect(await plan({ q: "spring", queue: "email-sending", status: "failed" })).not.toContain(
        "Seq Scan on job_records",
      );
      // The status index leaves completed records out: other statuses use it, completed ones the updated_at index.
      expect(await plan({ status: "failed" })).toContain("job_records_status_updated_at_idx");
      expect(await plan({ status: "completed" })).not.toContain("Seq Scan on job_records");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("rejects a too-short query and unknown parameters", async () => {
    const r = await request(t.app).get(`${BASE}?q=a&foo=1`).set(ops());
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["query.foo", "query.q"]);
  });
});
