// API configuration: every env var, its default and why (EXAMPLES §5).
// `loadConfig` is pure; main.ts calls it once and passes the result down.
import path from "node:path";

import { baseEnv, BoolEnv, IntEnv, parseEnv } from "@opsdeck/core";
import { z } from "zod";

export const apiEnv = baseEnv
  .extend({
    /** HTTP port. */
    PORT: IntEnv(0, 65_535).default(3000),
    /** Listen address; 0.0.0.0 in containers. */
    HOST: z.string().min(1).default("127.0.0.1"),
    /** Public base URL used in links (download URLs, docs); defaults to http://HOST:PORT. */
    PUBLIC_URL: z.url().optional(),
    /** Express `trust proxy` (hops or "true"); needed behind a load balancer for per-IP limits. */
    TRUST_PROXY: z.string().max(200).default("false"),
    /** Read policy: requests per window per key (per IP without one). */
    RATE_LIMIT_READ: IntEnv(1, 1_000_000).default(300),
    /** Write policy: requests per window per key. */
    RATE_LIMIT_WRITE: IntEnv(1, 1_000_000).default(60),
    /** Policy window, seconds. */
    RATE_LIMIT_WINDOW_SECONDS: IntEnv(1, 86_400).default(60),
    /** Integration keys' quotas per minute / hour / day (SPEC §3); per-key overrides win. */
    INTEGRATION_QUOTA_MINUTE: IntEnv(1, 10_000_000).default(100),
    INTEGRATION_QUOTA_HOUR: IntEnv(1, 100_000_000).default(1_000),
    INTEGRATION_QUOTA_DAY: IntEnv(1, 1_000_000_000).default(10_000),
    /** Deadline for one limiter round trip, ms; past it the limiter fails open. */
    RATE_LIMIT_TIMEOUT_MS: IntEnv(10, 5_000).default(250),
    /** Request logs: buffer bound (entries) and retention (days). */
    REQUEST_LOG_BUFFER: IntEnv(100, 1_000_000).default(10_000),
    REQUEST_LOG_RETENTION_DAYS: IntEnv(1, 3_650).default(30),
    /** How long a rotated key keeps working, seconds (default 24 h). */
    KEY_ROTATION_GRACE_SECONDS: IntEnv(0, 30 * 86_400).default(86_400),
    /** Largest JSON body accepted, bytes. */
    BODY_LIMIT_BYTES: IntEnv(1_024, 50 * 1_024 * 1_024).default(1_048_576),
    /** SIGTERM: how long in-flight requests get to finish, ms. */
    SHUTDOWN_GRACE_MS: IntEnv(0, 600_000).default(10_000),
    /** Postgres statement timeout for API queries, ms. */
    DB_STATEMENT_TIMEOUT_MS: IntEnv(100, 600_000).default(10_000),
    DB_POOL_SIZE: IntEnv(1, 200).default(10),
    /** Deadline of each dependency probe (health, readyz), ms. */
    PROBE_TIMEOUT_MS: IntEnv(50, 30_000).default(1_000),
    /** Where export files live. */
    EXPORT_DIR: z.string().min(1).default(path.resolve("exports")),
    /** Put internal error messages in 500 responses (development only). */
    EXPOSE_ERRORS: BoolEnv.default(false),
    /** Bearer token for GET /metrics; without it, only loopback may scrape. */
    METRICS_TOKEN: z.string().min(16).max(256).optional(),
    /** Check every response against its schema (on outside production; a mismatch is a 500 in tests). */
    VALIDATE_RESPONSES: BoolEnv.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.RATE_LIMIT_WRITE > c.RATE_LIMIT_READ) {
      ctx.addIssue({ code: "custom", path: ["RATE_LIMIT_WRITE"], message: "must not exceed RATE_LIMIT_READ" });
    }
    if (c.NODE_ENV === "production" && c.EXPOSE_ERRORS) {
      ctx.addIssue({ code: "custom", path: ["EXPOSE_ERRORS"], message: "must be false in production" });
    }
  });

export type ApiConfig = z.infer<typeof apiEnv> & { publicUrl: string; validateResponses: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const c = parseEnv(apiEnv, env);
  const host = c.HOST === "0.0.0.0" || c.HOST === "::" ? "127.0.0.1" : c.HOST;
  return {
    ...c,
    publicUrl: (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, ""),
    validateResponses: c.VALIDATE_RESPONSES ?? c.NODE_ENV !== "production",
  };
}
