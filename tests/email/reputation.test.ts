// Sending-IP reputation: a real DNS server lists one IP under a zone, the
// scheduled DNSBL check (checkDnsbl) finds it, and GET …/ip-reputation shows
// it in `blacklists` as critical; bounces from sending and provider feedback
// lower the score of the IP that sent them; daily_volume counts today's sends.
import { Queue } from "bullmq";
import request from "supertest";

import { checkDnsbl, dnsblQuery } from "../../apps/worker/src/email/dnsbl";
import { startWorker, type WorkerRuntime } from "../../apps/worker/src/runtime";
import type { Db } from "../../packages/db/src";
import { reputationScore, reputationStatus } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { producer, silentLogger, testConfig } from "../worker/workerHelpers";
import { startDns, type TestDns } from "./dnsServer";
import { addIntegration, campaign, EMAIL_ENV, finished } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

const URL = "/api/v1/platform/system/infrastructure/ip-reputation";
let t: TestApp;
let dns: TestDns;
let sink: SmtpSink;
let rt: WorkerRuntime;
let q: Queue;
const auth = (k: string) => ({ Authorization: `Bearer ${k}` });

beforeAll(async () => {
  t = await createTestApp();
  dns = await startDns();
  sink = await startSink({ reject550: ["user0@rep.example.com"] });
  await addIntegration(t.deps.db.pool, {
    name: "good",
    port: sink.port,
    sendingIps: ["203.0.113.13"],
    type: "sendgrid",
  });
  await addIntegration(t.deps.db.pool, {
    name: "listed",
    port: 1,
    sendingIps: ["203.0.113.12"],
    type: "ses",
    weight: 0,
  });
  rt = startWorker(testConfig(t.env, EMAIL_ENV), silentLogger());
  await rt.ready();
  q = producer(t.env, "email-sending");
});
afterAll(async () => {
  await rt.close();
  await q.close();
  await sink.close();
  await dns.close();
  await t.close();
});

it("builds DNSBL query names by reversed octets / nibbles", () => {
  expect(dnsblQuery("203.0.113.12", "zen.spamhaus.org")).toBe("12.113.0.203.zen.spamhaus.org");
  expect(dnsblQuery("2001:db8::1", "z.example")).toBe(`1.${"0.".repeat(23)}8.b.d.0.1.0.0.2.z.example`);
});

it("shows an IP listed by the DNS server in blacklists and as critical", async () => {
  dns.listed.add("12.113.0.203.zen.spamhaus.test");
  const config = testConfig(t.env, {
    ...EMAIL_ENV,
    DNS_RESOLVER: dns.server,
    DNSBL_ZONES: "spamhaus=zen.spamhaus.test,spamcop=bl.spamcop.test",
  });
  const results = await checkDnsbl({ db: { pool: t.deps.db.pool } as Db, config, log: silentLogger() });
  expect(results).toEqual(
    expect.arrayContaining([
      { ip_address: "203.0.113.12", listed: ["spamhaus"], unknown: [] },
      { ip_address: "203.0.113.13", listed: [], unknown: [] },
    ]),
  );
  expect(dns.queries).toContain("13.113.0.203.bl.spamcop.test");
  const res = await request(t.app).get(URL).set(auth(t.keys.viewer));
  expect(res.status).toBe(200);
  const listed = res.body.data.ips.find((i: { ip_address: string }) => i.ip_address === "203.0.113.12");
  expect(listed).toMatchObject({ provider: "ses", blacklists: ["spamhaus"], status: "critical", daily_volume: 0 });
  expect(listed.reputation_score).toBe(85);
  const clean = res.body.data.ips.find((i: { ip_address: string }) => i.ip_address === "203.0.113.13");
  expect(clean).toMatchObject({ blacklists: [], status: "good", reputation_score: 100 });

  // Delisted on the next round.
  dns.listed.clear();
  await checkDnsbl({ db: { pool: t.deps.db.pool } as Db, config, log: silentLogger() });
  const again = await request(t.app).get(URL).set(auth(t.keys.viewer));
  expect(again.body.data.ips.find((i: { ip_address: string }) => i.ip_address === "203.0.113.12")).toMatchObject({
    blacklists: [],
    status: "good",
  });
});

it("counts today's sends, bounces and complaint feedback against the sending IP", async () => {
  await q.add("batch", campaign("rep", 20), { jobId: "rep-1", attempts: 3 });
  await finished(q, "rep-1");
  const msg = await t.deps.db.pool.query(
    `SELECT message_id FROM email_messages WHERE recipient = 'user5@rep.example.com'`,
  );
  const fb = await request(t.app)
    .post("/api/v1/platform/system/email/feedback")
    .set(auth(t.keys.ops))
    .send({ type: "complaint", message_id: msg.rows[0].message_id, detail: "abuse report" });
  expect(fb.status).toBe(201);
  expect(fb.body.data).toEqual({ recorded: true, message_found: true, sending_ip: "203.0.113.13" });
  const dup = await request(t.app)
    .post("/api/v1/platform/system/email/feedback")
    .set(auth(t.keys.ops))
    .send({ type: "complaint", message_id: msg.rows[0].message_id });
  expect(dup.body.data.recorded).toBe(false);
  expect(
    (
      await request(t.app)
        .post("/api/v1/platform/system/email/feedback")
        .set(auth(t.keys.viewer))
        .send({ type: "bounce", sending_ip: "203.0.113.13" })
    ).status,
  ).toBe(403);

  const res = await request(t.app).get(URL).set(auth(t.keys.viewer));
  const ip = res.body.data.ips.find((i: { ip_address: string }) => i.ip_address === "203.0.113.13");
  // 20 messages: 19 sent today, 1 bounced (550), 1 complaint.
  expect(ip.daily_volume).toBe(19);
  expect(ip.last_7_days).toEqual({ messages: 20, bounced: 1, complaints: 1, deferred: 0 });
  const expected = reputationScore({ attempted: 20, bounced: 1, complaints: 1, deferred: 0 }, 0);
  expect(expected).toBe(0); // 5% bounces (−20) and 5% complaints (−250): the floor
  expect(ip).toMatchObject({ reputation_score: expected, status: reputationStatus(expected, 0) });
  expect(ip.status).toBe("critical");
});
