// SMTP integrations over HTTP: create, list, update, disable and a live test;
// credentials sealed with AES-256-GCM (unreadable in the raw row, bound to
// their row, readable again after a key rotation), refused while no
// encryption key is configured, dropped when the endpoint they were given for
// changes, and never sent unencrypted to a remote host unless allowed; a
// check's failure is a name, never what the server said.
import net, { type AddressInfo } from "node:net";

import request from "supertest";

import { createKeyring, NoEncryptionKeyError, openSecret, sealSecret } from "../../packages/core/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { addIntegration, SINK_DESTINATIONS, TEST_KEY } from "./emailHelpers";
import { deadPort, type SmtpSink, startSink } from "./smtpSink";

const BASE = "/api/v1/platform/system/email/integrations";
const USER = { username: "relay-user-7", password: "s3cret-Pa55word-xyz" };

let t: TestApp;
let sink: SmtpSink;
const auth = (k: string) => ({ Authorization: `Bearer ${k}` });

/** A documentation address (never routed) allowed as a destination here: a stand-in for a remote relay. */
const REMOTE = "192.0.2.10";

beforeAll(async () => {
  t = await createTestApp({
    CREDENTIALS_ENCRYPTION_KEY: TEST_KEY,
    CREDENTIALS_KEY_ID: "k1",
    EMAIL_ALLOWED_DESTINATIONS: `${SINK_DESTINATIONS.EMAIL_ALLOWED_DESTINATIONS},${REMOTE}`,
    // A failed check answers at this deadline (ms).
    EMAIL_CHECK_TIMEOUT_MS: "3000",
  });
  sink = await startSink({ user: USER });
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

describe("with an encryption key", () => {
  let id: string;

  it("creates an integration whose credentials are unreadable in the database and never returned", async () => {
    const res = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({
        name: "relay",
        type: "ses",
        host: "127.0.0.1",
        port: sink.port,
        tls_mode: "none",
        credentials: USER,
        sending_ips: ["203.0.113.12"],
        weight: 3,
      });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: "relay",
      type: "ses",
      has_credentials: true,
      credentials_key_id: "k1",
      weight: 3,
      enabled: true,
      health: { status: "healthy", circuit_state: "closed" },
    });
    expect(JSON.stringify(res.body)).not.toContain(USER.password);
    id = res.body.data.id;

    const raw = await t.deps.db.pool.query(`SELECT * FROM smtp_integrations WHERE id = $1`, [id]);
    const text = JSON.stringify(raw.rows[0]);
    expect(text).not.toContain(USER.password);
    expect(text).not.toContain(USER.username);
    expect(raw.rows[0].credentials).toMatch(/^v1\.k1\./);
    // Bound to its row: the same envelope does not open as another integration's.
    const ring = createKeyring({ CREDENTIALS_ENCRYPTION_KEY: TEST_KEY, CREDENTIALS_KEY_ID: "k1" });
    expect(JSON.parse(openSecret(ring, raw.rows[0].credentials, `smtp_integration:${id}`))).toEqual(USER);
    expect(() => openSecret(ring, raw.rows[0].credentials, "smtp_integration:other")).toThrow();
    // The sending IP is tracked for reputation.
    const ip = await t.deps.db.pool.query(`SELECT provider FROM sending_ips WHERE ip_address = '203.0.113.12'`);
    expect(ip.rows[0]).toEqual({ provider: "ses" });
  });

  it("tests it live: connect, EHLO and AUTH with the decrypted credentials", async () => {
    const res = await request(t.app).post(`${BASE}/${id}/test`).set(auth(t.keys.ops));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ integration_id: id, ok: true, error: null });
    expect(sink.logins).toContain(USER.username);
  });

  it("reports a failed live check against a dead port and opens the circuit", async () => {
    const created = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ name: "dead", host: "127.0.0.1", port: await deadPort(), tls_mode: "none" });
    expect(created.status).toBe(201);
    const res = await request(t.app).post(`${BASE}/${created.body.data.id}/test`).set(auth(t.keys.ops));
    expect(res.body.data).toMatchObject({ ok: false, error: "connection_refused" });
    // Answered at the deadline, as a silent port would be, not at once.
    expect(res.body.data.latency_ms).toBeGreaterThanOrEqual(3000);
    const list = await request(t.app).get(BASE).set(auth(t.keys.viewer));
    const dead = list.body.data.integrations.find((i: { name: string }) => i.name === "dead");
    expect(dead.health).toMatchObject({ status: "unhealthy", circuit_state: "open", last_check_ok: false });
  });

  it("updates, refuses a duplicate name, disables, and 404s an unknown id", async () => {
    const up = await request(t.app)
      .patch(`${BASE}/${id}`)
      .set(auth(t.keys.ops))
      .send({ weight: 5, credentials: { username: "u2", password: "p2-secret" } });
    expect(up.status).toBe(200);
    expect(up.body.data).toMatchObject({ weight: 5, has_credentials: true });
    const dup = await request(t.app).patch(`${BASE}/${id}`).set(auth(t.keys.ops)).send({ name: "dead" });
    expect(dup.status).toBe(409);
    const off = await request(t.app).post(`${BASE}/${id}/disable`).set(auth(t.keys.ops));
    expect(off.body.data).toMatchObject({ enabled: false, health: { status: "disabled" } });
    expect((await request(t.app).post(`${BASE}/smtp_nope/disable`).set(auth(t.keys.ops))).status).toBe(404);
    const bad = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ name: "x", host: "h", port: 70000, extra: 1 });
    expect(bad.status).toBe(400);
  });

  it("lets a viewer list but not change integrations", async () => {
    expect((await request(t.app).get(BASE).set(auth(t.keys.viewer))).status).toBe(200);
    const res = await request(t.app).post(BASE).set(auth(t.keys.viewer)).send({ name: "v", host: "h", port: 25 });
    expect(res.status).toBe(403);
    const audit = await t.deps.db.pool.query(
      `SELECT parameters::text AS p FROM audit_events WHERE action LIKE 'email.integration.%'`,
    );
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const r of audit.rows) expect(r.p).not.toContain("secret");
  });
});

