// Email through the API, end to end: the real API (supertest), a real worker
// runtime, Redis, Postgres and an SMTP sink. A 1,000-recipient campaign with
// bounces and greylisting ends with exact counts and every message readable;
// an Idempotency-Key sends once (also for two requests at once) and refuses
// another body; a complaint suppresses the address for the next campaign;
// retry-failed re-sends only the failed recipients, once however often it is
// asked before it runs; and bad bodies, limits and keys are refused. The
// typed client's helpers go through the API, core's producer straight onto
// the queue, both sending once when called twice.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { createOpsdeckClient, OpsdeckApiError, sendCampaign, sendEmail } from "@opsdeck/client";
import { Queue } from "bullmq";
import request from "supertest";

import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import { createEmailProducer } from "../../packages/core/src";
import { createKey } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { silentLogger, testConfig, waitFor } from "../worker/workerHelpers";
import { addIntegration, EMAIL_ENV, SINK_DESTINATIONS } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

const BASE = "/api/v1/platform/email";
const bounces = Array.from({ length: 10 }, (_, i) => `user${i * 97 + 3}@big.example.com`);
const greylisted = Array.from({ length: 5 }, (_, i) => `user${i * 151 + 7}@big.example.com`);
const stuck = ["stuck0@retry.example.com", "stuck1@retry.example.com"];

let t: TestApp;
let rt: WorkerRuntime;
let sink: SmtpSink;
let sender: string;

beforeAll(async () => {
  t = await createTestApp({
    ...SINK_DESTINATIONS,
    EMAIL_JOB_ATTEMPTS: "3",
    EMAIL_JOB_BACKOFF_MS: "200",
    RATE_LIMIT_WRITE: "10000",
    RATE_LIMIT_READ: "10000",
  });
  sink = await startSink({ reject550: bounces, greylist: greylisted, tempfail: stuck });
  await addIntegration(t.deps.db.pool, { name: "sink", port: sink.port, sendingIps: ["192.0.2.44"] });
  rt = startWorker(
    testConfig(t.env, { ...EMAIL_ENV, WORKER_QUEUES: "email-sending,email-sending-high" }),
    silentLogger(),
  );
  await rt.ready();
  // A service key: ops narrowed to sending and reading email, nothing else.
  sender = (
    await createKey(t.deps.db.prisma, { name: "mailer", role: "ops", permissions: ["email.send", "email.read"] })
  ).raw;
}, 60_000);
afterAll(async () => {
  await rt.close();
  await sink.close();
  await t.close();
});

const post = (path: string, body: unknown, key = sender) =>
  request(t.app)
    .post(`${BASE}${path}`)
    .set("X-API-Key", key)
    .send(body as object);
const get = (path: string, key = sender) => request(t.app).get(`${BASE}${path}`).set("X-API-Key", key);

function campaignBody(domain: string, n: number, extra: Record<string, unknown> = {}) {
  return {
    from: "Opsdeck <news@example.com>",
    subject: "Hello {{name}}",
    text: "Hi {{name}}",
    recipients: Array.from({ length: n }, (_, i) => ({ email: `user${i}@${domain}`, variables: { name: `U${i}` } })),
    ...extra,
  };
}

async function finishedCampaign(id: string, timeoutMs = 90_000) {
  return waitFor(
    `campaign ${id} finished`,
    async () => {
      const r = await get(`/campaigns/${id}`);
      return r.status === 200 && r.body.data.finished_at !== null ? r.body.data : undefined;
    },
    timeoutMs,
  );
}

const received = (domain: string) => [...sink.countByRecipient()].filter(([to]) => to.endsWith(`@${domain}`));

