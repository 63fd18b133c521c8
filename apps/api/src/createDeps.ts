// Builds the API's dependencies from config: the Postgres pool and Prisma
// client, the log search's own pool and slots, the request-path Redis client,
// the key authenticator, the rate limiter and the request-log buffer.
// `closeDeps` releases them in order.
import { createBatchBuffer, type Logger, redisTarget } from "@opsdeck/core";
import { createDb, createPool, insertRequestLogs, type RequestLogEntry, SEARCH_DEADLINE_GRACE_MS } from "@opsdeck/db";
import { createRedis } from "@opsdeck/redis";

import type { ApiConfig } from "./config";
import type { AppDeps } from "./deps";
import { createKeyAuthenticator } from "./http/auth";
import { createRateLimits } from "./http/rateLimit";
import { createJobActionRunner } from "./jobActions/runner";
import { createSearchSlots } from "./logs/searchSlots";
import { registerInfraMetrics } from "./prometheus/queueGauges";
import { createApiMetrics } from "./prometheus/registry";
import { createQueueRegistry } from "./queues/registry";
import { createSessions, sessionSecret } from "./sessions/sessions";

export function createDeps(config: ApiConfig, logger: Logger): AppDeps {
  const db = createDb({
    url: config.DATABASE_URL,
    max: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    applicationName: "opsdeck-api",
    onError: (err) => logger.warn("postgres pool error", { err }),
  });
  const logSearch = {
    // Each search holds at most two connections at a time (page and count side by side).
    pool: createPool({
      url: config.DATABASE_URL,
      max: 2 * config.LOG_SEARCH_MAX_CONCURRENT,
      statementTimeoutMs: config.LOG_SEARCH_TIMEOUT_MS,
      applicationName: "opsdeck-api-search",
      onError: (err) => logger.warn("postgres search pool error", { err }),
    }),
    slots: createSearchSlots({
      total: config.LOG_SEARCH_MAX_CONCURRENT,
      perKey: config.LOG_SEARCH_MAX_CONCURRENT_PER_KEY,
      retryAfterSeconds: Math.ceil((config.LOG_SEARCH_TIMEOUT_MS + SEARCH_DEADLINE_GRACE_MS) / 1_000),
    }),
  };
  const target = redisTarget(config);
  const redis = createRedis(target, {
    name: "opsdeck-api",
    commandTimeoutMs: 1_000,
    onError: (err) => logger.warn("redis connection error", { err }),
  });
  const metrics = createApiMetrics();
  const limits = createRateLimits({
    redis,
    prefix: config.REDIS_KEY_PREFIX,
    read: config.RATE_LIMIT_READ,
    write: config.RATE_LIMIT_WRITE,
    signInFailures: config.RATE_LIMIT_SIGN_IN_FAILURES,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    timeoutMs: config.RATE_LIMIT_TIMEOUT_MS,
    log: logger,
    onFailOpen: () => metrics.rateLimiterFailOpen.inc(),
    onReject: (policy) => metrics.rateLimitRejections.inc({ policy }),
  });
  let lastDropWarn = 0;
  const requestLogs = createBatchBuffer<RequestLogEntry>({
    write: (batch) => insertRequestLogs(db.pool, batch),
    maxEntries: config.REQUEST_LOG_BUFFER,
    intervalMs: config.REQUEST_LOG_FLUSH_MS,
    onError: (err, n) => logger.warn("request log flush failed; will retry", { err, pending: n }),
    onDrop: (dropped) => {
      metrics.requestLogsDropped.inc();
      if (Date.now() - lastDropWarn > 10_000) {
        lastDropWarn = Date.now();
        logger.warn("request log buffer full; dropping entries", { dropped_total: dropped });
      }
    },
  });
  const keys = createKeyAuthenticator(db.prisma, logger, {
    integration: {
      minute: config.INTEGRATION_QUOTA_MINUTE,
      hour: config.INTEGRATION_QUOTA_HOUR,
      day: config.INTEGRATION_QUOTA_DAY,
    },
  });
  const sessions = createSessions({
    redis,
    prefix: config.REDIS_KEY_PREFIX,
    secret: sessionSecret(config.SESSION_SECRET, logger),
    ttlSeconds: config.SESSION_TTL_SECONDS,
  });
  const queues = createQueueRegistry({ target, prefix: config.QUEUE_PREFIX, log: logger });
  // Queue gauges and job counters, collected on scrape (GET /metrics).
  registerInfraMetrics(metrics.registry, { queues, pool: db.pool, timeoutMs: config.PROBE_TIMEOUT_MS });
  const jobActions = createJobActionRunner({ pool: db.pool, prisma: db.prisma, queues, logger });
  return {
    config,
    queues,
    jobActions,
    logger,
    db,
    logSearch,
    redis,
    keys,
    sessions,
    limits,
    requestLogs,
    metrics,
    lifecycle: { draining: false, startedAt: new Date() },
  };
}

export async function closeDeps(deps: AppDeps): Promise<void> {
  await deps.requestLogs.close(5_000);
  // Before the queues and the pool it uses: the running actions stop after their chunk and are released.
  await deps.jobActions.stop();
  await deps.queues.close();
  deps.redis.disconnect();
  await deps.logSearch.pool.end();
  await deps.db.close();
}
