// Gap repair's walk of a queue (packages/redis/src/bullmq/events.ts
// queueJobIds): unfinished jobs by index, finished ones by score (BullMQ's
// finishedOn) from a given time on, newest first, paged so that members
// sharing a score across a page boundary are each given once, and never more
// than `max` (the oldest finished left out).
import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";

import { type JobIdPage, queueJobIds } from "../../packages/redis/src";
import { REDIS_URL } from "../helpers/testEnv";

const prefix = `test-qji-${randomBytes(4).toString("hex")}`;
let redis: Redis;
beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.unlink(...keys);
  redis.disconnect();
});

async function walk(queue: string, batch: number, max: number, since: number): Promise<JobIdPage[]> {
  const pages: JobIdPage[] = [];
  for await (const page of queueJobIds(redis, prefix, queue, batch, max, since)) pages.push(page);
  return pages;
}

test("finished jobs before `finishedSince` are left out; ties at a page boundary are each given once", async () => {
  const completed = `${prefix}:q:completed`;
  // 3 finished before the cut, 10 sharing one finishedOn (more than a page), 5 after.
  for (let i = 0; i < 3; i++) await redis.zadd(completed, 500 + i, `old${i}`);
  for (let i = 0; i < 10; i++) await redis.zadd(completed, 1_000, `tie${i}`);
  for (let i = 0; i < 5; i++) await redis.zadd(completed, 2_000 + i, `new${i}`);
  await redis.rpush(`${prefix}:q:wait`, "w1", "w2", "w3", "w4", "w5");
  await redis.zadd(`${prefix}:q:failed`, 400, "f-old", 1_500, "f-new");

  const pages = await walk("q", 4, 1_000, 1_000);
  const byState = (state: string) => pages.filter((p) => p.state === state).flatMap((p) => p.ids);
  expect(byState("wait")).toEqual(["w1", "w2", "w3", "w4", "w5"]);
  expect(byState("failed")).toEqual(["f-new"]);
  const done = byState("completed");
  expect(done).toHaveLength(15);
  expect(new Set(done).size).toBe(15);
  expect(done.filter((id) => id.startsWith("old"))).toEqual([]);
  for (const p of pages) {
    expect(p.ids.length).toBeLessThanOrEqual(4);
    if (p.state === "wait") expect(p.finishedOn).toBeNull();
    else
      expect(p.finishedOn).toEqual(
        p.ids.map((id) => (id.startsWith("tie") ? 1_000 : id === "f-new" ? 1_500 : 2_000 + Number(id.slice(3)))),
      );
  }

  // Newest first: a walk cut short by `max` leaves out the oldest finished jobs.
  expect(done.slice(0, 5)).toEqual(["new4", "new3", "new2", "new1", "new0"]);
  const capped = await walk("q", 4, 9, 1_000); // the 5 waiting, f-new, then 3 completed
  expect(capped.flatMap((p) => p.ids)).toEqual(["w1", "w2", "w3", "w4", "w5", "f-new", "new4", "new3", "new2"]);
});
