// A server that answers 421 to its first connections: the job fails its first
// attempts (no integration can take the messages), BullMQ retries it with
// backoff, the circuit breaker lets a trial through after its cool-down, and
// the job finishes later with every message delivered once.
import type { Queue } from "bullmq";
import type pg from "pg";

import { addIntegration, campaign, finished, statuses } from "./emailHelpers";
import { type EmailWorker, startEmailWorker } from "./emailWorker";
import type { SmtpSink } from "./smtpSink";

let w: EmailWorker;
let pool: pg.Pool;
let q: Queue;
let sink: SmtpSink;

beforeAll(async () => {
  w = await startEmailWorker({
    poolMax: 2,
    sink: { refuseFirstConnections: 4 },
    workerEnv: { EMAIL_CIRCUIT_COOLDOWN_MS: "200" },
    setup: async (p, s) => {
      await addIntegration(p, { name: "busy", port: s.port });
    },
  });
  ({ pool, q, sink } = w);
});
afterAll(() => w.close());

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
