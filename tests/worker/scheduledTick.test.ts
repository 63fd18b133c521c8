// The scheduled tick (metric-rollups jobs) through the worker runtime: every
// tick runs over the runtime's one Redis client (named
// opsdeck-worker-rollups; the same connection after several ticks, closed
// with the runtime), and alert changes go to the alert-webhooks queue through
// the runtime's producer with ALERT_WEBHOOK_ATTEMPTS / _BACKOFF_MS.
import { Job, type Queue } from "bullmq";
import pg from "pg";

import { startWorker } from "../../apps/worker/src/runtime";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { ownRedisClients, producer, silentLogger, testConfig, waitFor } from "./workerHelpers";

let env: TestEnv;
let pool: pg.Pool;
const queues: Queue[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
});
afterAll(async () => {
  for (const q of queues) await q.close();
  await pool.end();
  await env.cleanup();
});
const open = (name: string) => {
  const q = producer(env, name);
  queues.push(q);
  return q;
};

it("runs every tick over the runtime's Redis client and queues alert webhooks through its producer", async () => {
  const backlog = open("tick-backlog");
  await backlog.addBulk([
    { name: "a", data: {} },
    { name: "b", data: {} },
  ]);
  const rt = startWorker(
    testConfig(env, {
      WORKER_QUEUES: "metric-rollups",
      ALERT_THRESHOLDS: JSON.stringify({
        "*": { disabled: ["no_workers", "service_status"] },
        "tick-backlog": { backlog: 1 },
      }),
      // Never contacted: this worker does not serve alert-webhooks, so the jobs wait in the queue.
      ALERT_WEBHOOK_URL: "https://hooks.example.com/opsdeck",
      ALERT_WEBHOOK_ALLOWLIST: "hooks.example.com",
      ALERT_WEBHOOK_ATTEMPTS: "3",
      ALERT_WEBHOOK_BACKOFF_MS: "700",
    }),
    silentLogger(),
  );
  try {
    await rt.ready();
    const rollups = open("metric-rollups");
    const tick = async (id: string) => {
      await rollups.add("minute", { kind: "minute" }, { jobId: id });
      const job = await waitFor(`tick ${id}`, async () => {
        const j = await Job.fromId(rollups, id);
        return j?.finishedOn ? j : undefined;
      });
      expect(job.failedReason).toBeUndefined();
    };

    await tick("tick-1");
    const first = await ownRedisClients(env.redisUrl, "opsdeck-worker-rollups");
    expect(first).toHaveLength(1); // a client per tick would be closed by now
    for (const id of ["tick-2", "tick-3", "tick-4"]) await tick(id);
    expect(await ownRedisClients(env.redisUrl, "opsdeck-worker-rollups")).toEqual([
      expect.objectContaining({ id: first[0]?.id }),
    ]);

    const alert = await pool.query<{ id: string }>(
      `SELECT id::text AS id FROM alerts WHERE rule = 'queue_backlog' AND subject = 'tick-backlog'`,
    );
    expect(alert.rows).toHaveLength(1);
    const hook = await open("alert-webhooks").getJob(`alert-${alert.rows[0]?.id}-opened`);
    expect(hook?.data).toMatchObject({ event: "opened", alert: { rule: "queue_backlog", subject: "tick-backlog" } });
    expect(hook?.opts).toMatchObject({ attempts: 3, backoff: { type: "exponential", delay: 700 } });
    const held = await ownRedisClients(env.redisUrl, "opsdeck-worker");
    expect(held.length).toBeGreaterThan(1); // the check after close() below is not vacuous
  } finally {
    await rt.close();
  }
  // Closed with the runtime: no Redis connection of the worker's is left in this process.
  await waitFor("the runtime's Redis connections closed", async () =>
    (await ownRedisClients(env.redisUrl, "opsdeck-worker")).length === 0 ? true : undefined,
  );
});
