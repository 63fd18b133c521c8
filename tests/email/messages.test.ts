// The send path's statements against real Postgres (packages/db email/messages.ts):
// a claim, the end-of-data mark (alone and in a batch) only under the claim's
// token, outcomes in one batch, a server reply holding NUL that must not
// fail the other outcomes of its batch, and a claim given back after a mark
// whose end never went out.
import type pg from "pg";

import {
  claimMessages,
  type JobRef,
  markCommittingBatch,
  type MessageOutcome,
  recordOutcomes,
  releaseClaims,
} from "../../packages/db/src";
import { useTestDatabase } from "../helpers/testEnv";

let pool: pg.Pool;
useTestDatabase((p) => (pool = p));

const ref: JobRef = { queue: "email-sending", jobId: "m-1", jobCreatedAt: new Date(), campaignId: "c-m" };
const TOKEN = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const sent = (smtpResponse: string): MessageOutcome => ({
  status: "sent",
  smtpCode: 250,
  smtpResponse,
  integrationId: null,
  sendingIp: null,
});
const row = async (id: string) =>
  (await pool.query(`SELECT status, smtp_response, updated_at FROM email_messages WHERE id = $1`, [id])).rows[0];

it("marks under the claim's token only, one mark or several, and records a batch of outcomes", async () => {
  const emails = ["a@x.example", "b@x.example", "c@x.example", "d@x.example"];
  const claimed = await claimMessages(
    pool,
    ref,
    emails,
    emails.map((e) => `<${e}>`),
    TOKEN,
    60_000,
  );
  expect(claimed).toHaveLength(4);
  const [a, b, c, d] = claimed.map((m) => m.id) as [string, string, string, string];
  const before = await row(a);

  // Alone (the primary-key form) and as a batch (the unnest form); a wrong token holds nothing.
  expect(await markCommittingBatch(pool, [{ id: a, token: TOKEN }], 60_000)).toEqual(new Set([a]));
  expect(await markCommittingBatch(pool, [{ id: b, token: OTHER }], 60_000)).toEqual(new Set());
  expect(
    await markCommittingBatch(
      pool,
      [
        { id: b, token: TOKEN },
        { id: c, token: TOKEN },
        { id: d, token: OTHER },
      ],
      60_000,
    ),
  ).toEqual(new Set([b, c]));
  // A second mark under the same token holds the row again: its transaction failed after the mark and
  // before its end, and the message fails over to another integration. Under another token, nothing.
  expect(await markCommittingBatch(pool, [{ id: a, token: TOKEN }], 60_000)).toEqual(new Set([a]));
  expect(await markCommittingBatch(pool, [{ id: a, token: OTHER }], 60_000)).toEqual(new Set());
  // The same in the batch form.
  expect(
    await markCommittingBatch(
      pool,
      [
        { id: b, token: TOKEN },
        { id: c, token: OTHER },
      ],
      60_000,
    ),
  ).toEqual(new Set([b]));
  const marked = await row(a);
  expect(marked.status).toBe("committing");
  expect(marked.updated_at).toEqual(before.updated_at); // the mark leaves updated_at to the outcome (HOT)

  // One outcome's reply holds NUL: it is stored without it, and the rest of the batch lands too.
  const recorded = await recordOutcomes(pool, [
    { id: a, token: TOKEN, outcome: sent("250 ok\u0000queued") },
    { id: b, token: TOKEN, outcome: sent("250 ok") },
    { id: d, token: OTHER, outcome: sent("250 not ours") },
  ]);
  expect(recorded).toEqual(new Set([a, b]));
  expect(await row(a)).toMatchObject({ status: "sent", smtp_response: "250 okqueued" });
  expect(await row(b)).toMatchObject({ status: "sent" });
  expect(await row(d)).toMatchObject({ status: "sending" });
});

it("gives back a claim marked 'committing' whose end never went out, under its token only", async () => {
  const job: JobRef = { ...ref, jobId: "m-2" };
  const [m] = await claimMessages(pool, job, ["e@x.example"], ["<e@x.example>"], TOKEN, 60_000);
  expect(await markCommittingBatch(pool, [{ id: m!.id, token: TOKEN }], 60_000)).toEqual(new Set([m!.id]));
  expect(await releaseClaims(pool, [m!.id], OTHER, "not sent: test")).toBe(0);
  expect(await releaseClaims(pool, [m!.id], TOKEN, "not sent: test")).toBe(1);
  expect(await row(m!.id)).toMatchObject({ status: "deferred", smtp_response: "not sent: test" });
  // Deferred, it may be claimed again (by this worker or another).
  expect(await claimMessages(pool, job, ["e@x.example"], ["<e@x.example>"], OTHER, 60_000)).toHaveLength(1);
});
