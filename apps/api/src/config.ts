// API configuration: every env var, its default and why.
// `loadConfig` is pure; main.ts calls it once and passes the result down.
import { randomBytes } from "node:crypto";

import {
  AlertThresholdsEnv,
  baseEnv,
  BoolEnv,
  checkRedisTopology,
  checkStorageEnv,
  emailEnvShape,
  IntEnv,
  JsonEnv,
  logsEnvShape,
  ownKeyPrefix,
  parseEnv,
  SHARED_SECRETS,
  type SharedSecret,
} from "@opsdeck/core";
import { z } from "zod";

const QueueThreshold = z.strictObject({
  warning_waiting: z.number().int().min(1).optional(),
  critical_waiting: z.number().int().min(1).optional(),
  critical_failed: z.number().int().min(0).optional(),
});

/** A JSON object of queue name → thresholds (env vars are strings). */
const QueueThresholdsEnv = JsonEnv(z.record(z.string().min(1).max(128), QueueThreshold));

const apiEnv = baseEnv
  .extend({
    /** Credentials encryption keys, SMTP timeouts and integration health settings (packages/core/src/emailConfig.ts). */
    ...emailEnvShape,
    /** Export/archive storage (EXPORT_STORAGE, EXPORT_DIR, S3_*) and LOG_RETENTION_DAYS, shared with the worker (packages/core/src/config.ts). */
    ...logsEnvShape,
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
    /** Failed sign-ins (Bull Board) per window per IP; past it a wrong key is answered 429, a correct one still signs in. */
    RATE_LIMIT_SIGN_IN_FAILURES: IntEnv(1, 1_000_000).default(10),
    /** Policy window, seconds. */
    RATE_LIMIT_WINDOW_SECONDS: IntEnv(1, 86_400).default(60),
    /** Integration keys' quotas per minute / hour / day; per-key overrides win. */
    INTEGRATION_QUOTA_MINUTE: IntEnv(1, 10_000_000).default(100),
    INTEGRATION_QUOTA_HOUR: IntEnv(1, 100_000_000).default(1_000),
    INTEGRATION_QUOTA_DAY: IntEnv(1, 1_000_000_000).default(10_000),
    /** Deadline for one limiter round trip, ms; past it the limiter fails open. */
    RATE_LIMIT_TIMEOUT_MS: IntEnv(10, 5_000).default(250),
    /** Request logs: buffer bound, entries (retention is the worker's REQUEST_LOG_RETENTION_DAYS). */
    REQUEST_LOG_BUFFER: IntEnv(100, 1_000_000).default(10_000),
    /**
     * Request logs: the buffer is written to Postgres this often, ms (and at once from 500 waiting entries).
     * What a killed process (SIGKILL, OOM) can lose: the requests of the last interval, or the whole buffer
     * while Postgres is unreachable. SIGTERM writes the buffer out before exiting.
     */
    REQUEST_LOG_FLUSH_MS: IntEnv(10, 600_000).default(1_000),
    /** How long a rotated key keeps working, seconds (default 24 h). */
    KEY_ROTATION_GRACE_SECONDS: IntEnv(0, 30 * 86_400).default(86_400),
    /** Largest JSON body accepted, bytes. */
    BODY_LIMIT_BYTES: IntEnv(1_024, 50 * 1_024 * 1_024).default(1_048_576),
    /** Largest JSON body of the email send routes (/api/v1/platform/email/…), bytes: 10,000 recipients with variables. */
    EMAIL_SEND_BODY_LIMIT_BYTES: IntEnv(1_024, 100 * 1_024 * 1_024).default(16 * 1_048_576),
    /** Recipients per batch job of a campaign sent through the API (a request's batch_size wins). */
    EMAIL_CAMPAIGN_BATCH_SIZE: IntEnv(1, 10_000).default(500),
    /** How long an Idempotency-Key of a send request is kept (and replayed), seconds (default 24 h). */
    EMAIL_IDEMPOTENCY_TTL_SECONDS: IntEnv(60, 30 * 86_400).default(86_400),
    /** Attempts of the email batch jobs the API adds (default: the catalog's, 8). */
    EMAIL_JOB_ATTEMPTS: IntEnv(1, 100).optional(),
    /** Exponential backoff base of those jobs, ms (default: the catalog's per queue). */
    EMAIL_JOB_BACKOFF_MS: IntEnv(1, 3_600_000).optional(),
    /** Slow clients (server.ts): headers must arrive within this, ms. */
    HTTP_HEADERS_TIMEOUT_MS: IntEnv(1_000, 600_000).default(10_000),
    /** …and the whole request, headers and body, within this, ms (the response is not bounded by it). */
    HTTP_REQUEST_TIMEOUT_MS: IntEnv(1_000, 3_600_000).default(30_000),
    /** A socket with no traffic either way for this long is closed, ms. */
    HTTP_IDLE_TIMEOUT_MS: IntEnv(1_000, 3_600_000).default(60_000),
    /**
     * Heartbeat period, ms: each API process upserts its row in api_heartbeats so replicas see each other.
     * At most 10 s, because a process counts as running for 30 s after its last beat.
     */
    HEARTBEAT_INTERVAL_MS: IntEnv(100, 10_000).default(10_000),
    /** SIGTERM: how long in-flight requests get to finish, ms. */
    SHUTDOWN_GRACE_MS: IntEnv(0, 600_000).default(10_000),
    /** Postgres statement timeout for API queries, ms. */
    DB_STATEMENT_TIMEOUT_MS: IntEnv(100, 600_000).default(10_000),
    DB_POOL_SIZE: IntEnv(1, 200).default(10),
    /** Deadline of each dependency probe (health, readyz), ms. */
    PROBE_TIMEOUT_MS: IntEnv(50, 30_000).default(1_000),
    /** Put internal error messages in 500 responses (development only). */
    EXPOSE_ERRORS: BoolEnv.default(false),
    /** Bearer token for GET /metrics; without it, only loopback may scrape. */
    METRICS_TOKEN: z.string().min(16).max(256).optional(),
    /** Check every response against its schema (on outside production; a mismatch is a 500 in tests). */
    VALIDATE_RESPONSES: BoolEnv.optional(),
    /** HMAC-SHA256 secret signing the session id in sign-in cookies and the sign-out form's token (≥ 32 chars). Sessions themselves live in Redis; unset, the secret is random per process, so cookies stop working on restart and on other replicas. */
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").max(1_024).optional(),
    /** Sign-in session lifetime, seconds (default 8 h); sign-out or the key's revocation or expiry ends it sooner. */
    SESSION_TTL_SECONDS: IntEnv(60, 30 * 86_400).default(28_800),
    /** Bull Board: most jobs per page its API returns (its UI offers up to 300; its default is 10). */
    BOARD_JOBS_PER_PAGE_MAX: IntEnv(1, 300).default(100),
    /** GET /queues status: warning from this many waiting jobs (inclusive). */
    QUEUE_WARNING_WAITING: IntEnv(1, 1_000_000_000).default(100),
    /** critical above this many waiting jobs (seed: > 1000). */
    QUEUE_CRITICAL_WAITING: IntEnv(1, 1_000_000_000).default(1_000),
    /** critical above this many failed jobs (seed: > 10). */
    QUEUE_CRITICAL_FAILED: IntEnv(0, 1_000_000_000).default(10),
    /** Per-queue overrides of the three above, JSON: {"email-sending": {"warning_waiting": 500, "critical_waiting": 5000, "critical_failed": 50}}. */
    QUEUE_STATUS_THRESHOLDS: QueueThresholdsEnv.default({}),
    /** Alert/health thresholds per queue or service, JSON (core contracts/alerts.ts); the worker reads the same variable. Here: "API Server" error_rate_percent / p95_ms and "SMTP Service" backlog for infrastructure/health. */
    ALERT_THRESHOLDS: AlertThresholdsEnv.default({}),
    /** Logs: statement timeout of one search, ms; past it the caller is told to narrow the window (400). */
    LOG_SEARCH_TIMEOUT_MS: IntEnv(1, 600_000).default(5_000),
    /** Logs: searches running at once in this process, and per key; more answer 429. Searches get a pool of their own, two connections per search. */
    LOG_SEARCH_MAX_CONCURRENT: IntEnv(1, 50).default(4),
    LOG_SEARCH_MAX_CONCURRENT_PER_KEY: IntEnv(1, 50).default(1),
    /** Logs: `total` is exact up to this many matches, then the planner's estimate (flagged; not counted at all where the planner expects ten times this many). */
    LOG_COUNT_CAP: IntEnv(0, 10_000_000).default(10_000),
    /** Job search: `total` is exact up to this many matching records, then the planner's estimate (flagged; not counted at all where the planner expects ten times this many). */
    JOB_COUNT_CAP: IntEnv(0, 10_000_000).default(10_000),
    /** Logs: longest regex accepted, characters. */
    LOG_REGEX_MAX_LENGTH: IntEnv(1, 500).default(200),
    /** Logs ingest: entries per request (≤ 1000) and serialized bytes per request. */
    LOG_INGEST_MAX_ENTRIES: IntEnv(1, 1_000).default(1_000),
    LOG_INGEST_MAX_BYTES: IntEnv(1_024, 50 * 1_024 * 1_024).default(524_288),
    /** Log exports: rows per export, exports queued or running per key, widest time window (days), lifetime (days). */
    LOG_EXPORT_MAX_ROWS: IntEnv(1, 100_000_000).default(5_000_000),
    LOG_EXPORT_MAX_CONCURRENT: IntEnv(1, 100).default(3),
    LOG_EXPORT_MAX_WINDOW_DAYS: IntEnv(1, 3_650).default(31),
    LOG_EXPORT_TTL_DAYS: IntEnv(1, 365).default(7),
    /** Lifetime of a signed download link, seconds (never past the export's expiry). */
    DOWNLOAD_URL_TTL_SECONDS: IntEnv(10, 7 * 86_400).default(900),
    /** HMAC-SHA256 secret of download links (≥ 32 chars). Unset: random per process, so links die on restart and are not valid on other replicas. */
    DOWNLOAD_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").max(1_024).optional(),
  })
  .superRefine((c, ctx) => {
    checkStorageEnv(c, ctx);
    checkRedisTopology(c, ctx);
    if (c.RATE_LIMIT_WRITE > c.RATE_LIMIT_READ) {
      ctx.addIssue({ code: "custom", path: ["RATE_LIMIT_WRITE"], message: "must not exceed RATE_LIMIT_READ" });
    }
    if (c.HTTP_HEADERS_TIMEOUT_MS > c.HTTP_REQUEST_TIMEOUT_MS) {
      // Node refuses a headers deadline longer than the whole request's.
      ctx.addIssue({
        code: "custom",
        path: ["HTTP_HEADERS_TIMEOUT_MS"],
        message: "must not exceed HTTP_REQUEST_TIMEOUT_MS",
      });
    }
    if (c.LOG_SEARCH_MAX_CONCURRENT_PER_KEY > c.LOG_SEARCH_MAX_CONCURRENT) {
      ctx.addIssue({
        code: "custom",
        path: ["LOG_SEARCH_MAX_CONCURRENT_PER_KEY"],
        message: "must not exceed LOG_SEARCH_MAX_CONCURRENT",
      });
    }
    if (c.NODE_ENV === "production" && c.EXPOSE_ERRORS) {
      ctx.addIssue({ code: "custom", path: ["EXPOSE_ERRORS"], message: "must be false in production" });
    }
  });

export type ApiConfig = z.infer<typeof apiEnv> & {
  publicUrl: string;
  validateResponses: boolean;
  /** DOWNLOAD_SIGNING_SECRET, or random bytes (hex) chosen at start. */
  downloadSigningSecret: string;
  /** The shared secrets left unset, so random in this process (names only). */
  randomSecrets: SharedSecret[];
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const c = parseEnv(apiEnv, env);
  const host = c.HOST === "0.0.0.0" || c.HOST === "::" ? "127.0.0.1" : c.HOST;
  return {
    ...c,
    REDIS_KEY_PREFIX: ownKeyPrefix(c),
    publicUrl: (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, ""),
    validateResponses: c.VALIDATE_RESPONSES ?? c.NODE_ENV !== "production",
    downloadSigningSecret: c.DOWNLOAD_SIGNING_SECRET ?? randomBytes(32).toString("hex"),
    randomSecrets: (Object.keys(SHARED_SECRETS) as SharedSecret[]).filter((name) => c[name] === undefined),
  };
}
