// Several API replicas: each built API process writes a heartbeat
// (api_heartbeats) naming the shared secrets it made up because they are
// unset. A process with a random SESSION_SECRET that sees another replica logs
// one warning naming the setting (never a value), and the worker's alert rule
// random_secret_with_replicas opens an alert for it; replicas that share the
// secret raise none, and the alert resolves once they run. Replicas that set
// it to different values raise replica_secret_mismatch.
import pg from "pg";

import { DEFAULT_ROLLUP_OPTIONS } from "../../apps/worker/src/rollups/context";
import { evaluateAlerts } from "../../apps/worker/src/rollups/evaluateAlerts";
import { createLogger } from "../../packages/core/src";
import { DEFAULT_RETENTION_MS } from "../../packages/db/src";
import { createRedis, type Redis } from "../../packages/redis/src";
import { type ApiProcess, startApiProcess } from "../helpers/apiProcess";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { waitFor } from "../worker/workerHelpers";

const SESSION_SECRET = "s".repeat(40);
const DOWNLOAD_SIGNING_SECRET = "d".repeat(40);

let env: TestEnv;
let pool: pg.Pool;
let redis: Redis;
const started: ApiProcess[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 4 });
  redis = createRedis(env.redisUrl, { offlineQueue: true, commandTimeoutMs: 5_000 });
});

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop("SIGKILL")));
  redis.disconnect();
  await pool.end();
  await env.cleanup();
});

async function start(secrets: Record<string, string>): Promise<ApiProcess> {
  const api = await startApiProcess({ ...env.env, HEARTBEAT_INTERVAL_MS: "200", ...secrets });
  started.push(api);
  return api;
}

function evaluate() {
  return evaluateAlerts({
    pool,
    poolMax: 4,
    redis,
    queuePrefix: env.queuePrefix,
    log: createLogger({ service: "worker", level: "error", silent: true }),
    options: { ...DEFAULT_ROLLUP_OPTIONS, retentionMs: DEFAULT_RETENTION_MS, thresholds: {}, keyPrefix: env.keyPrefix },
  });
}

async function replicaAlerts() {
  const r = await pool.query<{ subject: string; resolved_at: Date | null; message: string; details: unknown }>(
    `SELECT subject, resolved_at, message, details FROM alerts WHERE rule = 'random_secret_with_replicas' ORDER BY id`,
  );
  return r.rows;
}

/** Live API heartbeats, and which settings each made up. */
async function liveBeats(): Promise<Map<number, string[]>> {
  const r = await pool.query<{ pid: number; random_secrets: string[] }>(
    `SELECT pid, random_secrets FROM api_heartbeats WHERE stopped_at IS NULL`,
  );
  return new Map(r.rows.map((x) => [x.pid, x.random_secrets]));
}

async function lastSeen(api: ApiProcess): Promise<number> {
  const r = await pool.query<{ at: Date }>(`SELECT last_seen_at AS at FROM api_heartbeats WHERE pid = $1`, [
    api.child.pid,
  ]);
  return r.rows[0]?.at.getTime() ?? 0;
}

const WARNING = /SESSION_SECRET is not set, so this API process uses a random one while 1 other API replica\(s\) run/;

test("a replica without SESSION_SECRET beside another: it warns once, the alert opens; with the secret on both, none", async () => {
  const configured = await start({ SESSION_SECRET, DOWNLOAD_SIGNING_SECRET });
  const random = await start({ DOWNLOAD_SIGNING_SECRET });
  await waitFor("both heartbeats", async () => (await liveBeats()).size === 2);
  const beats = await liveBeats();
  expect(beats.get(configured.child.pid as number)).toEqual([]);
  expect(beats.get(random.child.pid as number)).toEqual(["SESSION_SECRET"]);

  // The process with the random secret says so, once, naming the setting and never a value.
  await waitFor("the warning", () => WARNING.test(random.output()));
  // Two more beats after the warning, each seeing the other replica, add no second one.
  for (let i = 0; i < 2; i++) {
    const seen = await lastSeen(random);
    await waitFor("another beat", async () => (await lastSeen(random)) > seen);
  }
  expect(random.output().match(new RegExp(WARNING, "g"))).toHaveLength(1);
  expect(configured.output()).not.toMatch(/is not set, so this API process uses a random one/);
  expect(random.output()).not.toContain(DOWNLOAD_SIGNING_SECRET);

  const first = await evaluate();
  expect(first.opened.map((a) => [a.rule, a.subject])).toContainEqual([
    "random_secret_with_replicas",
    "SESSION_SECRET",
  ]);
  const open = await replicaAlerts();
  expect(open).toHaveLength(1);
  expect(open[0]).toMatchObject({ subject: "SESSION_SECRET", resolved_at: null });
  expect(open[0]?.message).toContain("not set on 1 of 2 API replicas");

  // Replaced by two replicas that share both secrets: the stopped ones stop counting at once.
  await random.stop("SIGTERM");
  await configured.stop("SIGTERM");
  expect(await liveBeats()).toEqual(new Map());
  const a = await start({ SESSION_SECRET, DOWNLOAD_SIGNING_SECRET });
  const b = await start({ SESSION_SECRET, DOWNLOAD_SIGNING_SECRET });
  await waitFor("both new heartbeats", async () => (await liveBeats()).size === 2);
  const second = await evaluate();
  expect(second.opened.filter((x) => x.rule === "random_secret_with_replicas")).toEqual([]);
  expect(second.resolved.map((x) => [x.rule, x.subject])).toContainEqual([
    "random_secret_with_replicas",
    "SESSION_SECRET",
  ]);
  expect((await replicaAlerts()).every((x) => x.resolved_at !== null)).toBe(true);
  for (const p of [a, b]) expect(p.output()).not.toMatch(/is not set, so this API process uses a random one/);
  await a.stop("SIGTERM");
  await b.stop("SIGTERM");
});

test("a single process with random secrets raises no alert: nothing disagrees with it", async () => {
  const only = await start({});
  await waitFor("its heartbeat", async () => (await liveBeats()).get(only.child.pid as number));
  expect((await liveBeats()).get(only.child.pid as number)).toEqual(["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"]);
  const r = await evaluate();
  expect(r.opened.filter((x) => x.rule === "random_secret_with_replicas")).toEqual([]);
  expect(only.output()).not.toMatch(/is not set, so this API process uses a random one/);
  await only.stop("SIGTERM");
});

test("replicas that set SESSION_SECRET to different values: a mismatch alert, and the value is nowhere in Postgres", async () => {
  const one = await start({ SESSION_SECRET, DOWNLOAD_SIGNING_SECRET });
  const other = await start({ SESSION_SECRET: "t".repeat(40), DOWNLOAD_SIGNING_SECRET });
  await waitFor("both heartbeats", async () => (await liveBeats()).size === 2);
  const r = await evaluate();
  const replicaRules = ["replica_secret_mismatch", "random_secret_with_replicas"];
  expect(r.opened.filter((a) => replicaRules.includes(a.rule)).map((a) => [a.rule, a.subject])).toEqual([
    ["replica_secret_mismatch", "SESSION_SECRET"],
  ]);
  const rows = await pool.query<{ row: string }>(`SELECT row_to_json(h)::text AS row FROM api_heartbeats h`);
  for (const { row } of rows.rows) {
    expect(row).not.toContain(SESSION_SECRET);
    expect(row).not.toContain("t".repeat(40));
    expect(row).not.toContain(DOWNLOAD_SIGNING_SECRET);
  }
  await one.stop("SIGTERM");
  await other.stop("SIGTERM");
});