it("sends a 1,000-recipient campaign: exact counts with bounces and greylisting, every message readable", async () => {
  const r = await post("/campaigns", campaignBody("big.example.com", 1000, { batch_size: 250 }));
  expect(r.status).toBe(202);
  expect(r.body.data).toMatchObject({ kind: "campaign", queue: "email-sending", recipients: 1000, batches: 4 });
  expect(r.headers.location).toBe(`${BASE}/campaigns/${r.body.data.campaign_id}`);
  const c = await finishedCampaign(r.body.data.campaign_id);
  expect(c.counts).toEqual({
    queued: 0,
    sending: 0,
    sent: 990,
    deferred: 0,
    bounced: 10,
    complained: 0,
    suppressed: 0,
    failed: 0,
    unconfirmed: 0,
  });
  expect(c.started_at).not.toBeNull();
  expect(c.by_route).toEqual([
    expect.objectContaining({ sending_ip: "192.0.2.44", sent: 990, bounced: 10, deferred: 0 }),
  ]);
  // Each accepted recipient exactly once; greylisted ones too (refused once, then accepted).
  const got = received("big.example.com");
  expect(got).toHaveLength(990);
  expect(got.filter(([, n]) => n !== 1)).toEqual([]);
  for (const g of greylisted) expect(sink.countByRecipient().get(g)).toBe(1);

  // Every message readable, through the cursor.
  const seen = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page: request.Response = await get(
      `/messages?campaign_id=${c.id}&limit=200${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(page.status).toBe(200);
    for (const m of page.body.data.messages) seen.set(m.recipient, m.status);
    cursor = page.body.data.next_cursor;
  } while (cursor);
  expect(seen.size).toBe(1000);
  expect([...seen.values()].filter((s) => s === "bounced")).toHaveLength(10);
  for (const b of bounces) expect(seen.get(b)).toBe("bounced");
  for (const g of greylisted) expect(seen.get(g)).toBe("sent");

  // One greylisted message's timeline: claimed twice, handed to the sink, its 250.
  const one = await get(`/messages?recipient=${encodeURIComponent(greylisted[0]!)}`);
  expect(one.body.data.messages).toHaveLength(1);
  const detail = await get(`/messages/${one.body.data.messages[0].id}`);
  expect(detail.status).toBe(200);
  expect(detail.body.data).toMatchObject({ status: "sent", attempts: 2, smtp_code: 250, sending_ip: "192.0.2.44" });
  expect(detail.body.data.timeline.map((e: { event: string }) => e.event)).toEqual([
    "claimed",
    "handed_to_server",
    "smtp_reply",
    "outcome",
  ]);
  // Hard bounces went onto the suppression list.
  const sup = await get(`/suppressions?q=big.example.com&limit=50`);
  expect(sup.body.data.suppressions.map((s: { address: string }) => s.address).sort()).toEqual([...bounces].sort());
  expect(sup.body.data.suppressions[0]).toMatchObject({ reason: "hard_bounce", source: "send" });
}, 120_000);

it("sends once for one Idempotency-Key, replays the answer, and refuses the key for another body", async () => {
  const body = campaignBody("idem.example.com", 20);
  const send = (b = body, key = "idem-key-1") =>
    post("/campaigns", b).set("Idempotency-Key", key) as unknown as Promise<request.Response>;
  // Two requests at once with one key: one campaign.
  const [a, b] = await Promise.all([send(), send()]);
  expect([a.status, b.status]).toEqual([202, 202]);
  expect(a.body.data.campaign_id).toBe(b.body.data.campaign_id);
  expect([a.headers["idempotent-replayed"], b.headers["idempotent-replayed"]].sort()).toEqual(["true", undefined]);
  const again = await send();
  expect(again.status).toBe(202);
  expect(again.body).toEqual(a.body);
  expect(again.headers["idempotent-replayed"]).toBe("true");
  const other = await send(campaignBody("idem.example.com", 21));
  expect(other.status).toBe(409);
  expect(other.body.error.code).toBe("idempotency_key_reused");
  // The same key is another API key's own.
  const ops = await post("/campaigns", campaignBody("idem2.example.com", 2), t.keys.ops).set(
    "Idempotency-Key",
    "idem-key-1",
  );
  expect(ops.status).toBe(202);
  expect(ops.body.data.campaign_id).not.toBe(a.body.data.campaign_id);
  await finishedCampaign(a.body.data.campaign_id);
  await finishedCampaign(ops.body.data.campaign_id);
  const got = received("idem.example.com");
  expect(got).toHaveLength(20);
  expect(got.every(([, n]) => n === 1)).toBe(true);
  const mine = await t.deps.db.pool.query(
    `SELECT count(DISTINCT campaign_id)::int AS n FROM email_messages WHERE recipient LIKE '%@idem.example.com'`,
  );
  expect(mine.rows[0].n).toBe(1);
}, 60_000);

it("a replay enqueues what a first request committed but could not queue", async () => {
  const queue = t.deps.queues.get("email-sending");
  const addBulk = queue.addBulk.bind(queue);
  // Redis refuses the first enqueue, after the campaign and its key are committed.
  const spy = jest.spyOn(queue, "addBulk").mockRejectedValueOnce(new Error("redis went away"));
  const body = campaignBody("replay.example.com", 3);
  const first = await post("/campaigns", body).set("Idempotency-Key", "replay-1");
  expect(first.status).toBe(500);
  spy.mockImplementation(addBulk);
  const again = await post("/campaigns", body).set("Idempotency-Key", "replay-1");
  spy.mockRestore();
  expect(again.status).toBe(202);
  expect(again.headers["idempotent-replayed"]).toBe("true");
  const c = await finishedCampaign(again.body.data.campaign_id);
  expect(c.counts).toMatchObject({ sent: 3, queued: 0 });
  const got = received("replay.example.com");
  expect(got).toHaveLength(3);
  expect(got.every(([, n]) => n === 1)).toBe(true);
}, 60_000);

it("suppresses an address after a complaint: the next campaign skips it without SMTP traffic", async () => {
  const first = await post("/messages", {
    from: "Opsdeck <news@example.com>",
    to: "Grumpy@Complain.Example.com",
    subject: "Hi",
    text: "Hello",
  });
  expect(first.status).toBe(202);
  expect(first.body.data).toMatchObject({ kind: "message", queue: "email-sending-high", batches: 1 });
  await finishedCampaign(first.body.data.campaign_id);
  const msgs = await get(`/messages?campaign_id=${first.body.data.campaign_id}`);
  const messageId = msgs.body.data.messages[0].message_id;
  const fb = await request(t.app)
    .post("/api/v1/platform/system/email/feedback")
    .set("X-API-Key", t.keys.ops)
    .send({ type: "complaint", message_id: messageId });
  expect(fb.status).toBe(201);

  // Same address, its domain in another case.
  const next = await post("/campaigns", {
    from: "Opsdeck <news@example.com>",
    subject: "Again",
    text: "Hello again",
    recipients: [{ email: "Grumpy@complain.example.COM" }, { email: "happy@complain.example.com" }],
  });
  const c = await finishedCampaign(next.body.data.campaign_id);
  expect(c.counts).toMatchObject({ sent: 1, suppressed: 1 });
  // The sink lower-cases domains: one message to Grumpy in all, the first campaign's.
  const grumpy = sink.messages.filter((m) => m.to.some((to) => to.toLowerCase() === "grumpy@complain.example.com"));
  expect(grumpy).toHaveLength(1);
  // The first campaign counts the complaint.
  const firstView = await get(`/campaigns/${first.body.data.campaign_id}`);
  expect(firstView.body.data.counts).toMatchObject({ sent: 1, complained: 1 });
  const detail = await get(`/messages/${msgs.body.data.messages[0].id}`);
  expect(detail.body.data.timeline.at(-1)).toMatchObject({ event: "feedback" });
}, 60_000);

it("retry-failed re-sends only the failed recipients, once however often it is asked before it runs", async () => {
  const body = {
    ...campaignBody("retry.example.com", 8),
    recipients: [...campaignBody("retry.example.com", 8).recipients, ...stuck.map((email) => ({ email }))],
  };
  const r = await post("/campaigns", body);
  const id = r.body.data.campaign_id;
  const c = await finishedCampaign(id);
  expect(c.counts).toMatchObject({ sent: 8, failed: 2 });
  for (const s of stuck) sink.tempfail.delete(s);
  const before = sink.messages.length;

  // Asked twice while the first retry is still queued (the queue paused so it cannot run yet): one job.
  const queue = t.deps.queues.get("email-sending");
  await queue.pause();
  const [a, b] = [await post(`/campaigns/${id}/retry-failed`, {}), await post(`/campaigns/${id}/retry-failed`, {})];
  expect(a.status).toBe(202);
  expect(a.body.data).toEqual({ campaign_id: id, recipients: 2, batches: 1 });
  expect(b.body.data).toEqual(a.body.data);
  const waiting = (await queue.getJobs(["waiting"])).filter((j) => j.data.campaign_id === id);
  expect(waiting).toHaveLength(1);
  await queue.resume();
  const done = await waitFor("retried recipients sent", async () => {
    const v = (await get(`/campaigns/${id}`)).body.data;
    return v.counts.sent === 10 && v.finished_at !== null ? v : undefined;
  });
  expect(done.counts).toMatchObject({ sent: 10, failed: 0 });
  const after = sink.messages.slice(before).flatMap((m) => m.to);
  expect(after.filter((to) => to.endsWith("@retry.example.com")).sort()).toEqual([...stuck].sort());
  // Nothing failed any more: a third call queues nothing.
  const c3 = await post(`/campaigns/${id}/retry-failed`, {});
  expect(c3.body.data).toEqual({ campaign_id: id, recipients: 0, batches: 0 });
}, 90_000);

it("refuses bad bodies, limits, keys without email.send and bad Idempotency-Keys", async () => {
  const noBody = await post("/messages", { from: "a@example.com", to: "b@example.com", subject: "x" });
  expect(noBody.status).toBe(400);
  const badTo = await post("/messages", { from: "a@example.com", to: "not-an-address", subject: "x", text: "y" });
  expect(badTo.status).toBe(400);
  const unknown = await post("/messages", {
    from: "a@example.com",
    to: "b@example.com",
    subject: "x",
    text: "y",
    cc: 1,
  });
  expect(unknown.status).toBe(400);
  const tooMany = await post("/campaigns", campaignBody("limits.example.com", 10_001));
  expect(tooMany.status).toBe(400);
  const none = await post("/campaigns", campaignBody("limits.example.com", 0));
  expect(none.status).toBe(400);
  const nul = await post("/messages", { from: "a@example.com", to: "b@example.com", subject: "x", text: "a\u0000b" });
  expect(nul.status).toBe(400);
  const badKey = await post("/messages", { from: "a@example.com", to: "b@example.com", subject: "x", text: "y" }).set(
    "Idempotency-Key",
    "has spaces",
  );
  expect(badKey.status).toBe(400);
  for (const key of [t.keys.viewer, t.keys.integration]) {
    const r = await post("/campaigns", campaignBody("limits.example.com", 1), key);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("missing_permission");
  }
  expect((await get("/campaigns/cmp_nope")).status).toBe(404);
  expect((await get("/messages/999999999")).status).toBe(404);
  expect((await get("/messages?limit=201")).status).toBe(400);
  expect((await post("/campaigns/cmp_nope/retry-failed", {})).status).toBe(404);
  // Nothing of these reached the queue or the database.
  const rows = await t.deps.db.pool.query(
    `SELECT count(*)::int AS n FROM email_campaigns WHERE body::text LIKE '%limits.example.com%'`,
  );
  expect(rows.rows[0].n).toBe(0);
});

it("lists, adds (with expiry) and removes suppressions, comparing the domain case-insensitively", async () => {
  const future = new Date(Date.now() + 3_600_000).toISOString();
  const past = new Date(Date.now() - 1_000).toISOString();
  const add = await request(t.app)
    .post(`${BASE}/suppressions`)
    .set("X-API-Key", t.keys.ops)
    .send({
      addresses: [
        { address: "Manual@Sup.Example.com" },
        { address: "soft@sup.example.com", reason: "soft", expires_at: future },
        { address: "lapsed@sup.example.com", reason: "soft", expires_at: past },
      ],
    });
  expect(add.status).toBe(201);
  expect(add.body.data.suppressions).toHaveLength(3);
  const list = await get(`/suppressions?q=sup.example&limit=1`, t.keys.viewer);
  expect(list.status).toBe(200);
  expect(list.body.data.suppressions).toHaveLength(1);
  const page2 = await get(`/suppressions?q=sup.example&limit=5&cursor=${list.body.data.next_cursor}`, t.keys.viewer);
  const all = [...list.body.data.suppressions, ...page2.body.data.suppressions].map((s) => s.address).sort();
  expect(all).toEqual(["Manual@Sup.Example.com", "soft@sup.example.com"]);
  const withExpired = await get(`/suppressions?q=sup.example&include_expired=true`, t.keys.viewer);
  expect(withExpired.body.data.suppressions).toHaveLength(3);
  // Viewers read; they do not change.
  const viewerDelete = await request(t.app)
    .delete(`${BASE}/suppressions/${encodeURIComponent("Manual@sup.example.com")}`)
    .set("X-API-Key", t.keys.viewer);
  expect(viewerDelete.status).toBe(403);
  const del = await request(t.app)
    .delete(`${BASE}/suppressions/${encodeURIComponent("Manual@sup.EXAMPLE.com")}`)
    .set("X-API-Key", t.keys.ops);
  expect(del.status).toBe(200);
  const again = await request(t.app)
    .delete(`${BASE}/suppressions/${encodeURIComponent("Manual@sup.example.com")}`)
    .set("X-API-Key", t.keys.ops);
  expect(again.status).toBe(404);
  // A local part is compared as given.
  const other = await request(t.app)
    .delete(`${BASE}/suppressions/${encodeURIComponent("SOFT@sup.example.com")}`)
    .set("X-API-Key", t.keys.ops);
  expect(other.status).toBe(404);
  expect((await get(`/suppressions?cursor=garbage`)).status).toBe(400);
  const audit = await t.deps.db.pool.query(
    `SELECT action, target, outcome FROM audit_events WHERE action LIKE 'email.suppression.%' ORDER BY id`,
  );
  expect(audit.rows.map((r) => [r.action, r.outcome])).toEqual([
    ["email.suppression.add", "success"],
    ["email.suppression.remove", "failure"],
    ["email.suppression.remove", "success"],
    ["email.suppression.remove", "failure"],
    ["email.suppression.remove", "failure"],
  ]);
});

it("sends through the typed client's helpers (Idempotency-Key kept across a retry) and core's producer", async () => {
  const server = createServer(t.app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const queues = new Map<string, Queue>();
  try {
    const client = createOpsdeckClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      key: sender,
    });
    const body = { from: "a@example.com", to: "one@client.example.com", subject: "Hi", text: "Hello" };
    const first = await sendEmail(client, body, { idempotencyKey: "client-1" });
    const retried = await sendEmail(client, body, { idempotencyKey: "client-1" });
    expect(retried.campaign_id).toBe(first.campaign_id);
    await expect(sendEmail(client, { ...body, text: "other" }, { idempotencyKey: "client-1" })).rejects.toMatchObject({
      status: 409,
      code: "idempotency_key_reused",
    } satisfies Partial<OpsdeckApiError>);
    const camp = await sendCampaign(client, {
      from: "a@example.com",
      subject: "Hi",
      text: "Hello",
      recipients: [{ email: "two@client.example.com" }, { email: "three@client.example.com" }],
    });
    expect(camp).toMatchObject({ kind: "campaign", recipients: 2, batches: 1 });
    await finishedCampaign(first.campaign_id);
    await finishedCampaign(camp.campaign_id);

    // Core's producer: straight onto the queue, deterministic job ids, so a second call adds nothing.
    const producer = createEmailProducer((name) => {
      let q = queues.get(name);
      if (!q) {
        q = new Queue(name, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
        queues.set(name, q);
      }
      return q;
    });
    const c = {
      campaign_id: "svc-campaign-1",
      from: "a@example.com",
      subject: "Hi",
      text: "Hello",
      batch_size: 2,
      recipients: [0, 1, 2].map((i) => ({ email: `p${i}@producer.example.com` })),
    };
    expect(await producer.sendCampaign(c)).toEqual({ jobIds: ["svc-campaign-1-0", "svc-campaign-1-1"] });
    await producer.sendCampaign(c);
    await waitFor("producer campaign sent", async () => {
      const r = await get(`/messages?campaign_id=svc-campaign-1&status=sent`);
      return r.body.data.messages.length === 3;
    });
    await expect(producer.sendCampaign({ ...c, recipients: [{ email: "not an address" }] })).rejects.toThrow("email");
  } finally {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await new Promise((r) => server.close(r));
  }
  const got = [...sink.countByRecipient()].filter(([to]) => /@(client|producer)\.example\.com$/.test(to));
  expect(got).toHaveLength(6);
  expect(got.every(([, n]) => n === 1)).toBe(true);
}, 60_000);
