// Worker configuration: every env var, its default and why.
// `loadConfig` is pure; main.ts calls it once and passes the result down.
import {
  baseEnv,
  BoolEnv,
  CATALOG_QUEUE_NAMES,
  type CatalogJobOptions,
  type CatalogQueueName,
  checkRedisTopology,
  checkStorageEnv,
  defaultJobOptions,
  emailEnvShape,
  IntEnv,
  isCatalogQueue,
  type JobRetentionOptions,
  logsEnvShape,
  ownKeyPrefix,
  parseEnv,
  QUEUES,
} from "@opsdeck/core";
import { z } from "zod";

import { checkMetricsEnv, metricsEnvShape } from "./rollups/env";

const Concurrency = IntEnv(1, 1_000);

const workerEnv = baseEnv
  .extend({
    /** Email sending, SMTP integration health and DNSBL checks (packages/core/src/emailConfig.ts). */
    ...emailEnvShape,
    ...metricsEnvShape,
    /** Export/archive storage (EXPORT_STORAGE, EXPORT_DIR, S3_*) and LOG_RETENTION_DAYS, shared with the API (packages/core/src/config.ts). */
    ...logsEnvShape,
    /** Comma-separated catalog queues this process serves; default all of them. */
    WORKER_QUEUES: z
      .string()
      .max(1_000)
      .superRefine((v, ctx) => {
        // Checked on the field (not the object) so it is reported alongside every other problem.
        const names = splitList(v);
        if (names.length === 0) ctx.addIssue({ code: "custom", message: "lists no queue" });
        for (const q of names.filter((n) => !isCatalogQueue(n))) {
          ctx.addIssue({
            code: "custom",
            message: `unknown queue '${q}' (catalog: ${CATALOG_QUEUE_NAMES.join(", ")})`,
          });
        }
      })
      .optional(),
    /** One concurrency for every queue; per-queue WORKER_CONCURRENCY_<QUEUE> (e.g. _EMAIL_SENDING_HIGH) wins. */
    WORKER_CONCURRENCY: Concurrency.optional(),
    WORKER_CONCURRENCY_EMAIL_SENDING_HIGH: Concurrency.optional(),
    WORKER_CONCURRENCY_EMAIL_SENDING: Concurrency.optional(),
    WORKER_CONCURRENCY_LOG_EXPORTS: Concurrency.optional(),
    WORKER_CONCURRENCY_METRIC_ROLLUPS: Concurrency.optional(),
    WORKER_CONCURRENCY_ALERT_WEBHOOKS: Concurrency.optional(),
    /** SIGTERM: how long active jobs get to finish before a forced close, ms. */
    SHUTDOWN_GRACE_MS: IntEnv(0, 3_600_000).default(30_000),
    /** Heartbeat period, ms (10 s). */
    HEARTBEAT_INTERVAL_MS: IntEnv(100, 600_000).default(10_000),
    /** Reconciliation of job records against Redis: period, ms. */
    RECONCILE_INTERVAL_MS: IntEnv(100, 86_400_000).default(60_000),
    /** A non-final record is checked once it has not been written for this long, ms. */
    RECONCILE_STALE_AFTER_MS: IntEnv(0, 86_400_000).default(60_000),
    /** How far back finished jobs in Redis are compared with their records, ms (default 1 h). */
    RECONCILE_LOOKBACK_MS: IntEnv(1_000, 30 * 86_400_000).default(3_600_000),
    /** Records per reconciliation chunk, and chunks per run (bounds one run's work). */
    RECONCILE_CHUNK: IntEnv(10, 5_000).default(500),
    RECONCILE_MAX_CHUNKS: IntEnv(1, 1_000).default(20),
    /** Finished jobs kept in Redis: count and age (seconds). Applied to catalog jobs by producers and to jobs added without them. */
    REMOVE_ON_COMPLETE_COUNT: IntEnv(0, 10_000_000).default(1_000),
    REMOVE_ON_COMPLETE_AGE: IntEnv(1, 365 * 86_400).default(86_400),
    REMOVE_ON_FAIL_COUNT: IntEnv(0, 10_000_000).default(10_000),
    REMOVE_ON_FAIL_AGE: IntEnv(1, 365 * 86_400).default(7 * 86_400),
    /** BullMQ job lock, ms: a worker that stops renewing it (crash) has its jobs recovered after about this long. */
    WORKER_LOCK_DURATION_MS: IntEnv(1_000, 600_000).default(30_000),
    /** How often BullMQ looks for stalled jobs, ms. */
    WORKER_STALLED_INTERVAL_MS: IntEnv(1_000, 600_000).default(30_000),
    /** Times a job may stall before it fails. */
    WORKER_MAX_STALLED_COUNT: IntEnv(0, 100).default(1),
    /** Job-record write-back buffer: entries held while Postgres is unreachable; batch size; flush period ms. */
    RECORD_BUFFER: IntEnv(100, 10_000_000).default(100_000),
    RECORD_BATCH: IntEnv(1, 10_000).default(500),
    RECORD_FLUSH_MS: IntEnv(10, 60_000).default(250),
    /**
     * Durable history of the queues Opsdeck's workers do not serve: follow their BullMQ event streams
     * into job records (apps/worker/src/history/). Catalog queues are written by the write-back instead.
     */
    HISTORY_FOLLOW: BoolEnv.default(true),
    /** Comma-separated queues never followed. */
    HISTORY_EXCLUDE_QUEUES: z.string().max(10_000).default(""),
    /** How often the queues under QUEUE_PREFIX are discovered again and free streams' leases taken, ms. */
    HISTORY_DISCOVERY_MS: IntEnv(100, 3_600_000).default(10_000),
    /** Stream entries read per stream and XREAD (COUNT); one batch is one Postgres transaction. */
    HISTORY_BATCH: IntEnv(1, 10_000).default(5_000),
    /** How long one XREAD waits for new entries, ms (BLOCK); also bounds how late a new lease is read. */
    HISTORY_BLOCK_MS: IntEnv(10, 60_000).default(1_000),
    /** Least time between two reads of the streams unless the last was a full batch, ms. */
    HISTORY_LINGER_MS: IntEnv(0, 10_000).default(250),
    /** A stream's lease lifetime, ms: a dead follower's streams are taken over after about this long. */
    HISTORY_LEASE_MS: IntEnv(1_000, 600_000).default(15_000),
    /** A first start (no saved position) backfills at most this many of the newest stream entries. */
    HISTORY_BACKFILL_MAX: IntEnv(0, 1_000_000).default(10_000),
    /** Gap repair walks at most this many of a queue's jobs in Redis. */
    HISTORY_REPAIR_MAX_JOBS: IntEnv(1, 10_000_000).default(100_000),
    /**
     * Longest the follower leaves alone a stream growing faster than HISTORY_BATCH entries per
     * HISTORY_LINGER_MS (at least 250 ms), a burst it could not follow anyway; its gap is repaired after,
     * ms; 0 never steps aside.
     */
    HISTORY_STEP_ASIDE_MAX_MS: IntEnv(0, 600_000).default(10_000),
    /** Request-log retention, days (maintenance deletes older rows). */
    REQUEST_LOG_RETENTION_DAYS: IntEnv(1, 3_650).default(30),
    /** Heartbeats not seen for this many days are deleted. */
    HEARTBEAT_RETENTION_DAYS: IntEnv(1, 365).default(7),
    DB_POOL_SIZE: IntEnv(1, 200).default(10),
    /** Postgres statement timeout for worker queries, ms (exports stream with their own cursors). */
    DB_STATEMENT_TIMEOUT_MS: IntEnv(100, 3_600_000).default(60_000),
    /** Log exports: statement timeout of an export's count and of its copy, ms (default 10 min); past it the export fails, saying so. */
    LOG_EXPORT_TIMEOUT_MS: IntEnv(1, 3_600_000).default(600_000),
    /** Archive each log partition (NDJSON gzip, to the export storage) before retention drops it; false drops without archiving. */
    LOG_ARCHIVE: BoolEnv.default(true),
    /**
     * Archives whose day is older than this many days are deleted from the storage (the file first, then the
     * row is marked expired) by the hourly maintenance; 0 keeps them forever. At most 100 years (36,500 days).
     */
    LOG_ARCHIVE_RETENTION_DAYS: IntEnv(0, 36_500).default(0),
  })
  .superRefine((c, ctx) => {
    // An archive is written once its day is past LOG_RETENTION_DAYS; a retention no longer than that would
    // delete each archive within the hour it was written.
    if (c.LOG_ARCHIVE_RETENTION_DAYS > 0 && c.LOG_ARCHIVE_RETENTION_DAYS <= c.LOG_RETENTION_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["LOG_ARCHIVE_RETENTION_DAYS"],
        message: `must be 0 (keep forever) or more than LOG_RETENTION_DAYS (${c.LOG_RETENTION_DAYS})`,
      });
    }
    checkStorageEnv(c, ctx);
    checkRedisTopology(c, ctx);
    checkMetricsEnv(c, ctx);
  });

