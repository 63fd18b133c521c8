// Builds the real API (createApp + real deps) against a TestEnv, plus keys of
// each role. No port is opened; drive it with supertest.
import { createApp } from "../../apps/api/src/app";
import { loadConfig } from "../../apps/api/src/config";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import type { AppDeps } from "../../apps/api/src/deps";
import { createLogger } from "../../packages/core/src";
import { createKey } from "../../packages/db/src";
import { createTestEnv, type TestEnv } from "./testEnv";

export interface TestApp {
  env: TestEnv;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  keys: { ops: string; viewer: string; integration: string };
  close(): Promise<void>;
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = await createTestEnv();
  const config = loadConfig({ ...env.env, EXPORT_DIR: `/tmp/opsdeck-test-exports-${env.queuePrefix}`, ...overrides });
  const logger = createLogger({ service: "api", level: "error", silent: true });
  const deps = createDeps(config, logger);
  const app = createApp(deps);
  // The request-path Redis client fails fast until connected; don't let the first requests race it.
  while (deps.redis.status !== "ready") await new Promise((r) => setTimeout(r, 10));
  const make = async (role: "ops" | "viewer" | "integration") =>
    (
      await createKey(deps.db.prisma, {
        name: `test-${role}`,
        role,
        externalId: role === "integration" ? "store_001" : null,
      })
    ).raw;
  const keys = { ops: await make("ops"), viewer: await make("viewer"), integration: await make("integration") };
  return {
    env,
    deps,
    app,
    keys,
    async close() {
      await closeDeps(deps);
      await env.cleanup();
    },
  };
}