it("rotates keys: decrypts with the key id a record names, encrypts with the current key", () => {
  const oldRing = createKeyring({ CREDENTIALS_ENCRYPTION_KEY: TEST_KEY, CREDENTIALS_KEY_ID: "k1" });
  const sealed = sealSecret(oldRing, "hello", "aad");
  const newKey = Buffer.alloc(32, 9).toString("base64");
  const ring = createKeyring({
    CREDENTIALS_ENCRYPTION_KEY: newKey,
    CREDENTIALS_KEY_ID: "k2",
    CREDENTIALS_OLD_KEYS: `k1:${TEST_KEY}`,
  });
  expect(openSecret(ring, sealed.envelope, "aad")).toBe("hello");
  expect(sealSecret(ring, "x", "aad").keyId).toBe("k2");
  const withoutOld = createKeyring({ CREDENTIALS_ENCRYPTION_KEY: newKey, CREDENTIALS_KEY_ID: "k2" });
  expect(() => openSecret(withoutOld, sealed.envelope, "aad")).toThrow(/k1/);
  expect(() => sealSecret(createKeyring({ CREDENTIALS_KEY_ID: "k1" }), "x", "aad")).toThrow(NoEncryptionKeyError);
});

describe("credentials stay with the endpoint they were given for", () => {
  let other: SmtpSink;
  beforeAll(async () => {
    other = await startSink();
  });
  afterAll(() => other.close());

  const create = async (name: string) => {
    const res = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ name, host: "127.0.0.1", port: sink.port, tls_mode: "none", credentials: USER });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };

  it("a new port drops them: a listener there never receives the stored password", async () => {
    const id = await create("moved");
    const moved = await request(t.app).patch(`${BASE}/${id}`).set(auth(t.keys.ops)).send({ port: other.port });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ port: other.port, has_credentials: false, credentials_key_id: null });
    const row = await t.deps.db.pool.query(
      `SELECT credentials, credentials_key_id FROM smtp_integrations WHERE id = $1`,
      [id],
    );
    expect(row.rows[0]).toEqual({ credentials: null, credentials_key_id: null });
    const res = await request(t.app).post(`${BASE}/${id}/test`).set(auth(t.keys.ops));
    expect(res.body.data).toMatchObject({ ok: true, error: null });
    expect(other.connections).toBe(1);
    expect(other.authAttempts).toEqual([]);
  });

  it("so do a new host, TLS mode or allow_plaintext_auth; other changes, the same endpoint and new credentials keep them", async () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{ host: "127.0.0.2" }, false],
      [{ tls_mode: "starttls" }, false],
      [{ allow_plaintext_auth: true }, false],
      [{ weight: 4, name: "renamed" }, true],
      [{ host: "127.0.0.1", port: sink.port, tls_mode: "none", allow_plaintext_auth: false }, true],
      [{ port: other.port, credentials: USER }, true],
    ];
    for (const [i, [patch, kept]] of cases.entries()) {
      const id = await create(`endpoint-${i}`);
      const res = await request(t.app).patch(`${BASE}/${id}`).set(auth(t.keys.ops)).send(patch);
      expect({ patch, status: res.status, has_credentials: res.body.data?.has_credentials }).toEqual({
        patch,
        status: 200,
        has_credentials: kept,
      });
    }
  });
});

