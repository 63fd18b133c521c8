// API entry: config, listen, signals. SIGTERM/SIGINT drain: /readyz turns
// 503 and responses carry `Connection: close`, the listener accepts for a
// short window (so the backlog is answered, not reset) and then closes,
// in-flight requests finish (bounded by SHUTDOWN_GRACE_MS), the heartbeat
// records the stop, request logs are flushed, connections closed (shutdown.ts).
import os from "node:os";

import { ConfigError, createLogger, secretFingerprints } from "@opsdeck/core";
import { createPool, createPostgresLogTransport } from "@opsdeck/db";
import { reportDroppedLogs } from "@opsdeck/redis";

import { createApp } from "./app";
import { loadConfig } from "./config";
import { closeDeps, createDeps } from "./createDeps";
import { startApiHeartbeat } from "./replicas/heartbeat";
import { createHttpServer } from "./server";
import { acceptWindowMs, drainHttpServer } from "./shutdown";

function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`opsdeck api: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ service: "api", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const deps = createDeps(config, logger);
  // Application logs also go to Postgres (searchable at GET /api/v1/platform/system/logs), through a
  // bounded buffer on a pool of their own, so log writes never compete with requests for connections.
  const logPool = createPool({ url: config.DATABASE_URL, max: 2, applicationName: "opsdeck-api-logs" });
  const stdoutOnly = createLogger({ service: "api", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const logTransport = createPostgresLogTransport({
    pool: logPool,
    service: "api",
    registry: deps.metrics.registry,
    warn: (message, meta) => stdoutOnly.warn(message, meta),
  });
  logger.add(logTransport);
  // Drops of request logs and application logs, shared through Redis so the worker's dropped-logs alert sees them.
  const dropSource = `api-${os.hostname()}-${process.pid}`;
  const dropReport = setInterval(() => {
    const dropped = deps.requestLogs.dropped + logTransport.dropped;
    if (dropped > 0) {
      reportDroppedLogs(deps.redis, config.REDIS_KEY_PREFIX, dropSource, dropped).catch(() => undefined);
    }
  }, 15_000);
  dropReport.unref();
  const server = createHttpServer(createApp(deps), config);
  server.on("error", (err) => {
    logger.error("cannot listen", { err });
    process.exit(1);
  });
  server.listen(config.PORT, config.HOST, () => {
    logger.info("api listening", { url: config.publicUrl, port: config.PORT });
  });
  // Job actions a stopped or dead API process left behind carry on here.
  deps.jobActions.watch();
  // Replicas see each other (and the worker's alert rules see them): warns when an unset shared secret is
  // random here while another replica runs.
  const heartbeat = startApiHeartbeat(deps.db.pool, {
    intervalMs: config.HEARTBEAT_INTERVAL_MS,
    randomSecrets: config.randomSecrets,
    secretFingerprints: secretFingerprints(config),
    log: logger,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.lifecycle.draining = true;
    logger.info("draining", { signal, grace_ms: config.SHUTDOWN_GRACE_MS });
    void drainHttpServer(server, {
      acceptMs: acceptWindowMs(config.SHUTDOWN_GRACE_MS),
      graceMs: config.SHUTDOWN_GRACE_MS,
      log: logger,
    })
      .then(() => heartbeat.stop())
      .then(() => logTransport.shutdown(5_000))
      .then(() => logPool.end())
      .then(() => closeDeps(deps))
      .catch((err: unknown) => logger.error("error while closing", { err }))
      .finally(() => {
        logger.info("api stopped");
        process.exit(0);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main();
