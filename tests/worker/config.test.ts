// Worker config: defaults, per-queue concurrency, queue selection, one line
// per problem; and the built entry exits 2 on bad config without starting.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { loadConfig } from "../../apps/worker/src/config";
import { ConfigError, defaultJobOptions, QUEUES } from "../../packages/core/src";

const root = path.resolve(__dirname, "../..");

it("has the documented defaults", () => {
  const c = loadConfig({});
  expect(c.queues).toEqual(["email-sending-high", "email-sending", "log-exports", "metric-rollups", "alert-webhooks"]);
  expect(c.concurrency).toEqual({
    "email-sending-high": 10,
    "email-sending": 10,
    "log-exports": 2,
    "metric-rollups": 1,
    "alert-webhooks": 4,
  });
  expect(c).toMatchObject({
    SHUTDOWN_GRACE_MS: 30_000,
    HEARTBEAT_INTERVAL_MS: 10_000,
    RECONCILE_INTERVAL_MS: 60_000,
    REQUEST_LOG_RETENTION_DAYS: 30,
    EXPORT_DIR: path.resolve("exports"),
  });
});

it("follows every non-catalog queue by default; HISTORY_* narrow and tune it", () => {
  expect(loadConfig({})).toMatchObject({
    HISTORY_FOLLOW: true,
    historyExclude: [],
    HISTORY_DISCOVERY_MS: 10_000,
    HISTORY_BATCH: 5_000,
    HISTORY_BLOCK_MS: 1_000,
    HISTORY_LINGER_MS: 250,
    HISTORY_LEASE_MS: 15_000,
    HISTORY_BACKFILL_MAX: 10_000,
    HISTORY_STEP_ASIDE_MAX_MS: 10_000,
  });
  const c = loadConfig({
    HISTORY_FOLLOW: "false",
    HISTORY_EXCLUDE_QUEUES: " billing, ,legacy-sync ",
    HISTORY_BATCH: "50",
  });
  expect(c).toMatchObject({ HISTORY_FOLLOW: false, historyExclude: ["billing", "legacy-sync"], HISTORY_BATCH: 50 });
  expect(() => loadConfig({ HISTORY_LEASE_MS: "10", HISTORY_FOLLOW: "maybe" })).toThrow(ConfigError);
  expect(loadConfig({ HISTORY_STEP_ASIDE_MAX_MS: "0" })).toMatchObject({ HISTORY_STEP_ASIDE_MAX_MS: 0 });
  expect(() => loadConfig({ HISTORY_LINGER_MS: "60000" })).toThrow(ConfigError);
});

it("takes one concurrency for all queues, a per-queue one winning", () => {
  const c = loadConfig({
    WORKER_CONCURRENCY: "7",
    WORKER_CONCURRENCY_LOG_EXPORTS: "3",
    WORKER_QUEUES: " log-exports,email-sending ,",
  });
  expect(c.queues).toEqual(["log-exports", "email-sending"]);
  expect(c.concurrency).toMatchObject({ "log-exports": 3, "email-sending": 7, "metric-rollups": 7 });
});

it("reports every problem, one line each", () => {
  let err: unknown;
  try {
    loadConfig({ WORKER_QUEUES: "email-sending,nope", SHUTDOWN_GRACE_MS: "-1", WORKER_CONCURRENCY: "zero" });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ConfigError);
  const problems = (err as ConfigError).problems;
  expect(problems).toHaveLength(3);
  expect(problems.join("\n")).toMatch(/WORKER_QUEUES: unknown queue 'nope'/);
  expect(problems.join("\n")).toMatch(/SHUTDOWN_GRACE_MS/);
  expect(problems.join("\n")).toMatch(/WORKER_CONCURRENCY/);
});

it("gives producers each queue's attempts, exponential backoff and bounded retention", () => {
  expect(defaultJobOptions("email-sending")).toEqual({
    attempts: QUEUES["email-sending"].attempts,
    backoff: { type: "exponential", delay: QUEUES["email-sending"].backoffMs },
    removeOnComplete: { count: 1_000, age: 86_400 },
    removeOnFail: { count: 10_000, age: 604_800 },
  });
});

it("serves alert-webhooks with the catalog's concurrency or WORKER_CONCURRENCY_ALERT_WEBHOOKS", () => {
  expect(loadConfig({ WORKER_QUEUES: "alert-webhooks" })).toMatchObject({
    queues: ["alert-webhooks"],
    concurrency: { "alert-webhooks": QUEUES["alert-webhooks"].concurrency },
  });
  expect(loadConfig({ WORKER_CONCURRENCY_ALERT_WEBHOOKS: "9" }).concurrency["alert-webhooks"]).toBe(9);
});

it("keeps log archives forever by default; LOG_ARCHIVE_RETENTION_DAYS must outlast LOG_RETENTION_DAYS", () => {
  expect(loadConfig({}).LOG_ARCHIVE_RETENTION_DAYS).toBe(0);
  expect(loadConfig({ LOG_ARCHIVE_RETENTION_DAYS: "365" }).LOG_ARCHIVE_RETENTION_DAYS).toBe(365);
  expect(loadConfig({ LOG_ARCHIVE_RETENTION_DAYS: "36500" }).LOG_ARCHIVE_RETENTION_DAYS).toBe(36_500);
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems.join("\n");
    }
    return "";
  };
  // Archives are written once a day is past LOG_RETENTION_DAYS (30 by default): an archive retention no
  // longer than that would delete each archive within the hour.
  expect(problems({ LOG_ARCHIVE_RETENTION_DAYS: "30" })).toMatch(
    /LOG_ARCHIVE_RETENTION_DAYS: must be 0 \(keep forever\) or more than LOG_RETENTION_DAYS \(30\)/,
  );
  expect(problems({ LOG_ARCHIVE_RETENTION_DAYS: "90", LOG_RETENTION_DAYS: "90" })).toMatch(
    /LOG_ARCHIVE_RETENTION_DAYS/,
  );
  expect(problems({ LOG_ARCHIVE_RETENTION_DAYS: "36501" })).toMatch(/LOG_ARCHIVE_RETENTION_DAYS/);
  expect(problems({ LOG_ARCHIVE_RETENTION_DAYS: "-1" })).toMatch(/LOG_ARCHIVE_RETENTION_DAYS/);
  expect(problems({ LOG_ARCHIVE_RETENTION_DAYS: "a year" })).toMatch(/LOG_ARCHIVE_RETENTION_DAYS/);
});

it("lets a producer's config override a catalog queue's attempts and backoff", () => {
  const retention = { removeOnComplete: { count: 5, age: 60 }, removeOnFail: { count: 6, age: 70 } };
  expect(defaultJobOptions("alert-webhooks", { attempts: 3, backoffMs: 250, ...retention })).toEqual({
    attempts: 3,
    backoff: { type: "exponential", delay: 250 },
    ...retention,
  });
});

it("the built worker exits 2 on bad config, one line per problem", () => {
  const r = spawnSync(process.execPath, [path.join(root, "apps/worker/dist/main.js")], {
    env: { PATH: process.env.PATH, WORKER_QUEUES: "nope", HEARTBEAT_INTERVAL_MS: "x" },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/WORKER_QUEUES: unknown queue 'nope'/);
  expect(r.stderr).toMatch(/HEARTBEAT_INTERVAL_MS/);
});
