// Durable history of queues Opsdeck does not serve: producers and workers that
// are not Opsdeck's code (plain BullMQ 6 and BullMQ 5 clients) run jobs on
// queues outside the catalog; the follower reads their event streams into
// job records and events, found through GET /jobs. Failed attempts keep their
// reasons, one event per attempt.
import { Queue, Worker } from "bullmq";
import { Queue as Queue5, Worker as Worker5 } from "bullmq5";
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";
import { waitFor } from "../worker/workerHelpers";
import { allFinal, endFollower, eventsOf, follower, recordsOf, type TestFollower } from "./historyHelpers";

jest.setTimeout(120_000);

let t: TestApp;
let f: TestFollower;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  t = await createTestApp();
  f = follower(t.env, { batch: 50 });
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await endFollower(f, "stop");
  await t.close();
});

/**
 * Job n: n % 5 == 0 always fails ("broken n", 2 attempts); n % 3 == 0 fails its first attempt ("flaky n");
 * the rest complete. Odd n back off (a `delayed` entry), even n retry at once (`waiting` from active).
 */
const outcome = (n: number) => (n % 5 === 0 ? "broken" : n % 3 === 0 ? "flaky" : "ok");
function expectedEvents(n: number, id: string): string[] {
  if (outcome(n) === "broken")
    return [`${id}/1/active/`, `${id}/1/retry/broken ${n}`, `${id}/2/active/`, `${id}/2/failed/broken ${n}`];
  if (outcome(n) === "flaky") return [`${id}/1/active/`, `${id}/1/retry/flaky ${n}`];
  return [];
}
const options = (n: number) => ({
  jobId: `job-${n}`,
  attempts: 2,
  ...(n % 2 === 1 ? { backoff: { type: "fixed", delay: 10 } } : {}),
});
async function process(job: { data: { n: number }; attemptsMade: number }): Promise<unknown> {
  const { n } = job.data;
  if (outcome(n) === "broken") throw new Error(`broken ${n}`);
  if (outcome(n) === "flaky" && job.attemptsMade === 0) throw new Error(`flaky ${n}`);
  return { done: n };
}

async function checkQueue(queue: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, n) => `job-${n}`);
  await waitFor(`records of ${queue}`, () => allFinal(t.deps.db.pool, queue, ids), 60_000);
  const recs = await recordsOf(t.deps.db.pool, queue);
  expect(recs.size).toBe(count);
  for (let n = 0; n < count; n++) {
    const r = recs.get(`job-${n}`);
    const o = outcome(n);
    expect({ n, status: r?.status, attempt: r?.attempt, reason: r?.failed_reason, payload: r?.payload }).toEqual({
      n,
      status: o === "broken" ? "failed" : "completed",
      attempt: o === "ok" ? 1 : 2,
      reason: o === "broken" ? `broken ${n}` : o === "flaky" ? `flaky ${n}` : null,
      payload: { n },
    });
    expect(r?.history_incomplete).toBe(false);
  }
  const expected = Array.from({ length: count }, (_, n) => expectedEvents(n, `job-${n}`)).flat();
  expect(await eventsOf(t.deps.db.pool, queue)).toEqual(expected.sort());
}

describe("following foreign queues", () => {
  it("records every job of a plain BullMQ 6 producer and worker, failed attempts with their reasons", async () => {
    const connection = { url: t.env.redisUrl };
    const queue = new Queue("ext-orders", { connection, prefix: t.env.queuePrefix });
    closers.push(() => queue.close());
    const COUNT = 40;
    await queue.addBulk(
      Array.from({ length: COUNT }, (_, n) => ({ name: `order-${n}`, data: { n }, opts: options(n) })),
    );
    const worker = new Worker("ext-orders", process, { connection, prefix: t.env.queuePrefix, concurrency: 8 });
    closers.push(() => worker.close());
    await checkQueue("ext-orders", COUNT);
    expect(f.owned()).toContain("ext-orders");

    // Found through the API like any job record.
    const r = await request(t.app)
      .get("/api/v1/platform/system/jobs?queue=ext-orders&status=failed&limit=100")
      .set("X-API-Key", t.keys.viewer);
    expect(r.status).toBe(200);
    const failed = Array.from({ length: COUNT }, (_, n) => n).filter((n) => outcome(n) === "broken");
    expect(r.body.data.pagination.total).toBe(failed.length);
    expect(r.body.data.jobs.map((j: { id: string }) => j.id).sort()).toEqual(failed.map((n) => `job-${n}`).sort());
    expect(r.body.data.jobs[0]).toMatchObject({ queue: "ext-orders", history_incomplete: false, attempts: 2 });
    const detail = await request(t.app)
      .get("/api/v1/platform/system/jobs/job-5?queue=ext-orders")
      .set("X-API-Key", t.keys.viewer);
    expect(detail.status).toBe(200);
    expect(detail.body.data.history.record).toMatchObject({ status: "failed", history_incomplete: false });
    expect(
      detail.body.data.history.events.map((e: { attempt: number; event: string }) => `${e.attempt}/${e.event}`),
    ).toEqual(["1/active", "1/retry", "2/active", "2/failed"]);
  });

  it("records every job of a BullMQ 5 producer and worker", async () => {
    const connection = { host: "127.0.0.1", port: Number(new URL(t.env.redisUrl).port || 6379) };
    const queue = new Queue5("ext-legacy", { connection, prefix: t.env.queuePrefix });
    closers.push(() => queue.close());
    const COUNT = 30;
    await queue.addBulk(
      Array.from({ length: COUNT }, (_, n) => ({ name: `legacy-${n}`, data: { n }, opts: options(n) })),
    );
    const worker = new Worker5("ext-legacy", process, { connection, prefix: t.env.queuePrefix, concurrency: 8 });
    closers.push(() => worker.close());
    await checkQueue("ext-legacy", COUNT);
  });

  it("leaves catalog queues to the write-back", async () => {
    const queue = new Queue("email-sending", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
    closers.push(() => queue.close());
    await queue.add("x", { campaign_id: "c" }, { jobId: "catalog-1" });
    // A non-catalog queue created after it is followed, so discovery has seen both.
    const later = new Queue("ext-after", { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
    closers.push(() => later.close());
    await later.add("y", {}, { jobId: "after-1" });
    await waitFor("ext-after followed", async () => (await recordsOf(t.deps.db.pool, "ext-after")).has("after-1"));
    expect(f.owned()).not.toContain("email-sending");
    expect((await recordsOf(t.deps.db.pool, "email-sending")).size).toBe(0);
  });
});
