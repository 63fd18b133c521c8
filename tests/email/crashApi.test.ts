// A campaign sent through the API to two worker processes, one of which is
// killed with SIGKILL mid-campaign while it holds claims: nothing is lost
// (every recipient ends final, the campaign's counts add up), nothing is sent
// twice, and the surviving worker keeps sending other batches while the dead
// one's batches are recovered (they give their slot back instead of waiting
// in it for the lease, 60 s here, which the test never reaches).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { Job } from "bullmq";
import request from "supertest";

import { createTestApp, type TestApp } from "../helpers/testApp";
import { waitFor } from "../worker/workerHelpers";
import { addIntegration, EMAIL_ENV, SINK_DESTINATIONS } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

const MAIN = path.resolve(__dirname, "../../apps/worker/dist/main.js");
const N = 2_000;

let t: TestApp;
let sink: SmtpSink;
const children: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      ...t.env.env,
      ...EMAIL_ENV,
      LOG_LEVEL: "error",
      HEARTBEAT_INTERVAL_MS: "500",
      EMAIL_CLAIM_LEASE_MS: "60000",
      WORKER_CONCURRENCY_EMAIL_SENDING: "2",
    },
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
  t = await createTestApp({ ...SINK_DESTINATIONS, EMAIL_JOB_ATTEMPTS: "5", EMAIL_JOB_BACKOFF_MS: "200" });
  sink = await startSink();
  await addIntegration(t.deps.db.pool, { name: "sink", port: sink.port });
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map(exited));
  await sink.close();
  await t.close();
});

it("loses nothing and sends nothing twice when a worker is killed mid-campaign; the survivor keeps sending", async () => {
  const victim = startWorkerProcess();
  startWorkerProcess();
  const r = await request(t.app)
    .post("/api/v1/platform/email/campaigns")
    .set("X-API-Key", t.keys.ops)
    .set("Idempotency-Key", "crash-campaign")
    .send({
      from: "Opsdeck <news@example.com>",
      subject: "Hi {{n}}",
      text: "Hello {{n}}",
      batch_size: 100,
      recipients: Array.from({ length: N }, (_, i) => ({ email: `u${i}@crash.example.com`, variables: { n: `${i}` } })),
    });
  expect(r.status).toBe(202);
  const id = r.body.data.campaign_id as string;
  const pool = t.deps.db.pool;
  // Mid-campaign, with the victim holding claims.
  const victimClaims = () =>
    pool.query<{ job_id: string }>(
      `SELECT DISTINCT m.job_id FROM email_messages m JOIN worker_heartbeats h ON h.id = m.claimed_by
       WHERE h.pid = $1 AND m.status IN ('sending', 'committing')`,
      [victim.pid],
    );
  await waitFor("the victim holding claims mid-campaign", async () => {
    if (sink.messages.length < 300) return false;
    return (await victimClaims()).rows.length > 0;
  });
  victim.kill("SIGKILL");
  await exited(victim);
  const killedAt = Date.now();
  // Read at once: the survivor releases them once the victim's heartbeat is 1.5 s silent.
  const victimJobs = (await victimClaims()).rows.map((x) => x.job_id);
  expect(victimJobs.length).toBeGreaterThan(0);
  expect(sink.messages.length).toBeLessThan(N);

  const c = await waitFor(
    "campaign finished",
    async () => {
      const v = await request(t.app).get(`/api/v1/platform/email/campaigns/${id}`).set("X-API-Key", t.keys.ops);
      return v.body.data.finished_at !== null ? v.body.data : undefined;
    },
    120_000,
  );
  expect(c.counts.sent + c.counts.unconfirmed).toBe(N);
  expect(c.counts).toMatchObject({ queued: 0, sending: 0, failed: 0, deferred: 0, bounced: 0 });
  const counts = [...sink.countByRecipient()].filter(([to]) => to.endsWith("@crash.example.com"));
  expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
  // 'unconfirmed' is a message the victim was killed with between marking it and the server's reply:
  // the server may or may not have it (the kill can land before the end of data reached it), and it is
  // never sent again. Every other recipient arrived exactly once.
  const unconfirmed = await pool.query<{ recipient: string }>(
    `SELECT recipient FROM email_messages WHERE campaign_id = $1 AND status = 'unconfirmed'`,
    [id],
  );
  const maybe = new Set(unconfirmed.rows.map((u) => u.recipient));
  const received = new Set(counts.map(([to]) => to));
  const missing = Array.from({ length: N }, (_, i) => `u${i}@crash.example.com`).filter((to) => !received.has(to));
  expect(missing.filter((to) => !maybe.has(to))).toEqual([]);

  // While the victim's batches were being recovered, the survivor kept sending other batches.
  const queue = t.deps.queues.get("email-sending");
  const recoveredBy = Math.max(
    ...(await Promise.all(victimJobs.map(async (j) => (await Job.fromId(queue, j))?.finishedOn ?? 0))),
  );
  const victimBatch = new Set(victimJobs.map((j) => Number(j.split("-").pop())));
  const others = sink.messages.filter((m) => {
    const i = Number(/^u(\d+)@/.exec(m.to[0] ?? "")?.[1]);
    return m.at > killedAt && m.at < recoveredBy && !victimBatch.has(Math.floor(i / 100));
  });
  expect(others.length).toBeGreaterThan(0);
}, 150_000);
