// Batches whose recipients another worker process has claimed, with a real
// worker (one slot for email-sending), Redis, Postgres and the SMTP sink. The
// other process ("ghost") is a heartbeat row and claim rows written here:
//  - while it looks alive, the batch gives its slot back (delayed) instead of
//    waiting in it, so another batch runs meanwhile; once its heartbeat has
//    been silent for three intervals its claims are released long before their
//    lease ends, each message is sent once, and its old claim token no longer
//    moves anything to 'committing' (the fence a slow process meets);
//  - what a live holder finishes is never sent again.
import { randomUUID } from "node:crypto";

import type { Job, Queue } from "bullmq";
import type pg from "pg";

import { markCommittingBatch, upsertWorkerHeartbeat } from "../../packages/db/src";
import { waitFor } from "../worker/workerHelpers";
import { addIntegration, campaign, finished, RETRY_FAST } from "./emailHelpers";
import { type EmailWorker, startEmailWorker } from "./emailWorker";
import type { SmtpSink } from "./smtpSink";

const LEASE_MS = 60_000;
let w: EmailWorker;
let pool: pg.Pool;
let sink: SmtpSink;
let q: Queue;

beforeAll(async () => {
  w = await startEmailWorker({
    poolMax: 3,
    workerEnv: {
      EMAIL_CLAIM_LEASE_MS: String(LEASE_MS),
      // Dead after 3 × 300 ms of silence.
      HEARTBEAT_INTERVAL_MS: "300",
      WORKER_CONCURRENCY_EMAIL_SENDING: "1",
    },
    setup: async (p, s) => {
      await addIntegration(p, { name: "sink", port: s.port });
    },
  });
  ({ pool, sink, q } = w);
});
afterAll(() => w.close());

async function beat(id: string): Promise<void> {
  const now = new Date();
  await upsertWorkerHeartbeat(pool, {
    id,
    host: "ghost-host",
    pid: 1,
    queues: ["email-sending"],
    startedAt: now,
    lastSeenAt: now,
    cpuPercent: 0,
    memoryRssBytes: 0,
    memoryPercent: 0,
    version: "test",
    stoppedAt: null,
  });
}

/** Adds a batch held back (delayed), so its rows can be claimed by the ghost before any worker sees it. */
async function heldBatch(name: string, n: number): Promise<Job> {
  return q.add("batch", campaign(name, n), { jobId: `${name}-1`, ...RETRY_FAST, delay: 3_600_000 });
}

/** The ghost's claims on `recipients` of `job`, in `status`, under `token`, with the full lease. */
async function ghostClaims(job: Job, ghost: string, token: string, recipients: string[], status = "sending") {
  await pool.query(
    `INSERT INTO email_messages (queue, job_id, job_created_at, recipient, campaign_id, message_id, status, claim_token,
                                 lease_until, claimed_by)
     SELECT 'email-sending', $1, $2, r, $3, '<' || r || '.ghost@example.com>', $4, $5::uuid,
            now() + make_interval(secs => $6::double precision / 1000), $7
     FROM unnest($8::text[]) r`,
    [job.id, new Date(job.timestamp), job.data.campaign_id, status, token, LEASE_MS, ghost, recipients],
  );
}

const mine = (domain: string) => [...sink.countByRecipient()].filter(([to]) => to.endsWith(`@${domain}`));

