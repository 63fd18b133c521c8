// Field search, replay from the record and act-on-matches through the real API,
// with a real worker (catalog queue log-exports, scripted processor) writing
// the job records back: a failed job pruned from Redis is found by a payload
// field and replayed with an edited payload that completes; a dry run's count
// is exactly what the action then retries; refusals (409, 400, 403) and the
// audit trail.
import type { Job, Queue } from "bullmq";
import request from "supertest";

import type { Processor } from "../../apps/worker/src/processors/types";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import type { LogExportPayload } from "../../packages/core/src";
import { startJobAction } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { producer, readRecord, silentLogger, testConfig, waitFor } from "../worker/workerHelpers";

const JOBS = "/api/v1/platform/system/jobs";
const QUEUES = "/api/v1/platform/system/queues";
const ACTIONS = "/api/v1/platform/system/job-actions";
const Q = "log-exports";

let t: TestApp;
let rt: WorkerRuntime;
let q: Queue;
/** Export ids the processor lets through; every other job fails. */
const fixed = new Set<string>();
const scripted: Processor<LogExportPayload> = async (_job, payload) => {
  if (!fixed.has(payload.export_id)) throw new Error(`export ${payload.export_id} is broken`);
  return { ok: payload.export_id };
};

beforeAll(async () => {
  t = await createTestApp();
  rt = startWorker(testConfig(t.env, { WORKER_QUEUES: Q }), silentLogger(), { processors: { [Q]: scripted } });
  await rt.ready();
  q = producer(t.env, Q);
});
afterAll(async () => {
  await q.close();
  await rt.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });
const pool = () => t.deps.db.pool;
const audit = (action: string) => t.deps.db.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

/** Adds a job with one attempt and waits until its record says `status`. */
async function addAndWait(data: Record<string, unknown>, status: string, jobId?: string): Promise<Job> {
  const job = await q.add("export", data, { attempts: 1, ...(jobId ? { jobId } : {}) });
  await waitFor(`record of ${job.id} ${status}`, async () => (await readRecord(pool(), Q, job.id!))?.status === status);
  return job;
}

describe("replay from the record", () => {
  it("replays a failed job pruned from Redis, with an edited payload, found by a payload field; it completes", async () => {
    const original = await addAndWait({ export_id: "broken-1", user: { plan: "pro", seats: 12 } }, "failed");
    await original.remove(); // pruned, as removeOnFail would
    expect(await q.getJobState(original.id!)).toBe("unknown");

    const found = await request(t.app)
      .get(`${JOBS}?queue=${Q}&field=data.user.plan:eq:pro&field=data.user.seats:gte:10`)
      .set(ops());
    expect(found.status).toBe(200);
    expect(found.body.data.jobs.map((j: { id: string }) => j.id)).toEqual([original.id]);
    // The other side of each comparison finds nothing.
    const none = await request(t.app).get(`${JOBS}?queue=${Q}&field=data.user.seats:gt:12`).set(ops());
    expect(none.body.data.pagination.total).toBe(0);

    fixed.add("fixed-1");
    const r = await request(t.app)
      .post(`${QUEUES}/${Q}/jobs/${original.id}/replay`)
      .set(ops())
      .send({ data: { export_id: "fixed-1", user: { plan: "pro", seats: 12 } } });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ queue: Q, replay_of: original.id, name: "export", payload_edited: true });
    const newId = r.body.data.job_id as string;
    expect(newId).not.toBe(original.id);

    // Written back by the worker that ran it: completed, and still linked.
    const rec = await waitFor("replay completed", async () => {
      const x = await readRecord(pool(), Q, newId);
      return x?.status === "completed" ? x : undefined;
    });
    expect(rec).toMatchObject({ replay_of: original.id, payload: { export_id: "fixed-1" } });
    expect((await readRecord(pool(), Q, original.id!))?.replays).toEqual([newId]);
    const job = await q.getJob(newId);
    expect(job?.opts.attempts).toBe(1); // the recorded options, not the catalog's 3
    expect(job?.returnvalue).toEqual({ ok: "fixed-1" });

    const detail = await request(t.app).get(`${JOBS}/${newId}?queue=${Q}`).set(ops());
    expect(detail.body.data.history.record).toMatchObject({ replay_of: original.id, replays: [] });
    const entries = await audit("job.replay");
    expect(entries.at(-1)).toMatchObject({ target: `job:${Q}/${original.id}`, outcome: "success" });
  });

  it("refuses (409) a job still failed in Redis unless copy is true", async () => {
    const failed = await addAndWait({ export_id: "broken-2" }, "failed");
    const refused = await request(t.app).post(`${QUEUES}/${Q}/jobs/${failed.id}/replay`).set(ops()).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("job_retryable_in_place");
    expect(await q.getJobState(failed.id!)).toBe("failed");

    const copied = await request(t.app).post(`${QUEUES}/${Q}/jobs/${failed.id}/replay`).set(ops()).send({ copy: true });
    expect(copied.status).toBe(201);
    expect(copied.body.data.payload_edited).toBe(false);
    const copy = await q.getJob(copied.body.data.job_id);
    expect(copy?.data).toEqual({ export_id: "broken-2" });
    expect(await q.getJobState(failed.id!)).toBe("failed"); // the original stays where it was
    expect((await audit("job.replay")).map((e) => e.error)).toContain("job_retryable_in_place");
  });

  it("checks an edited payload against the catalog schema, and 404s what is neither in Redis nor on record", async () => {
    const failed = await addAndWait({ export_id: "broken-3" }, "failed");
    await failed.remove();
    const bad = await request(t.app)
      .post(`${QUEUES}/${Q}/jobs/${failed.id}/replay`)
      .set(ops())
      .send({ data: { export_id: "" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: "data.export_id", code: "invalid_payload" });
    const missing = await request(t.app).post(`${QUEUES}/${Q}/jobs/no-such-job/replay`).set(ops()).send({});
    expect(missing.status).toBe(404);
  });
});

