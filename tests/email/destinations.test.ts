// Where SMTP may connect. Without EMAIL_ALLOWED_DESTINATIONS only public
// addresses are reachable: a host that resolves to loopback, link-local,
// private or otherwise special addresses (however it is spelled) is refused
// when an integration is created or changed (400), and, since a name can
// resolve differently later, again at every connection: the API's live check,
// the worker's scheduled checks and its sending transports all report
// destination_forbidden and never open a connection. The allow-list lets
// operators reach an internal relay.
import request from "supertest";

import { checkIntegrations } from "../../apps/worker/src/email/checks";
import { classifySendError } from "../../apps/worker/src/email/classify";
import { createPooledTransport } from "../../apps/worker/src/email/transport";
import {
  AllowedDestinationsEnv,
  checkSmtp,
  createKeyring,
  type DestinationAllowList,
  resolveDestination,
} from "../../packages/core/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { silentLogger, testConfig } from "../worker/workerHelpers";
import { addIntegration, EMAIL_ENV, TEST_KEY } from "./emailHelpers";
import { type SmtpSink, startSink } from "./smtpSink";

const BASE = "/api/v1/platform/system/email/integrations";
const NONE = AllowedDestinationsEnv.parse("");
const allowList = (v: string): DestinationAllowList => AllowedDestinationsEnv.parse(v);

let t: TestApp;
let sink: SmtpSink;
const auth = (k: string) => ({ Authorization: `Bearer ${k}` });

beforeAll(async () => {
  // No EMAIL_ALLOWED_DESTINATIONS: production's default. A failed check answers at its deadline (ms).
  t = await createTestApp({
    CREDENTIALS_ENCRYPTION_KEY: TEST_KEY,
    CREDENTIALS_KEY_ID: "test1",
    EMAIL_CHECK_TIMEOUT_MS: "500",
  });
  sink = await startSink();
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

describe("the address check", () => {
  const forbidden = [
    "127.0.0.1",
    "127.1",
    "2130706433",
    "0x7f.1",
    "localhost",
    "::1",
    "[::1]",
    "::ffff:127.0.0.1",
    "::ffff:0:7f00:1",
    "::7f00:1",
    "0.0.0.0",
    "::",
    "169.254.169.254",
    "fe80::1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "fd00::1",
    "100.64.0.1",
    "224.0.0.1",
    "ff02::1",
    "255.255.255.255",
    "192.0.2.1",
    "198.51.100.7",
    "203.0.113.12",
    "198.18.0.1",
    "240.0.0.1",
    "2001:db8::1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b:1::1",
    "2002:7f00:1::1",
  ];
  it.each(forbidden)("refuses %s", async (host) => {
    await expect(resolveDestination(host, NONE, 2_000)).rejects.toMatchObject({ reason: "destination_forbidden" });
  });

  it.each([
    ["8.8.8.8", "8.8.8.8"],
    ["2606:4700:4700::1111", "2606:4700:4700::1111"],
    ["::ffff:8.8.8.8", "8.8.8.8"],
    ["64:ff9b::808:808", "64:ff9b::808:808"],
  ])("lets public %s through, to be connected to as %s", async (host, address) => {
    expect((await resolveDestination(host, NONE, 2_000)).map((a) => a.address)).toEqual([address]);
  });

  it("lets the allow-list's networks and host names through, and nothing else", async () => {
    const allowed = allowList("10.0.0.0/8, 127.0.0.1 ,LocalHost,fd00::/8");
    for (const host of ["10.200.0.1", "127.0.0.1", "::ffff:127.0.0.1", "localhost", "fd00::5"]) {
      await expect(resolveDestination(host, allowed, 2_000)).resolves.not.toHaveLength(0);
    }
    for (const host of ["127.0.0.2", "192.168.1.1", "169.254.169.254", "fe80::1"]) {
      await expect(resolveDestination(host, allowed, 2_000)).rejects.toMatchObject({ reason: "destination_forbidden" });
    }
  });

  it("rejects a malformed allow-list at start-up", () => {
    for (const bad of ["10.0.0.0/33", "not a host", "1.2.3.4/x", "::1/129"]) {
      expect(() => testConfig(t.env, { EMAIL_ALLOWED_DESTINATIONS: bad })).toThrow(/EMAIL_ALLOWED_DESTINATIONS/);
    }
  });
});

describe("creating and changing integrations", () => {
  it.each(["127.0.0.1", "169.254.169.254", "2130706433", "::ffff:127.0.0.1", "[::1]", "localhost", "10.0.0.5"])(
    "refuses host %s with 400 destination_forbidden",
    async (host) => {
      const res = await request(t.app)
        .post(BASE)
        .set(auth(t.keys.ops))
        .send({ name: `to-${host}`, host, port: 25, tls_mode: "none" });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0]).toMatchObject({ field: "body.host", code: "destination_forbidden" });
    },
  );

  it("refuses to point an existing integration at a forbidden host", async () => {
    const created = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ name: "public", host: "8.8.8.8", port: 25, tls_mode: "starttls" });
    expect(created.status).toBe(201);
    const res = await request(t.app)
      .patch(`${BASE}/${created.body.data.id}`)
      .set(auth(t.keys.ops))
      .send({ host: "169.254.169.254" });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: "body.host", code: "destination_forbidden" });
    const row = await t.deps.db.pool.query(`SELECT host FROM smtp_integrations WHERE id = $1`, [created.body.data.id]);
    expect(row.rows[0].host).toBe("8.8.8.8");
    expect((await t.deps.db.pool.query(`SELECT count(*)::int AS n FROM smtp_integrations`)).rows[0].n).toBe(1);
  });
});

