// Config is validated once at start-up: a bad value is one clear line per
// problem and a non-zero exit, before anything connects.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { loadConfig } from "../../apps/api/src/config";
import { ConfigError, redisTarget } from "../../packages/core/src";

it("has the documented defaults", () => {
  const c = loadConfig({});
  expect(c.PORT).toBe(3000);
  expect(redisTarget(c)).toEqual({ kind: "standalone", url: "redis://127.0.0.1:6379" });
  expect(c.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/opsdeck");
  expect(c.QUEUE_PREFIX).toBe("bull");
  expect([c.RATE_LIMIT_READ, c.RATE_LIMIT_WRITE, c.RATE_LIMIT_WINDOW_SECONDS]).toEqual([300, 60, 60]);
  expect([c.INTEGRATION_QUOTA_MINUTE, c.INTEGRATION_QUOTA_HOUR, c.INTEGRATION_QUOTA_DAY]).toEqual([100, 1000, 10000]);
  expect(c.REQUEST_LOG_BUFFER).toBe(10_000);
  expect(c.REQUEST_LOG_FLUSH_MS).toBe(1_000);
  expect(c.HEARTBEAT_INTERVAL_MS).toBe(10_000);
});

it("names the shared secrets left unset (random in this process), and only those", () => {
  expect(loadConfig({}).randomSecrets).toEqual(["SESSION_SECRET", "DOWNLOAD_SIGNING_SECRET"]);
  expect(loadConfig({ SESSION_SECRET: "s".repeat(32) }).randomSecrets).toEqual(["DOWNLOAD_SIGNING_SECRET"]);
  const both = loadConfig({ SESSION_SECRET: "s".repeat(32), DOWNLOAD_SIGNING_SECRET: "d".repeat(32) });
  expect(both.randomSecrets).toEqual([]);
  expect(both.downloadSigningSecret).toBe("d".repeat(32));
  // An empty value is unset, as everywhere else.
  expect(loadConfig({ SESSION_SECRET: "" }).randomSecrets).toContain("SESSION_SECRET");
});

it("refuses a heartbeat period past 10 s (a replica counts as running 30 s) and a flush interval under 10 ms", () => {
  expect(() => loadConfig({ HEARTBEAT_INTERVAL_MS: "10001" })).toThrow(/HEARTBEAT_INTERVAL_MS/);
  expect(() => loadConfig({ REQUEST_LOG_FLUSH_MS: "5" })).toThrow(/REQUEST_LOG_FLUSH_MS/);
});

describe("Redis topology", () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
    return [];
  };

  it("takes a cluster's seed nodes, and wraps an untagged key prefix in braces", () => {
    const c = loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-b:7001", QUEUE_PREFIX: "{bull}" });
    expect(redisTarget(c)).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "redis-b", port: 7001 },
      ],
    });
    expect(c.REDIS_KEY_PREFIX).toBe("{opsdeck}");
    expect(loadConfig({}).REDIS_KEY_PREFIX).toBe("opsdeck"); // standalone keeps its keys' names
  });

  it("takes sentinels with a master name and credentials", () => {
    const c = loadConfig({
      REDIS_SENTINELS: "127.0.0.1:26379,127.0.0.1:26380",
      REDIS_SENTINEL_NAME: "opsdeck",
      REDIS_PASSWORD: "data-secret",
      REDIS_SENTINEL_PASSWORD: "sentinel-secret",
    });
    expect(redisTarget(c)).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "127.0.0.1", port: 26379 },
        { host: "127.0.0.1", port: 26380 },
      ],
      name: "opsdeck",
      password: "data-secret",
      sentinelPassword: "sentinel-secret",
    });
  });

  it("refuses two topologies at once, a sentinel list without a name, and bad host:port lists", () => {
    expect(problemsOf({ REDIS_URL: "redis://x:6379", REDIS_CLUSTER_NODES: "a:1", QUEUE_PREFIX: "{q}" })).toEqual([
      'REDIS_CLUSTER_NODES: choose one Redis topology: REDIS_URL and REDIS_CLUSTER_NODES are both set (got "a:1")',
    ]);
    expect(problemsOf({ REDIS_SENTINELS: "a:1" })).toEqual([
      "REDIS_SENTINEL_NAME: is required with REDIS_SENTINELS (the name the sentinels monitor)",
    ]);
    expect(problemsOf({ REDIS_CLUSTER_NODES: "a:1,b", QUEUE_PREFIX: "{q}" })[0]).toMatch(
      /^REDIS_CLUSTER_NODES: "b" is not host:port/,
    );
    expect(problemsOf({ REDIS_CLUSTER_NODES: "a:70000", QUEUE_PREFIX: "{q}" })[0]).toMatch(/is not host:port/);
  });

  it("refuses Cluster with an untagged QUEUE_PREFIX, saying why", () => {
    const problems = problemsOf({ REDIS_CLUSTER_NODES: "a:1" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^QUEUE_PREFIX: must be a hash tag such as \{bull\} with REDIS_CLUSTER_NODES/);
    expect(problems[0]).toMatch(/one slot/);
  });

  it("never echoes a Redis password", () => {
    const problems = problemsOf({ REDIS_PASSWORD: "x".repeat(2_000) });
    expect(problems).toEqual([expect.stringMatching(/^REDIS_PASSWORD: .*\(got "…"\)$/)]);
  });
});

it("lists every problem, one per line", () => {
  let err: unknown;
  try {
    loadConfig({ PORT: "abc", REDIS_URL: "http://x", QUEUE_PREFIX: "a:b" });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ConfigError);
  const problems = (err as ConfigError).problems;
  expect(problems.map((p) => p.split(":")[0])).toEqual(expect.arrayContaining(["PORT", "REDIS_URL", "QUEUE_PREFIX"]));
  expect(problems).toHaveLength(3);
  // Cross-field rules run once every field is valid on its own.
  expect(() => loadConfig({ RATE_LIMIT_READ: "5", RATE_LIMIT_WRITE: "10" })).toThrow(
    /RATE_LIMIT_WRITE: must not exceed/,
  );
});

it("makes the API process exit 2 with those lines, before connecting to anything", () => {
  const main = path.resolve(__dirname, "../../apps/api/dist/main.js");
  const r = spawnSync(process.execPath, [main], {
    env: { PATH: process.env.PATH, PORT: "70000", LOG_LEVEL: "loud" },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("PORT:");
  expect(r.stderr).toContain("LOG_LEVEL:");
  expect(r.stderr.trim().split("\n")).toHaveLength(3);
});
