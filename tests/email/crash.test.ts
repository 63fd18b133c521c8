// A worker process killed with SIGKILL in the middle of a 1,000-recipient
// batch, then a fresh worker: every recipient receives the message exactly
// once. The sink holds RCPT TO once 300 messages are in, so the kill lands
// while transactions are open (claimed rows that never reached the end of
// data: taken over and sent by the next worker) and right after accepted
// messages whose outcome the killed worker may not have recorded
// ('committing': never re-sent, marked 'unconfirmed').
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import type { Queue } from "bullmq";
import pg from "pg";

import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { producer, waitFor } from "../worker/workerHelpers";
import { addIntegration, campaign, EMAIL_ENV, finished, RETRY_FAST, statuses } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

const MAIN = path.resolve(__dirname, "../../apps/worker/dist/main.js");

let env: TestEnv;
let pool: pg.Pool;
let sink: SmtpSink;
let q: Queue;
const children: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env.env, ...EMAIL_ENV, LOG_LEVEL: "error", HEARTBEAT_INTERVAL_MS: "1000" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}
const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => c.once("exit", () => r()));

beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 2 });
  sink = await startSink({ holdAfter: 300 });
  await addIntegration(pool, { name: "sink", port: sink.port });
  q = producer(env, "email-sending");
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map(exited));
  await q.close();
  await sink.close();
  await pool.end();
  await env.cleanup();
});

it("delivers each recipient exactly once across a SIGKILL mid-batch and a restart", async () => {
  const first = startWorkerProcess();
  await q.add("batch", campaign("crash", 1000), { jobId: "crash-1", ...RETRY_FAST });
  // Mid-batch: RCPT TO is being held, and no transaction is between RCPT and the end of its data.
  await waitFor("held transactions", () => sink.held > 0 && sink.inTransaction === 0, 120_000);
  first.kill("SIGKILL");
  await exited(first);
  const delivered = sink.messages.length;
  expect(delivered).toBeGreaterThanOrEqual(300);
  expect(delivered).toBeLessThan(1000);
  const before = await statuses(pool, "crash");
  expect(before.sending).toBeGreaterThan(0); // claims of the killed worker, never past the envelope
  sink.release();

  startWorkerProcess();
  const job = await finished(q, "crash-1");
  expect(await job.getState()).toBe("completed");

  const counts = sink.countByRecipient();
  const mine = [...counts].filter(([to]) => to.endsWith("@crash.example.com"));
  expect(mine).toHaveLength(1000);
  expect(mine.filter(([, n]) => n !== 1)).toEqual([]);
  const after = await statuses(pool, "crash");
  expect((after.sent ?? 0) + (after.unconfirmed ?? 0)).toBe(1000);
  // Every 'unconfirmed' message is one the sink did accept (the killed worker never recorded the reply).
  const unconfirmed = await pool.query<{ recipient: string }>(
    `SELECT recipient FROM email_messages WHERE campaign_id = 'crash' AND status = 'unconfirmed'`,
  );
  for (const r of unconfirmed.rows) expect(counts.get(r.recipient)).toBe(1);
}, 300_000);