describe("act on matches", () => {
  it("a dry run reports the count, then the action retries exactly those jobs and no others", async () => {
    const batch = (b: string, i: number) => ({ export_id: `act-${b}-${i}`, batch: b });
    const matching = [];
    for (let i = 0; i < 3; i++) matching.push(await addAndWait(batch("b7", i), "failed"));
    const others = [await addAndWait(batch("b8", 0), "failed"), await addAndWait(batch("b8", 1), "failed")];
    fixed.add("act-b7-done");
    const completed = await addAndWait({ export_id: "act-b7-done", batch: "b7" }, "completed");

    const filter = { queue: Q, status: "failed", field: ["data.batch:eq:b7"] };
    const dry = await request(t.app).post(`${ACTIONS}`).set(ops()).send({ action: "retry", filter, dry_run: true });
    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({ action_id: null, dry_run: true, matched: 3 });
    const sampled = dry.body.data.sample.map((s: { id: string }) => s.id).sort();
    expect(sampled).toEqual(matching.map((j) => j.id).sort());

    // Now they can succeed: the retried ones complete, and only they.
    for (let i = 0; i < 3; i++) fixed.add(`act-b7-${i}`);
    fixed.add("act-b8-0");
    fixed.add("act-b8-1");
    const run = await request(t.app).post(`${ACTIONS}`).set(ops()).send({ action: "retry", filter });
    expect(run.status).toBe(202);
    expect(run.body.data.matched).toBe(3);
    const id = run.body.data.action_id as string;
    expect(run.headers.location).toBe(`${ACTIONS}/${id}`);

    const view = await waitFor("action finished", async () => {
      const r = await request(t.app).get(`${ACTIONS}/${id}`).set({ "X-API-Key": t.keys.viewer });
      return r.body.data.state === "running" ? undefined : r.body.data;
    });
    expect(view).toMatchObject({ state: "completed", matched: 3, done: 3, skipped: 0, skip_reasons: {} });
    expect(view.filter).toEqual(filter);
    for (const j of matching)
      await waitFor(`${j.id} completed`, async () => (await q.getJobState(j.id!)) === "completed");
    for (const j of others) expect(await q.getJobState(j.id!)).toBe("failed");
    expect((await q.getJob(completed.id!))?.attemptsMade).toBe(1); // untouched

    const started = await audit("jobs.action");
    expect(started.at(-1)).toMatchObject({
      target: `job-action:${id}`,
      outcome: "success",
      parameters: { action: "retry", filter, limit: 1000, dry_run: false },
    });
    const finished = await audit("jobs.action.finish");
    expect(finished.at(-1)).toMatchObject({
      target: `job-action:${id}`,
      outcome: "success",
      parameters: expect.objectContaining({ matched: 3, done: 3, skipped: 0 }),
    });
  });

  it("skips what it cannot act on, counted by reason; delete removes from Redis and marks the record", async () => {
    const gone = await addAndWait({ export_id: "del-0", tag: "d1" }, "failed");
    await gone.remove();
    const there = await addAndWait({ export_id: "del-1", tag: "d1" }, "failed");
    const run = await request(t.app)
      .post(`${ACTIONS}`)
      .set(ops())
      .send({ action: "delete", filter: { queue: Q, field: ["data.tag:eq:d1"] } });
    expect(run.status).toBe(202);
    const id = run.body.data.action_id as string;
    const view = await waitFor("delete finished", async () => {
      const r = await request(t.app).get(`${ACTIONS}/${id}`).set(ops());
      return r.body.data.state === "running" ? undefined : r.body.data;
    });
    expect(view).toMatchObject({
      state: "completed",
      matched: 2,
      done: 1,
      skipped: 1,
      skip_reasons: { not_in_redis: 1 },
    });
    expect(await q.getJobState(there.id!)).toBe("unknown");
    expect((await readRecord(pool(), Q, there.id!))?.status).toBe("removed");
  });

  it("replays matches from their records, skipping jobs still failed in Redis", async () => {
    fixed.add("rep-0");
    const gone = await addAndWait({ export_id: "rep-0", tag: "r1" }, "completed");
    await gone.remove();
    await addAndWait({ export_id: "rep-1", tag: "r1" }, "failed");
    const run = await request(t.app)
      .post(`${ACTIONS}`)
      .set(ops())
      .send({ action: "replay", filter: { queue: Q, field: ["data.tag:eq:r1"] } });
    const id = run.body.data.action_id as string;
    const view = await waitFor("replay finished", async () => {
      const r = await request(t.app).get(`${ACTIONS}/${id}`).set(ops());
      return r.body.data.state === "running" ? undefined : r.body.data;
    });
    expect(view).toMatchObject({ done: 1, skipped: 1, skip_reasons: { retryable_in_place: 1 } });
    const replays = await pool().query(`SELECT job_id FROM job_records WHERE queue = $1 AND replay_of = $2`, [
      Q,
      gone.id,
    ]);
    expect(replays.rowCount).toBe(1);
    const newId = replays.rows[0].job_id as string;
    await waitFor("replayed job completed", async () => (await readRecord(pool(), Q, newId))?.status === "completed");
  });
});

