// Builds the real API (createApp + real deps) against a TestEnv, plus keys of
// each role. No port is opened; drive it with supertest. Every response the
// app sends is checked against the committed openapi.json (conformance.ts)
// and logged for the suite's coverage check; `close()` fails the test file
// when any response did not conform.
import { createApp } from "../../apps/api/src/app";
import { loadConfig } from "../../apps/api/src/config";
import { closeDeps, createDeps } from "../../apps/api/src/createDeps";
import type { AppDeps } from "../../apps/api/src/deps";
import { createLogger } from "../../packages/core/src";
import { createKey } from "../../packages/db/src";
import {
  type Exchange,
  formatViolations,
  recordCall,
  recordExchanges,
  sharedValidator,
  type Violation,
} from "./conformance";
import { createTestEnv, type TestEnv, type TestTopology } from "./testEnv";

export interface TestApp {
  env: TestEnv;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  keys: { ops: string; viewer: string; integration: string };
  /** Wraps another app (e.g. one built over deps of its own) so its responses are checked too. */
  checked<App extends ReturnType<typeof createApp>>(other: App): App;
  /** Responses so far that do not conform to openapi.json. */
  violations: Violation[];
  /** Closes deps and drops the database, then throws when any response did not conform. */
  close(): Promise<void>;
}

/**
 * `overrides` are env vars on top of the test env. Like a production API, the app connects to no
 * loopback or private SMTP destination unless EMAIL_ALLOWED_DESTINATIONS says so: tests that talk
 * to the SMTP sink on 127.0.0.1 pass SINK_DESTINATIONS (tests/email/emailHelpers.ts).
 */
export async function createTestApp(overrides: Record<string, string> = {}, topology?: TestTopology): Promise<TestApp> {
  const env = await createTestEnv(topology);
  const config = loadConfig({ ...env.env, EXPORT_DIR: `/tmp/opsdeck-test-exports-${env.queuePrefix}`, ...overrides });
  const logger = createLogger({ service: "api", level: "error", silent: true });
  const deps = createDeps(config, logger);
  const validator = sharedValidator();
  const violations: Violation[] = [];
  const onExchange = (ex: Exchange) => {
    const verdict = validator.check(ex);
    if (verdict.operation) recordCall(verdict.operation, ex.status);
    if (verdict.problems.length)
      violations.push({ exchange: ex, operation: verdict.operation, problems: verdict.problems });
  };
  const app = recordExchanges(createApp(deps), onExchange);
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
    checked: (other) => recordExchanges(other, onExchange),
    violations,
    async close() {
      let cleanupError: unknown;
      try {
        await closeDeps(deps);
        await env.cleanup();
      } catch (err) {
        cleanupError = err;
      }
      // Thrown from afterAll, this fails the test file and lists every offending response.
      if (violations.length) {
        const report = formatViolations(violations);
        violations.length = 0;
        throw new Error(cleanupError ? `${report}\n(and closing failed: ${String(cleanupError)})` : report);
      }
      if (cleanupError) throw cleanupError;
    },
  };
}