export type WorkerEnv = z.infer<typeof workerEnv>;

export interface WorkerConfig extends WorkerEnv {
  /** Queues this process serves. */
  queues: CatalogQueueName[];
  /** Concurrency per served queue. */
  concurrency: Record<CatalogQueueName, number>;
  /** Queues the history follower leaves alone (HISTORY_EXCLUDE_QUEUES). */
  historyExclude: string[];
}

function splitList(v: string | undefined): string[] {
  return (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;
type ConcurrencyVar<Q extends CatalogQueueName> = `WORKER_CONCURRENCY_${Uppercase<Underscored<Q>>}`;

/**
 * `email-sending-high` → `WORKER_CONCURRENCY_EMAIL_SENDING_HIGH`. Typed, so a catalog queue whose variable
 * is missing from workerEnv fails to compile where loadConfig reads it.
 */
function concurrencyVar<Q extends CatalogQueueName>(queue: Q): ConcurrencyVar<Q> {
  return `WORKER_CONCURRENCY_${queue.toUpperCase().replaceAll("-", "_")}` as ConcurrencyVar<Q>;
}

/**
 * How many finished jobs Redis keeps (count, and age in seconds): the retention this worker's producers add
 * jobs with (scheduler, alert webhooks), and the workers' bound for jobs added without any.
 */
export function jobRetention(config: WorkerEnv): Required<JobRetentionOptions> {
  return {
    removeOnComplete: { count: config.REMOVE_ON_COMPLETE_COUNT, age: config.REMOVE_ON_COMPLETE_AGE },
    removeOnFail: { count: config.REMOVE_ON_FAIL_COUNT, age: config.REMOVE_ON_FAIL_AGE },
  };
}

/** Options of every alert-webhooks job: the catalog's, with attempts and backoff (ms) from config. */
export function alertWebhookJobOptions(config: WorkerEnv): CatalogJobOptions {
  return defaultJobOptions("alert-webhooks", {
    ...jobRetention(config),
    attempts: config.ALERT_WEBHOOK_ATTEMPTS,
    backoffMs: config.ALERT_WEBHOOK_BACKOFF_MS,
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const c = parseEnv(workerEnv, env);
  const listed = splitList(c.WORKER_QUEUES).filter(isCatalogQueue);
  const queues = listed.length > 0 ? [...new Set(listed)] : [...CATALOG_QUEUE_NAMES];
  const concurrency = {} as Record<CatalogQueueName, number>;
  for (const q of CATALOG_QUEUE_NAMES) {
    const specific = c[concurrencyVar(q)];
    concurrency[q] = typeof specific === "number" ? specific : (c.WORKER_CONCURRENCY ?? QUEUES[q].concurrency);
  }
  return {
    ...c,
    REDIS_KEY_PREFIX: ownKeyPrefix(c),
    queues,
    concurrency,
    historyExclude: splitList(c.HISTORY_EXCLUDE_QUEUES),
  };
}