it("gives the slot back while a live process holds claims, and takes them over once it is dead, before the lease", async () => {
  const ghost = `ghost-${randomUUID()}`;
  const token = randomUUID();
  await beat(ghost);
  const job = await heldBatch("held", 10);
  const held = [0, 1, 2, 3, 4].map((i) => `user${i}@held.example.com`);
  await ghostClaims(job, ghost, token, held);
  // The ghost keeps beating: alive.
  let alive = true;
  const beating = (async () => {
    while (alive) {
      await beat(ghost);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await job.promote();
  // The five free recipients go out; then the batch leaves its (only) slot for later.
  await waitFor("the held batch delayed", async () => (await job.getState()) === "delayed");
  expect(
    mine("held.example.com")
      .map(([to]) => to)
      .sort(),
  ).toEqual([5, 6, 7, 8, 9].map((i) => `user${i}@held.example.com`));
  // With the one slot free, another batch runs to the end meanwhile.
  await q.add("batch", campaign("other", 5), { jobId: "other-1", ...RETRY_FAST });
  const other = await finished(q, "other-1");
  expect(await other.getState()).toBe("completed");
  expect(await job.getState()).toBe("delayed");
  expect(mine("held.example.com")).toHaveLength(5);

  // The ghost dies (its heartbeat stops): its claims are released, well before their lease ends.
  alive = false;
  await beating;
  const done = await finished(q, "held-1");
  expect(await done.getState()).toBe("completed");
  const lease = await pool.query<{ until: Date }>(`SELECT now() + interval '50 seconds' AS until`);
  expect(done.finishedOn!).toBeLessThan(lease.rows[0]!.until.getTime());
  const got = mine("held.example.com");
  expect(got).toHaveLength(10);
  expect(got.every(([, n]) => n === 1)).toBe(true);
  // The ghost's token is fenced out: were it alive after all, it could not commit those messages.
  const rows = await pool.query<{ id: string }>(
    `SELECT id::text FROM email_messages WHERE job_id = 'held-1' AND recipient = ANY($1::text[])`,
    [held],
  );
  expect(rows.rows).toHaveLength(5);
  const committed = await markCommittingBatch(
    pool,
    rows.rows.map((r) => ({ id: r.id, token })),
    LEASE_MS,
  );
  expect(committed.size).toBe(0);
}, 60_000);

it("never sends what a live holder finished, sending or committing", async () => {
  const ghost = `ghost-${randomUUID()}`;
  const token = randomUUID();
  await beat(ghost);
  const job = await heldBatch("alive", 6);
  await ghostClaims(job, ghost, token, ["user0@alive.example.com"], "sending");
  await ghostClaims(job, ghost, token, ["user1@alive.example.com"], "committing");
  let alive = true;
  const beating = (async () => {
    while (alive) {
      await beat(ghost);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await job.promote();
  await waitFor("the batch delayed", async () => (await job.getState()) === "delayed");
  expect(mine("alive.example.com")).toHaveLength(4);
  // The holder finishes both (as a slow process would), then goes quiet.
  await pool.query(
    `UPDATE email_messages SET status = 'sent', lease_until = NULL, updated_at = now()
     WHERE job_id = 'alive-1' AND claim_token = $1::uuid`,
    [token],
  );
  alive = false;
  await beating;
  const done = await finished(q, "alive-1");
  expect(done.returnvalue).toMatchObject({ total: 6, sent: 6 });
  const got = mine("alive.example.com").map(([to]) => to);
  expect(got).not.toContain("user0@alive.example.com");
  expect(got).not.toContain("user1@alive.example.com");
  expect(got).toHaveLength(4);
}, 60_000);

it("resolves a commit whose lease lapses while the batch is sending, without sending it again", async () => {
  // A process (no heartbeat: only its lease frees the claim) between the end of data and recording the
  // reply. Its lease is live when the batch starts, so the batch leaves that recipient for later, and
  // lapses while the batch's first round is still sending: from then on the row can neither be claimed
  // nor waited for, and must still end the batch as 'unconfirmed'.
  const job = await heldBatch("lapsed", 4);
  await ghostClaims(job, `ghost-${randomUUID()}`, randomUUID(), ["user0@lapsed.example.com"], "committing");
  sink.holdRcpt();
  await job.promote();
  await waitFor("the first round's messages held", () => sink.held > 0);
  await pool.query(
    `UPDATE email_messages SET lease_until = now() - interval '1 second' WHERE job_id = 'lapsed-1' AND recipient = $1`,
    ["user0@lapsed.example.com"],
  );
  sink.release();
  const done = await finished(q, "lapsed-1");
  expect(await done.getState()).toBe("completed");
  const got = mine("lapsed.example.com").map(([to]) => to);
  expect(got).not.toContain("user0@lapsed.example.com");
  expect(got).toHaveLength(3);
  const row = await pool.query<{ status: string }>(
    `SELECT status FROM email_messages WHERE job_id = 'lapsed-1' AND recipient = 'user0@lapsed.example.com'`,
  );
  expect(row.rows[0]?.status).toBe("unconfirmed");
}, 240_000);
