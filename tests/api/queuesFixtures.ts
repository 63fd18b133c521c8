// Plain BullMQ producers and hand-driven workers for the queue and job tests:
// the jobs are made by BullMQ itself (not Opsdeck code), and a worker with
// autorun off moves them through active / failed deterministically, with no
// sleeps or timing.
import { randomUUID } from "node:crypto";

import { Job, Queue, Worker } from "bullmq";

import type { TestApp } from "../helpers/testApp";

export interface Fixtures {
  queue(name: string): Queue;
  /** A worker that only fetches when told to (getNextJob), so tests control every step. */
  worker(name: string): Worker;
  /** Adds `n` jobs and fails each through a worker: real failed jobs with a reason and a stack. */
  failJobs(name: string, n: number, data?: (i: number) => Record<string, unknown>): Promise<Job[]>;
  /** Takes the next waiting job: it becomes active and locked by the returned token. */
  takeJob(name: string): Promise<{ job: Job; token: string }>;
  close(): Promise<void>;
}

export function createFixtures(t: TestApp): Fixtures {
  const connection = { url: t.env.redisUrl };
  const prefix = t.env.queuePrefix;
  const queues = new Map<string, Queue>();
  const workers = new Map<string, Worker>();
  const queue = (name: string) => {
    let q = queues.get(name);
    if (!q) queues.set(name, (q = new Queue(name, { connection, prefix })));
    return q;
  };
  const worker = (name: string) => {
    let w = workers.get(name);
    if (!w)
      workers.set(name, (w = new Worker(name, null, { connection, prefix, autorun: false, lockDuration: 60_000 })));
    return w;
  };
  async function takeJob(name: string) {
    const token = randomUUID();
    const job = (await worker(name).getNextJob(token, { block: false })) as Job | undefined;
    if (!job) throw new Error(`no waiting job in ${name}`);
    return { job, token };
  }
  return {
    queue,
    worker,
    takeJob,
    async failJobs(name, n, data = (i) => ({ n: i })) {
      const jobs: Job[] = [];
      for (let i = 0; i < n; i++) {
        await queue(name).add("send", data(i), { attempts: 1 });
        const { job, token } = await takeJob(name);
        await job.moveToFailed(new Error(`SMTP connection timeout #${i}`), token, false);
        jobs.push(job);
      }
      return jobs;
    },
    async close() {
      await Promise.all([...workers.values()].map((w) => w.close(true)));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
