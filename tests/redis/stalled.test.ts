// One definition of "stalled" (packages/redis/src/bullmq/stalled.ts): the
// stalled count of the queue listing and the total of `?status=stalled` use
// the same scan bound, so they agree even on a queue with more active jobs
// than the bound. The active jobs are BullMQ's own (added by a producer and
// moved to active by a worker), their locks then removed as a dead worker's
// would lapse.
import { Queue, Worker } from "bullmq";
import request from "supertest";

import { STALLED_SCAN_LIMIT } from "../../packages/redis/src";
import { createTestApp, type TestApp } from "../helpers/testApp";

const QUEUE = "many-active";
const JOBS = STALLED_SCAN_LIMIT + 200;

let t: TestApp;
let queue: Queue;
let worker: Worker;

beforeAll(async () => {
  t = await createTestApp();
  const connection = { url: t.env.redisUrl };
  queue = new Queue(QUEUE, { connection, prefix: t.env.queuePrefix });
  worker = new Worker(QUEUE, null, { connection, prefix: t.env.queuePrefix, autorun: false });
  await queue.addBulk(Array.from({ length: JOBS }, (_, i) => ({ name: "job", data: { i } })));
  for (let i = 0; i < JOBS; i++) await worker.getNextJob(`token-${i}`, { block: false });
  // The worker "dies": every lock lapses.
  const redis = t.deps.queues.connection;
  const active = await redis.lrange(`${t.env.queuePrefix}:${QUEUE}:active`, 0, -1);
  expect(active).toHaveLength(JOBS);
  await redis.del(...active.map((id) => `${t.env.queuePrefix}:${QUEUE}:${id}:lock`));
});

afterAll(async () => {
  await worker.close();
  await queue.close();
  await t.close();
});

test("the listing's stalled count and the stalled listing's total agree past the scan bound", async () => {
  const list = await request(t.app).get("/api/v1/platform/system/queues").set("X-API-Key", t.keys.viewer).expect(200);
  const summary = (list.body.data.queues as { name: string; stalled_jobs: number }[]).find((q) => q.name === QUEUE);
  const page = await request(t.app)
    .get(`/api/v1/platform/system/queues/${QUEUE}/jobs?status=stalled&limit=1`)
    .set("X-API-Key", t.keys.viewer)
    .expect(200);
  const detail = await request(t.app)
    .get(`/api/v1/platform/system/queues/${QUEUE}`)
    .set("X-API-Key", t.keys.viewer)
    .expect(200);
  expect(summary?.stalled_jobs).toBe(STALLED_SCAN_LIMIT);
  expect(page.body.data.pagination.total).toBe(STALLED_SCAN_LIMIT);
  expect(detail.body.data.counts.stalled).toBe(STALLED_SCAN_LIMIT);
});