describe("an action outlives its process", () => {
  it("is taken over and finished once its lease lapsed (the process that started it died)", async () => {
    const job = await addAndWait({ export_id: "orphan-0", tag: "o1" }, "failed");
    fixed.add("orphan-0");
    // As a dead process leaves it: running, nothing decided, its lease already over.
    const id = "act_0000000000000000000a";
    await startJobAction(pool(), {
      id,
      action: "retry",
      filterView: { queue: Q, field: ["data.tag:eq:o1"] },
      search: { queue: Q, fields: [{ path: ["tag"], op: "eq", value: "o1" }] },
      limit: 10,
      actor: "test (ops)",
      actorKeyId: null,
      leaseMs: 0,
    });
    t.deps.jobActions.watch(); // what the API does at start
    const view = await waitFor("orphaned action finished", async () => {
      const r = await request(t.app).get(`${ACTIONS}/${id}`).set(ops());
      return r.body.data.state === "running" ? undefined : r.body.data;
    });
    expect(view).toMatchObject({ state: "completed", matched: 1, done: 1 });
    await waitFor("orphan completed", async () => (await q.getJobState(job.id!)) === "completed");
  });
});

describe("refusals", () => {
  it("400s bad field syntax, too deep a path and too many field filters, on the search and the actions", async () => {
    const bad = [
      "user.plan:eq:pro", // no data root
      "data.user.plan:like:pro", // unknown operator
      "data.us er:eq:x", // bad segment
      "data.a.b.c.d.e.f.g.h.i:eq:x", // 9 keys deep
      "data.x:exists:yes", // exists takes no value
      "data.x:gt", // no value
    ];
    for (const f of bad) {
      const r = await request(t.app).get(`${JOBS}`).query({ field: f }).set(ops());
      expect([f, r.status, r.body.error?.code]).toEqual([f, 400, "validation_failed"]);
    }
    const six = Array.from({ length: 6 }, (_, i) => `field=data.k${i}:exists`).join("&");
    expect((await request(t.app).get(`${JOBS}?${six}`).set(ops())).status).toBe(400);
    const deepOk = await request(t.app).get(`${JOBS}`).query({ field: "data.a.b.c.d.e.f.g.h:eq:x" }).set(ops());
    expect(deepOk.status).toBe(200);

    const before = await pool().query("SELECT count(*)::int AS n FROM job_actions");
    for (const body of [
      { action: "retry", filter: { field: ["data.x:eq"] } },
      { action: "retry", filter: {} }, // no filter at all
      { action: "explode", filter: { queue: Q } },
    ]) {
      const r = await request(t.app).post(`${ACTIONS}`).set(ops()).send(body);
      expect(r.status).toBe(400);
    }
    const after = await pool().query("SELECT count(*)::int AS n FROM job_actions");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("refuses a viewer (403) on actions and replay, and lets it read an action's progress", async () => {
    const viewer = { "X-API-Key": t.keys.viewer };
    const a = await request(t.app)
      .post(`${ACTIONS}`)
      .set(viewer)
      .send({ action: "retry", filter: { queue: Q }, dry_run: true });
    expect(a.status).toBe(403);
    const r = await request(t.app).post(`${QUEUES}/${Q}/jobs/1/replay`).set(viewer).send({});
    expect(r.status).toBe(403);
    expect((await audit("jobs.action")).some((e) => e.error === "missing_permission")).toBe(true);
    const unknown = await request(t.app).get(`${ACTIONS}/act_00000000000000000000`).set(viewer);
    expect(unknown.status).toBe(404);
  });
});
