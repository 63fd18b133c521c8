// The bulk operations' own Lua (packages/redis/src/bullmq/bulkScripts.ts) against
// BullMQ's: the same fixture is built in two queues, BullMQ's clean / drain /
// retryJobs / promoteJobs runs on one and ours on the other, and the keys left
// behind must match (children with parents, deduplication keys, job logs).
// Then what ours adds: locked jobs kept, the age filter walked past young
// jobs, exact counts and limits over many chunks, records updated, and a
// Postgres error retried.
import { FlowProducer, type Queue } from "bullmq";
import type pg from "pg";
import request from "supertest";

import {
  type BulkCtx,
  cleanState,
  countCleanable,
  promoteDelayed,
  retryFinished,
} from "../../apps/api/src/queues/bulk";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { createFixtures, type Fixtures } from "./queuesFixtures";

const BASE = "/api/v1/platform/system/queues";
let t: TestApp;
let f: Fixtures;
let flows: FlowProducer;

beforeAll(async () => {
  t = await createTestApp();
  f = createFixtures(t);
  flows = new FlowProducer({ connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
});
afterAll(async () => {
  await flows.close();
  await f.close();
  await t.close();
});

const ops = () => ({ "X-API-Key": t.keys.ops });
const redis = () => t.deps.queues.connection;
const key = (queue: string, s: string) => `${t.env.queuePrefix}:${queue}:${s}`;
const ctx = (queue: Queue, pool: pg.Pool = t.deps.db.pool): BulkCtx => ({
  redis: redis(),
  pool,
  prefix: t.env.queuePrefix,
  queue,
});

/** Every key of a queue with its queue name replaced, and the members of its lists and sets (event streams left out). */
async function keyState(queue: string): Promise<Record<string, unknown>> {
  const prefix = key(queue, "");
  const out: Record<string, unknown> = {};
  let cursor = "0";
  do {
    const [next, keys] = await redis().scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    for (const k of keys) {
      const name = k.slice(prefix.length);
      const type = await redis().type(k);
      if (type === "stream") continue;
      // Job keys (in lists, sets, and as a parent's processed / failed hash fields) name their queue.
      const norm = (v: string) => v.split(`:${queue}:`).join(":Q:");
      if (type === "list") out[name] = (await redis().lrange(k, 0, -1)).map(norm);
      else if (type === "set") out[name] = (await redis().smembers(k)).map(norm).sort();
      else if (type === "zset") out[name] = (await redis().zrange(k, "0", "-1")).map(norm).sort();
      else if (type === "hash")
        out[name] = Object.keys(await redis().hgetall(k))
          .map(norm)
          .sort();
      else out[name] = type;
    }
  } while (cursor !== "0");
  return out;
}

async function insertRecords(queue: string, ids: string[], status: string) {
  await t.deps.db.pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, created_at)
     SELECT $1, id, 'send', $3, now() FROM unnest($2::text[]) AS id`,
    [queue, ids, status],
  );
}
async function recordCounts(queue: string): Promise<Record<string, number>> {
  const r = await t.deps.db.pool.query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM job_records WHERE queue = $1 GROUP BY status",
    [queue],
  );
  return Object.fromEntries(r.rows.map((row) => [row.status, row.n]));
}

/** Waiting jobs of every kind the removal helpers treat differently, in queue `name`. */
async function waitingFixture(name: string) {
  const q = f.queue(name);
  await q.add("plain", { i: 1 });
  const logged = await q.add("logged", { i: 2 });
  await q.addJobLog(logged.id!, "a log line");
  await q.add("dedup", { i: 3 }, { deduplication: { id: "d1" } });
  // Both children of one parent waiting: removing the last one removes the parent (hard removal).
  await flows.add({
    name: "parent",
    queueName: name,
    data: {},
    opts: { jobId: "p1" },
    children: [
      { name: "child", queueName: name, data: { c: 1 }, opts: { jobId: "c1" } },
      { name: "child", queueName: name, data: { c: 2 }, opts: { jobId: "c2" } },
    ],
  });
  // A child whose parent lives in another queue: that parent moves to its own wait list.
  await flows.add({
    name: "far-parent",
    queueName: `${name}-parents`,
    data: {},
    opts: { jobId: "fp1" },
    children: [{ name: "child", queueName: name, data: { c: 3 }, opts: { jobId: "c3" } }],
  });
  await q.add("plain", { i: 4 });
  return q;
}

describe("same keys as BullMQ", () => {
  it("clean of wait deletes what BullMQ's clean deletes, parents and deduplication keys included", async () => {
    const a = await waitingFixture("same-clean-a");
    const b = await waitingFixture("same-clean-b");
    expect(await keyState("same-clean-a")).toEqual(await keyState("same-clean-b"));
    const rawIds = await a.clean(0, 0, "wait");
    const deleted = await cleanState(ctx(b), "wait", 0, 100_000);
    expect(deleted).toBe(rawIds.length);
    expect(deleted).toBe(7);
    expect(await keyState("same-clean-b")).toEqual(await keyState("same-clean-a"));
    expect(await keyState("same-clean-b-parents")).toEqual(await keyState("same-clean-a-parents"));
    expect(await b.getWaitingCount()).toBe(0);
  });

  it("clean of wait leaves what BullMQ's drain leaves", async () => {
    const a = await waitingFixture("same-drain-a");
    const b = await waitingFixture("same-drain-b");
    await a.drain();
    await cleanState(ctx(b), "wait", 0, 100_000);
    expect(await keyState("same-drain-b")).toEqual(await keyState("same-drain-a"));
  });

  it("retry and clean of failed jobs match retryJobs and clean, children of failed parents included", async () => {
    for (const side of ["a", "b"]) {
      const name = `same-failed-${side}`;
      await f.failJobs(name, 3);
      // A failed child that its parent ignores: it moves to the parent's failed hash, and back on retry.
      await flows.add({
        name: "parent",
        queueName: name,
        data: {},
        opts: { jobId: "p1" },
        children: [
          { name: "child", queueName: name, data: {}, opts: { jobId: "c1", ignoreDependencyOnFailure: true } },
        ],
      });
      const { job, token } = await f.takeJob(name);
      await job.moveToFailed(new Error("child failed"), token, false);
    }
    expect(await keyState("same-failed-b")).toEqual(await keyState("same-failed-a"));
    await f.queue("same-failed-a").retryJobs({ state: "failed", count: 100 });
    expect(
      await retryFinished(ctx(f.queue("same-failed-b")), "failed", Date.now(), 100, { resetAttempts: false }),
    ).toBe(4);
    expect(await keyState("same-failed-b")).toEqual(await keyState("same-failed-a"));
    expect(await redis().lrange(key("same-failed-b", "wait"), 0, -1)).toEqual(
      await redis().lrange(key("same-failed-a", "wait"), 0, -1),
    );
  });

  it("retry with a reset of attempts matches Job#retry with resetAttemptsMade and resetAttemptsStarted", async () => {
    for (const side of ["a", "b"]) await f.failJobs(`same-reset-${side}`, 3);
    const a = f.queue("same-reset-a");
    // Oldest failure first, as ours goes: each LPUSH puts the next one in front.
    for (const job of await a.getJobs(["failed"], 0, -1, true)) {
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
    }
    expect(await retryFinished(ctx(f.queue("same-reset-b")), "failed", Date.now(), 100, { resetAttempts: true })).toBe(
      3,
    );
    expect(await keyState("same-reset-b")).toEqual(await keyState("same-reset-a"));
    const fields = await redis().hgetall(key("same-reset-b", "1"));
    expect(fields).not.toHaveProperty("atm");
    expect(fields).not.toHaveProperty("ats");
  });

  it("clean of failed and promote of delayed match BullMQ's", async () => {
    for (const side of ["a", "b"]) {
      const name = `same-misc-${side}`;
      await f.failJobs(name, 3);
      await f.queue(name).addBulk([1, 2].map((i) => ({ name: "later", data: { i }, opts: { delay: 3_600_000 } })));
    }
    await f.queue("same-misc-a").clean(0, 0, "failed");
    expect(await cleanState(ctx(f.queue("same-misc-b")), "failed", 0, 100)).toBe(3);
    await f.queue("same-misc-a").promoteJobs({ count: 100 });
    expect(await promoteDelayed(ctx(f.queue("same-misc-b")), 100)).toBe(2);
    expect(await keyState("same-misc-b")).toEqual(await keyState("same-misc-a"));
  });
});

describe("clean of a list", () => {
  it("keeps a waiting job whose lock is held, and counts it out", async () => {
    const q = f.queue("locked-wait");
    await q.addBulk([1, 2, 3].map((i) => ({ name: "w", data: { i } })));
    // Job 1 becomes active (locked, processedOn set), then is put back at the tail of wait with its lock.
    const { job } = await f.takeJob("locked-wait");
    await redis().lrem(key("locked-wait", "active"), 0, job.id!);
    await redis().rpush(key("locked-wait", "wait"), job.id!);
    expect(await countCleanable(ctx(q), "wait", 0, 100)).toBe(2);
    expect(await cleanState(ctx(q), "wait", 0, 100)).toBe(2);
    expect(await redis().lrange(key("locked-wait", "wait"), 0, -1)).toEqual([job.id]);
    expect(await redis().exists(key("locked-wait", job.id!))).toBe(1);
    // Once the lock is gone, the job is deleted like any other.
    await redis().del(key("locked-wait", `${job.id}:lock`));
    expect(await cleanState(ctx(q), "wait", 0, 100)).toBe(1);
    expect(await redis().exists(key("locked-wait", job.id!))).toBe(0);
  });

  it("applies the grace period job by job, walking past the young ones", async () => {
    const q = f.queue("aged-wait");
    const jobs = await q.addBulk([1, 2, 3, 4, 5].map((i) => ({ name: "w", data: { i } })));
    const old = String(Date.now() - 2 * 3600_000);
    for (const j of [jobs[0]!, jobs[2]!, jobs[3]!]) await redis().hset(key("aged-wait", j.id!), "timestamp", old);
    await insertRecords(
      "aged-wait",
      jobs.map((j) => j.id!),
      "waiting",
    );
    const url = `${BASE}/aged-wait/clean`;
    const dry = await request(t.app).post(url).set(ops()).send({ state: "wait", grace_seconds: 3600, dry_run: true });
    expect(dry.body.data).toEqual({ queue: "aged-wait", state: "wait", matched: 3, deleted: 0, dry_run: true });
    const r = await request(t.app).post(url).set(ops()).send({ state: "wait", grace_seconds: 3600 });
    expect(r.body.data).toMatchObject({ matched: 3, deleted: 3 });
    // The young jobs stay, in their order.
    expect(await redis().lrange(key("aged-wait", "wait"), 0, -1)).toEqual([jobs[4]!.id, jobs[1]!.id]);
    expect(await recordCounts("aged-wait")).toEqual({ removed: 3, waiting: 2 });
  });

  it("counts and deletes exactly `limit`, oldest first, over many chunks", async () => {
    const name = "many-wait";
    const q = f.queue(name);
    const jobs = await q.addBulk(Array.from({ length: 2_500 }, (_, i) => ({ name: "w", data: { i } })));
    const ids = jobs.map((j) => j.id!);
    await insertRecords(name, ids, "waiting");
    const url = `${BASE}/${name}/clean`;
    const all = await request(t.app).post(url).set(ops()).send({ state: "wait", dry_run: true, limit: 100_000 });
    expect(all.body.data.matched).toBe(2_500);
    const dry = await request(t.app).post(url).set(ops()).send({ state: "wait", dry_run: true, limit: 2_100 });
    expect(dry.body.data.matched).toBe(2_100);
    const r = await request(t.app).post(url).set(ops()).send({ state: "wait", limit: 2_100 });
    expect(r.body.data).toMatchObject({ matched: 2_100, deleted: 2_100 });
    // The 400 newest are left, untouched and in order; the deleted jobs' records say so.
    expect(await redis().lrange(key(name, "wait"), 0, -1)).toEqual(ids.slice(2_100).reverse());
    expect(await redis().exists(...ids.slice(0, 2_100).map((id) => key(name, id)))).toBe(0);
    expect(await recordCounts(name)).toEqual({ removed: 2_100, waiting: 400 });
    expect((await audits("queue.clean")).at(-1)).toMatchObject({ target: `queue:${name}`, outcome: "success" });
  });
});

const audits = (action: string) => t.deps.db.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("sets and records", () => {
  it("keeps a job scheduler's next job when cleaning delayed jobs", async () => {
    const q = f.queue("sched-delayed");
    // Yearly, so its next job is delayed.
    await q.upsertJobScheduler("yearly", { pattern: "0 0 1 1 *" }, { name: "tick" });
    await q.addBulk([1, 2].map((i) => ({ name: "later", data: { i }, opts: { delay: 3_600_000 } })));
    const next = (await q.getDelayed()).find((j) => j.id!.startsWith("repeat:"));
    expect(next).toBeDefined();
    expect(await countCleanable(ctx(q), "delayed", 0, 100)).toBe(2);
    expect(await cleanState(ctx(q), "delayed", 0, 100)).toBe(2);
    expect((await q.getDelayed()).map((j) => j.id)).toEqual([next!.id]);
  });

  it("retries over many chunks within `limit` and marks every record", async () => {
    const name = "many-retry";
    const q = f.queue(name);
    // Failed jobs written as moveToFinished leaves them (hash + failed set by finishedOn), 10 a ms apart.
    const now = Date.now() - 60_000;
    const ids = Array.from({ length: 1_500 }, (_, i) => `r${i}`);
    const p = redis().pipeline();
    ids.forEach((id, i) => {
      p.hset(key(name, id), "name", "w", "data", "{}", "opts", "{}", "timestamp", now, "finishedOn", now + i);
      p.zadd(key(name, "failed"), now + i, id);
    });
    await p.exec();
    await insertRecords(name, ids, "failed");
    expect(await retryFinished(ctx(q), "failed", Date.now(), 1_200, { resetAttempts: true })).toBe(1_200);
    expect(await q.getFailedCount()).toBe(300);
    // Oldest failure first: the 300 left are the newest.
    expect(await redis().zrange(key(name, "failed"), "0", "-1")).toEqual(ids.slice(1_200));
    expect(await recordCounts(name)).toEqual({ waiting: 1_200, failed: 300 });
  });

  it("retries a failed record update, so a Postgres blip loses no record", async () => {
    const name = "pg-blip";
    const q = f.queue(name);
    const jobs = await q.addBulk([1, 2, 3].map((i) => ({ name: "w", data: { i } })));
    await insertRecords(
      name,
      jobs.map((j) => j.id!),
      "waiting",
    );
    let failures = 1;
    const flaky = {
      query: (...args: Parameters<pg.Pool["query"]>) => {
        if (failures-- > 0) return Promise.reject(new Error("connection terminated unexpectedly"));
        return (t.deps.db.pool.query as (...a: unknown[]) => unknown)(...args);
      },
    } as unknown as pg.Pool;
    expect(await cleanState(ctx(q, flaky), "wait", 0, 100)).toBe(3);
    expect(await recordCounts(name)).toEqual({ removed: 3 });
  });

  it("reports a record update that keeps failing, after the Redis work it already did", async () => {
    const name = "pg-down";
    const q = f.queue(name);
    await q.addBulk([1, 2].map((i) => ({ name: "w", data: { i } })));
    const down = { query: () => Promise.reject(new Error("ECONNREFUSED")) } as unknown as pg.Pool;
    await expect(cleanState(ctx(q, down), "wait", 0, 100)).rejects.toThrow("ECONNREFUSED");
    expect(await q.getWaitingCount()).toBe(0);
  });
});