describe("credentials over an unencrypted connection", () => {
  const remote = { host: REMOTE, port: 25, tls_mode: "none", credentials: USER };

  it("are refused to a non-loopback host unless the integration allows them", async () => {
    const refused = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ ...remote, name: "remote-plain" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({
      field: "body.allow_plaintext_auth",
      code: "plaintext_auth_not_allowed",
    });
    const allowed = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ ...remote, name: "remote-plain", allow_plaintext_auth: true });
    expect(allowed.status).toBe(201);
    expect(allowed.body.data).toMatchObject({ allow_plaintext_auth: true, has_credentials: true });

    const tls = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ ...remote, name: "remote-tls", tls_mode: "starttls" });
    expect(tls.status).toBe(201);
    const id = tls.body.data.id as string;
    const downgrade = await request(t.app)
      .patch(`${BASE}/${id}`)
      .set(auth(t.keys.ops))
      .send({ tls_mode: "none", credentials: USER });
    expect(downgrade.status).toBe(400);
    // Without new credentials the downgrade drops the stored ones, so nothing is left to leak.
    const dropped = await request(t.app).patch(`${BASE}/${id}`).set(auth(t.keys.ops)).send({ tls_mode: "none" });
    expect(dropped.status).toBe(200);
    expect(dropped.body.data).toMatchObject({ tls_mode: "none", has_credentials: false });
  });

  it("are not sent by a check even when such a row exists (the rule holds at connect time)", async () => {
    const row = await addIntegration(t.deps.db.pool, {
      name: "remote-plain-row",
      host: REMOTE,
      port: 25,
      auth: USER,
      keyId: "k1",
    });
    const res = await request(t.app).post(`${BASE}/${row.id}/test`).set(auth(t.keys.ops));
    expect(res.body.data).toMatchObject({ ok: false, error: "plaintext_auth_refused" });
  });
});

it("names a failed greeting without echoing what the server sent", async () => {
  const banner = "SSH-2.0-OpenSSH_9.6 build-internal-7f3a";
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    sockets.add(c);
    c.write(`${banner}\r\n`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const created = await request(t.app)
      .post(BASE)
      .set(auth(t.keys.ops))
      .send({ name: "not-smtp", host: "127.0.0.1", port: (server.address() as AddressInfo).port, tls_mode: "none" });
    expect(created.status).toBe(201);
    const res = await request(t.app).post(`${BASE}/${created.body.data.id}/test`).set(auth(t.keys.ops));
    expect(res.body.data).toMatchObject({ ok: false, error: "greeting_rejected" });
    const list = await request(t.app).get(BASE).set(auth(t.keys.viewer));
    const health = list.body.data.integrations.find((i: { name: string }) => i.name === "not-smtp").health;
    expect(health.last_error).toBe("live check: greeting_rejected");
    expect(JSON.stringify([res.body, list.body])).not.toMatch(/OpenSSH|build-internal/);
  } finally {
    for (const c of sockets) c.destroy();
    await new Promise((r) => server.close(r));
  }
});

describe("without an encryption key", () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp(SINK_DESTINATIONS);
  });
  afterAll(() => bare.close());

  it("refuses to store credentials and stores nothing", async () => {
    const res = await request(bare.app)
      .post(BASE)
      .set(auth(bare.keys.ops))
      .send({ name: "relay", host: "127.0.0.1", port: 2525, tls_mode: "none", credentials: USER });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ type: "unavailable_error", code: "encryption_key_missing" });
    expect((await bare.deps.db.pool.query(`SELECT count(*)::int AS n FROM smtp_integrations`)).rows[0].n).toBe(0);
    const plain = await request(bare.app)
      .post(BASE)
      .set(auth(bare.keys.ops))
      .send({ name: "open-relay", host: "127.0.0.1", port: 2525, tls_mode: "none" });
    expect(plain.status).toBe(201);
    const patch = await request(bare.app)
      .patch(`${BASE}/${plain.body.data.id}`)
      .set(auth(bare.keys.ops))
      .send({ credentials: USER });
    expect(patch.status).toBe(503);
    const row = await bare.deps.db.pool.query(`SELECT credentials FROM smtp_integrations WHERE id = $1`, [
      plain.body.data.id,
    ]);
    expect(row.rows[0].credentials).toBeNull();
  });
});
