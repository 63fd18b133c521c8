// SMTP integrations over HTTP: create, list, update, disable and a live test;
// credentials sealed with AES-256-GCM (unreadable in the raw row, bound to
// their row, readable again after a key rotation) and refused while no
// encryption key is configured.
import request from "supertest";

import { createKeyring, NoEncryptionKeyError, openSecret, sealSecret } from "../../packages/core/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { TEST_KEY } from "./emailHelpers";
import { deadPort, type SmtpSink, startSink } from "./smtpSink";

const BASE = "/api/v1/platform/system/email/integrations";
const USER = { username: "relay-user-7", password: "s3cret-Pa55word-xyz" };

let t: TestApp;
let sink: SmtpSink;
const auth = (k: string) => ({ Authorization: `Bearer ${k}` });

beforeAll(async () => {
  t = await createTestApp({ CREDENTIALS_ENCRYPTION_KEY: TEST_KEY, CREDENTIALS_KEY_ID: "k1" });
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
    expect(res.body.data).toMatchObject({ ok: false });
    expect(res.body.data.error).toMatch(/ECONNREFUSED|ECONNECTION/);
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

describe("without an encryption key", () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp();
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
