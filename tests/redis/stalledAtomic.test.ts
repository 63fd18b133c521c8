// The stalled listing reads the active list and the locks at one instant
// (packages/redis/src/bullmq/stalled.ts). A job that finishes while the list is
// read must not show as stalled: read in two round trips, its id came back in
// the active list, then its lock was gone with it, and it was listed.
//
// The race is made deterministic rather than timed: the client handed to the
// read runs a "finisher" (BullMQ completing one of the active jobs, on another
// connection) right after the first reply it delivers — exactly where a second
// round trip would look. A one-round-trip read has already answered by then.
// The last test runs a two-round-trip read under the same race to show the race
// does catch it. The queue prefix is hash-tagged, as on Redis Cluster.
import { Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";

import { fetchQueueCounts, stalledJobIds } from "../../packages/redis/src";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";

let env: TestEnv;
let prefix: string;
let redis: Redis;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  prefix = `{${env.queuePrefix}}`;
  redis = new Redis(env.redisUrl);
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== "0");
  redis.disconnect();
  await env.cleanup();
});

/**
 * A queue with three active jobs, taken by a worker as BullMQ does: `finishing` (locked, about to
 * complete), `stalled` (its lock lapsed: deleted, as a dead worker's would expire) and `running` (locked).
 */
async function activeJobs(queueName: string) {
  const connection = { url: env.redisUrl };
  const queue = new Queue(queueName, { connection, prefix });
  const worker = new Worker(queueName, null, { connection, prefix, autorun: false });
  closers.push(
    () => queue.close(),
    () => worker.close(),
  );
  await queue.addBulk(["finishing", "stalled", "running"].map((name) => ({ name, data: {} })));
  const taken = new Map<string, { job: Job; token: string }>();
  for (let i = 0; i < 3; i++) {
    const token = `token-${i}`;
    const job = (await worker.getNextJob(token, { block: false })) as Job;
    taken.set(job.name, { job, token });
  }
  const get = (name: string) => taken.get(name) as { job: Job; token: string };
  await redis.del(`${prefix}:${queueName}:${get("stalled").job.id}:lock`);
  let finished = false;
  return {
    ids: { finishing: get("finishing").job.id, stalled: get("stalled").job.id },
    /** Completes `finishing` through BullMQ (active list out, lock released, completed set in); once. */
    async finishOnce() {
      if (finished) return;
      finished = true;
      const { job, token } = get("finishing");
      await job.moveToCompleted("done", token, false);
    },
  };
}

/** `target`, except that after each reply it delivers (command, script or pipeline) `between` runs first. */
function racing(target: Redis, between: () => Promise<void>): Redis {
  const after = <T>(p: Promise<T>) =>
    p.then(async (v) => {
      await between();
      return v;
    });
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const r: unknown = (value as (...a: unknown[]) => unknown).apply(t, args);
        if (r instanceof Promise) return after(r);
        if (prop === "pipeline") {
          const pipeline = r as { exec: (...a: unknown[]) => Promise<unknown> };
          const exec = pipeline.exec.bind(pipeline);
          pipeline.exec = (...a: unknown[]) => after(exec(...a));
        }
        return r;
      };
    },
  });
}

test("a job finishing during the read is not listed as stalled; the listing agrees with the count", async () => {
  const q = await activeJobs("atomic");
  const ids = await stalledJobIds(racing(redis, q.finishOnce), prefix, "atomic");
  expect(ids).toEqual([q.ids.stalled]);
  // The finisher did run (after the read), and the counts script, read now, sees the same stalled job.
  expect(await redis.lpos(`${prefix}:atomic:active`, q.ids.finishing as string)).toBeNull();
  expect((await fetchQueueCounts(redis, prefix, ["atomic"])).get("atomic")?.stalled).toBe(ids.length);
});

test("the read is one command on Redis", async () => {
  await activeJobs("one-call");
  let replies = 0;
  const ids = await stalledJobIds(
    racing(redis, async () => void replies++),
    prefix,
    "one-call",
  );
  expect(ids).toHaveLength(1);
  expect(replies).toBe(1);
});

test("the race catches a read in two round trips (the listing before it was one script)", async () => {
  const q = await activeJobs("two-trips");
  const r = racing(redis, q.finishOnce);
  const base = `${prefix}:two-trips:`;
  const active = await r.lrange(`${base}active`, 0, 999);
  const p = r.pipeline();
  for (const id of active) p.exists(`${base}${id}:lock`);
  const locked = (await p.exec()) ?? [];
  const twoTrips = active.filter((_, i) => locked[i]?.[1] === 0);
  expect(twoTrips).toContain(q.ids.finishing);
  expect(twoTrips).toContain(q.ids.stalled);
});
