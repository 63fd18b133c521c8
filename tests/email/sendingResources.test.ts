// The email sending resources (integration router, the send path's Postgres
// pool and its group commits) belong to the runtime that built them: two
// runtimes in one process, each on its own database, and closing one while
// the other has a message in flight leaves the other's send untouched (one
// attempt, every message sent); a closed runtime leaves no Postgres
// connection of the worker's behind.
import type { Queue } from "bullmq";
import pg from "pg";

import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { backendsNamed, producer, silentLogger, testConfig, waitFor } from "../worker/workerHelpers";
import { addIntegration, campaign, EMAIL_ENV, finished, RETRY_FAST, statuses } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

/** Long enough (ms) that a held RCPT outlives neither the claim nor the SMTP socket on a busy machine. */
const PATIENT = { EMAIL_CLAIM_LEASE_MS: "60000", EMAIL_SMTP_SOCKET_TIMEOUT_MS: "60000" };

interface Side {
  env: TestEnv;
  pool: pg.Pool;
  rt: WorkerRuntime;
  q: Queue;
}

let sink: SmtpSink;
const sides: Side[] = [];

async function side(): Promise<Side> {
  const env = await createTestEnv();
  const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  await addIntegration(pool, { name: "sink", port: sink.port });
  const rt = startWorker(testConfig(env, { ...EMAIL_ENV, ...PATIENT }), silentLogger());
  const s = { env, pool, rt, q: producer(env, "email-sending") };
  sides.push(s);
  await rt.ready();
  return s;
}

beforeAll(async () => {
  sink = await startSink();
});
afterAll(async () => {
  for (const s of sides) {
    await s.rt.close();
    await s.q.close();
    await s.pool.end();
    await s.env.cleanup();
  }
  await sink.close();
});

it("closing one runtime leaves another's email sending alone, and leaves no worker connection behind", async () => {
  const a = await side();
  const b = await side();
  // A has sent (its router, SMTP pool and send-path pool are in use) before it closes.
  await a.q.add("batch", campaign("side-a", 5), { jobId: "a-1", ...RETRY_FAST });
  expect((await finished(a.q, "a-1")).returnvalue).toMatchObject({ total: 5, sent: 5 });
  expect(await backendsNamed(a.pool, "opsdeck-worker")).toMatchObject({ "opsdeck-worker-email": expect.any(Number) });

  // B's messages are claimed and their SMTP transactions open (RCPT TO held) while A closes.
  sink.holdRcpt();
  await b.q.add("batch", campaign("side-b", 5), { jobId: "b-1", ...RETRY_FAST });
  await waitFor("B's transactions held at RCPT TO", () => sink.held > 0);
  await a.rt.close();
  await waitFor("A's Postgres connections closed", async () =>
    Object.keys(await backendsNamed(a.pool, "opsdeck-worker")).length === 0 ? true : undefined,
  );

  sink.release();
  const job = await finished(b.q, "b-1");
  expect(job.failedReason).toBeUndefined();
  expect(job.attemptsMade).toBe(1); // not cut short by A's close: no retry was needed
  expect(job.returnvalue).toMatchObject({ total: 5, sent: 5 });
  expect(await statuses(b.pool, "side-b")).toEqual({ sent: 5 });

  await b.rt.close();
  await waitFor("B's Postgres connections closed", async () =>
    Object.keys(await backendsNamed(b.pool, "opsdeck-worker")).length === 0 ? true : undefined,
  );
});