describe("at connect time (a name that resolved elsewhere when it was stored)", () => {
  let id: string;
  beforeAll(async () => {
    // Stored straight in the database, as if the host had resolved to a public address then.
    id = (await addIntegration(t.deps.db.pool, { name: "rebound", port: sink.port })).id;
  });

  it("the API's live check reports destination_forbidden and never connects", async () => {
    const res = await request(t.app).post(`${BASE}/${id}/test`).set(auth(t.keys.ops));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: false, error: "destination_forbidden", smtp_code: null });
    const list = await request(t.app).get(BASE).set(auth(t.keys.viewer));
    const view = list.body.data.integrations.find((i: { id: string }) => i.id === id);
    expect(view.health.last_error).toBe("live check: destination_forbidden");
    expect(sink.connections).toBe(0);
  });

  it("the worker's scheduled check reports it too", async () => {
    // The email tests' worker env without its allow-list.
    const { EMAIL_ALLOWED_DESTINATIONS: _allowed, ...env } = EMAIL_ENV;
    const config = testConfig(t.env, { ...env, EMAIL_CHECK_TIMEOUT_MS: "500" });
    const checks = await checkIntegrations({ db: t.deps.db, config, log: silentLogger() }, createKeyring(config));
    expect(checks.find((c) => c.integration_id === id)).toMatchObject({ ok: false, error: "destination_forbidden" });
    expect(sink.connections).toBe(0);
  });

  it("the worker's sending transport does not send, and the failure names the reason", async () => {
    const row = (await t.deps.db.pool.query(`SELECT * FROM smtp_integrations WHERE id = $1`, [id])).rows[0];
    const transport = createPooledTransport(row, null, {
      connectMs: 2_000,
      socketMs: 2_000,
      maxConnections: 1,
      maxMessages: 10,
      allowed: NONE,
    });
    try {
      const err = await transport
        .sendMail({ from: "a@example.com", to: "b@example.com", subject: "s", text: "t" })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(classifySendError(err)).toMatchObject({ kind: "integration", reason: "destination_forbidden" });
    } finally {
      transport.close();
    }
    expect(sink.connections).toBe(0);
    expect(sink.messages).toEqual([]);
  });

  it("can still be renamed, disabled or stripped of credentials", async () => {
    for (const patch of [{ name: "rebound-2" }, { credentials: null }, { enabled: false }]) {
      const res = await request(t.app).patch(`${BASE}/${id}`).set(auth(t.keys.ops)).send(patch);
      expect({ patch, status: res.status }).toEqual({ patch, status: 200 });
    }
  });

  it("with the sink allowed, the same row is reachable (the checks above are not vacuous)", async () => {
    const row = (await t.deps.db.pool.query(`SELECT * FROM smtp_integrations WHERE id = $1`, [id])).rows[0];
    const r = await checkSmtp(row, null, 5_000, allowList("127.0.0.1"));
    expect(r).toMatchObject({ ok: true, error: null });
    expect(sink.connections).toBe(1);
  });
});

it("the worker's transport refuses credentials in plaintext to a non-loopback host", async () => {
  const endpoint = { host: "192.0.2.10", port: 25, tls_mode: "none" as const, allow_plaintext_auth: false };
  const allowed = allowList("192.0.2.10");
  const r = await checkSmtp(endpoint, { username: "u", password: "p" }, 2_000, allowed);
  expect(r).toMatchObject({ ok: false, error: "plaintext_auth_refused" });
  const row = await addIntegration(t.deps.db.pool, { name: "remote", host: "192.0.2.10", port: 25 });
  const transport = createPooledTransport(
    row,
    { username: "u", password: "p" },
    { connectMs: 2_000, socketMs: 2_000, maxConnections: 1, maxMessages: 10, allowed },
  );
  try {
    const err = await transport.sendMail({ from: "a@example.com", to: "b@example.com", subject: "s", text: "t" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifySendError(err)).toMatchObject({ kind: "integration", reason: "plaintext_auth_refused" });
  } finally {
    transport.close();
  }
});
