// A manual retry means one thing whichever way it comes — the jobs API, the
// queue-wide retry, Bull Board's retry button and its "retry all": a job with
// `attempts: 2` that used both gets two fresh attempts (attemptsMade and
// attemptsStarted back to 0, in Redis and in its job record). The API's
// `reset_attempts: false` keeps the used attempts instead: one more try.
// Real BullMQ jobs, failed and re-run by a hand-driven worker.
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";
import { createFixtures, type Fixtures } from "./queuesFixtures";

const API = "/api/v1/platform/system";
const QUEUES = [
  "retry-one",
  "retry-one-keep",
  "retry-bulk",
  "retry-bulk-keep",
  "board-retry-one",
  "board-retry-all",
] as const;
let t: TestApp;
let f: Fixtures;
/** Each queue's exhausted job. */
const ids = {} as Record<(typeof QUEUES)[number], string>;

beforeAll(async () => {
  t = await createTestApp({ SESSION_SECRET: "m".repeat(32) });
  f = createFixtures(t);
  // Every queue exists before the first request: discovery of new queues (and Bull Board's list) is cached.
  for (const q of QUEUES) ids[q] = await exhaustedJob(q);
  await f.queue("board-retry-misc").add("later", {}, { jobId: "w-1" });
});
afterAll(async () => {
  await f.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });

/** Runs the queue's next waiting job and fails it: the state it is left in (waiting while attempts remain). */
async function runAndFail(queue: string): Promise<string> {
  const { job, token } = await f.takeJob(queue);
  await job.moveToFailed(new Error("SMTP 421 try again later"), token, false);
  return f.queue(queue).getJobState(job.id!);
}

/** A job with `attempts: 2` that failed both, with its job record saying so. */
async function exhaustedJob(queue: string): Promise<string> {
  const job = await f.queue(queue).add("send", { to: "a@example.com" }, { attempts: 2 });
  expect(await runAndFail(queue)).toBe("waiting");
  expect(await runAndFail(queue)).toBe("failed");
  const failed = await f.queue(queue).getJob(job.id!);
  expect({ made: failed!.attemptsMade, started: failed!.attemptsStarted }).toEqual({ made: 2, started: 2 });
  await t.deps.db.pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, attempt, phase, attempts_made, failed_reason, created_at)
     VALUES ($1, $2, 'send', 'failed', 2, 2, 2, 'SMTP 421 try again later', now())`,
    [queue, job.id],
  );
  return job.id!;
}

async function record(queue: string, id: string) {
  const r = await t.deps.db.pool.query(
    "SELECT status, attempts_made, failed_reason FROM job_records WHERE queue = $1 AND job_id = $2",
    [queue, id],
  );
  return r.rows[0] as { status: string; attempts_made: number; failed_reason: string | null };
}

/** The retried job is waiting with no attempt used, and fails for good only after two more runs. */
async function expectTwoFreshAttempts(queue: string, id: string): Promise<void> {
  const job = await f.queue(queue).getJob(id);
  expect(await job!.getState()).toBe("waiting");
  expect({ made: job!.attemptsMade, started: job!.attemptsStarted }).toEqual({ made: 0, started: 0 });
  expect(await record(queue, id)).toEqual({ status: "waiting", attempts_made: 0, failed_reason: null });
  expect(await runAndFail(queue)).toBe("waiting");
  expect(await runAndFail(queue)).toBe("failed");
}

describe("through the API", () => {
  it("POST /jobs/{job_id}/retry gives two fresh attempts", async () => {
    const id = ids["retry-one"];
    const r = await request(t.app).post(`${API}/jobs/${id}/retry?queue=retry-one`).set(ops());
    expect(r.body.data).toEqual({ job_id: id, queue: "retry-one", status: "queued", attempts_reset: true });
    await expectTwoFreshAttempts("retry-one", id);
  });

  it("POST /jobs/{job_id}/retry with reset_attempts false gives one more try", async () => {
    const id = ids["retry-one-keep"];
    const r = await request(t.app)
      .post(`${API}/jobs/${id}/retry?queue=retry-one-keep`)
      .set(ops())
      .send({ reset_attempts: false });
    expect(r.body.data).toMatchObject({ status: "queued", attempts_reset: false });
    expect((await f.queue("retry-one-keep").getJob(id))!.attemptsMade).toBe(2);
    expect((await record("retry-one-keep", id)).attempts_made).toBe(2);
    expect(await runAndFail("retry-one-keep")).toBe("failed");
  });

  it("POST /queues/{queue_name}/retry gives two fresh attempts", async () => {
    const id = ids["retry-bulk"];
    const r = await request(t.app).post(`${API}/queues/retry-bulk/retry`).set(ops()).send({ state: "failed" });
    expect(r.body.data).toMatchObject({ matched: 1, retried: 1 });
    await expectTwoFreshAttempts("retry-bulk", id);
  });

  it("POST /queues/{queue_name}/retry with reset_attempts false gives one more try", async () => {
    const id = ids["retry-bulk-keep"];
    const r = await request(t.app)
      .post(`${API}/queues/retry-bulk-keep/retry`)
      .set(ops())
      .send({ state: "failed", reset_attempts: false });
    expect(r.body.data).toMatchObject({ retried: 1 });
    expect((await f.queue("retry-bulk-keep").getJob(id))!.attemptsMade).toBe(2);
    expect(await record("retry-bulk-keep", id)).toMatchObject({ status: "waiting", attempts_made: 2 });
    expect(await runAndFail("retry-bulk-keep")).toBe("failed");
  });
});

describe("through Bull Board", () => {
  let cookie: string;
  beforeAll(async () => {
    const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: t.keys.ops });
    expect(r.status).toBe(303);
    cookie = ([] as string[]).concat(r.headers["set-cookie"] ?? [])[0]!.split(";")[0]!;
  });
  const board = (path: string) =>
    request(t.app)
      .put(`/admin/queues/api/queues/${path}`)
      .set("Cookie", cookie)
      .set("Host", "127.0.0.1")
      .set("Origin", "http://127.0.0.1");

  it("the job page's retry gives two fresh attempts", async () => {
    const id = ids["board-retry-one"];
    const r = await board(`board-retry-one/${id}/retry`);
    expect(r.status).toBe(204);
    await expectTwoFreshAttempts("board-retry-one", id);
  });

  it("retry all gives every failed job two fresh attempts", async () => {
    const id = ids["board-retry-all"];
    const r = await board("board-retry-all/retry/failed");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ retried: 1, skipped: 0 });
    await expectTwoFreshAttempts("board-retry-all", id);
  });

  it("answers what it cannot retry as Bull Board does", async () => {
    const waiting = await board("board-retry-misc/w-1/retry");
    expect(waiting.status).toBe(400);
    expect(waiting.body).toEqual({ error: { key: "ERRORS.JOB_NOT_RETRIABLE", options: { state: "waiting" } } });
    expect((await board("board-retry-misc/nope/retry")).body).toEqual({ error: { key: "ERRORS.JOB_NOT_FOUND" } });
    expect((await board("no-such-queue/1/retry")).status).toBe(404);
    const state = await board("board-retry-misc/retry/active");
    expect(state.body).toEqual({ error: { key: "ERRORS.STATUS_NOT_RETRIABLE", options: { status: "active" } } });
  });
});
