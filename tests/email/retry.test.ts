// A server that answers 421 to its first connections: the job fails its first
// attempts (no integration can take the messages), BullMQ retries it with
// backoff, the circuit breaker lets a trial through after its cool-down, and
// the job finishes later with every message delivered once.
import type { Queue } from "bullmq";
import pg from "pg";

import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { producer, silentLogger, testConfig } from "../worker/workerHelpers";
import { addIntegration, campaign, EMAIL_ENV, finished, statuses } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

let env: TestEnv;
let pool: pg.Pool;
let rt: WorkerRuntime;
let q: Queue;
let sink: SmtpSink;

beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  sink = await startSink({ refuseFirstConnections: 4 });
  await addIntegration(pool, { name: "busy", port: sink.port });
  rt = startWorker(testConfig(env, { ...EMAIL_ENV, EMAIL_CIRCUIT_COOLDOWN_MS: "200" }), silentLogger());
  await rt.ready();
  q = producer(env, "email-sending");
});
afterAll(async () => {
  await rt.close();
  await q.close();
  await sink.close();
  await pool.end();
  await env.cleanup();
});

it("retries the job while the server answers 421 and finishes later, each message once", async () => {
  await q.add("batch", campaign("busy", 20), { jobId: "busy-1", attempts: 10, backoff: { type: "fixed", delay: 300 } });
  const job = await finished(q, "busy-1");
  expect(await job.getState()).toBe("completed");
  expect(job.returnvalue).toMatchObject({ total: 20, sent: 20 });
  expect(job.attemptsMade).toBeGreaterThanOrEqual(2);
  expect((job.stacktrace ?? []).join("\n")).toContain("421");
  expect(sink.connections).toBeGreaterThan(4);
  const got = [...sink.countByRecipient()].filter(([to]) => to.endsWith("@busy.example.com"));
  expect(got).toHaveLength(20);
  expect(got.every(([, n]) => n === 1)).toBe(true);
  expect(await statuses(pool, "busy")).toEqual({ sent: 20 });
  const row = await pool.query(`SELECT circuit_state, consecutive_failures FROM smtp_integrations WHERE name = 'busy'`);
  expect(row.rows[0]).toEqual({ circuit_state: "closed", consecutive_failures: 0 });
});
