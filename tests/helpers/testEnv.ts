// Per-test-file isolation: a database cloned from the migrated template and
// a Redis key prefix of its own; `cleanup` drops the database and deletes
// every key under the prefixes (SCAN, never KEYS). With a `topology` (a
// private Redis Cluster or Sentinel group a test started: redisCluster.ts,
// redisSentinel.ts) the env points there instead, with hash-tagged prefixes;
// those servers are removed whole by their helper, so cleanup leaves Redis be.
import { randomBytes } from "node:crypto";

import { Redis } from "ioredis";
import pg from "pg";

import { dropDatabase, ensureDatabase } from "../../packages/db/src";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";

export interface TestEnv {
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ prefix for this file's queues. */
  queuePrefix: string;
  /** Prefix of Opsdeck's own keys (rate limits, caches). */
  keyPrefix: string;
  /** Env vars for loadConfig / child processes. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function deleteKeys(redisUrl: string, patterns: string[]): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for (const match of patterns) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", match, "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}

/** Env vars naming a private Redis topology in place of the shared standalone Redis. */
export type TestTopology = { REDIS_CLUSTER_NODES: string } | { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string };

export async function createTestEnv(topology?: TestTopology): Promise<TestEnv> {
  const template = process.env.OPSDECK_TEST_TEMPLATE;
  if (!template) throw new Error("tests/setup/globalSetup.ts did not run (OPSDECK_TEST_TEMPLATE unset)");
  const id = randomBytes(5).toString("hex");
  const databaseUrl = `${SERVER_URL}/opsdeck_test_${id}`;
  await ensureDatabase(databaseUrl, template);
  // Braced under a topology: Cluster requires it of QUEUE_PREFIX, and the same names serve both topologies.
  const queuePrefix = topology ? `{optest-${id}}` : `optest-${id}`;
  const keyPrefix = topology ? `{optest-${id}-od}` : `optest-${id}-od`;
  return {
    databaseUrl,
    redisUrl: REDIS_URL,
    queuePrefix,
    keyPrefix,
    env: {
      DATABASE_URL: databaseUrl,
      ...(topology ?? { REDIS_URL }),
      QUEUE_PREFIX: queuePrefix,
      REDIS_KEY_PREFIX: keyPrefix,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
    },
    async cleanup() {
      if (!topology) await deleteKeys(REDIS_URL, [`${queuePrefix}:*`, `${keyPrefix}:*`]);
      await dropDatabase(databaseUrl);
    },
  };
}

/**
 * Gives this test file a database of its own and a pg pool on it: `use` receives them before the
 * file's tests; the pool is closed and the database dropped after them.
 */
export function useTestDatabase(use: (pool: pg.Pool, env: TestEnv) => void, poolMax = 2): void {
  let env: TestEnv | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    env = await createTestEnv();
    pool = new pg.Pool({ connectionString: env.databaseUrl, max: poolMax });
    use(pool, env);
  });
  afterAll(async () => {
    await pool?.end();
    await env?.cleanup();
  });
}
