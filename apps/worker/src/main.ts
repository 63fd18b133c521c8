// Worker entry: config, start, signals. Bad config prints one line per
// problem and exits 2. SIGTERM/SIGINT drain (runtime.ts `close`): stop taking
// jobs, let active ones finish within SHUTDOWN_GRACE_MS, flush job records,
// mark the heartbeat stopped, exit 0. A second signal exits at once.
import os from "node:os";

import { ConfigError, createLogger, redisTarget } from "@opsdeck/core";
import { createPool, createPostgresLogTransport } from "@opsdeck/db";
import { createRedis, reportDroppedLogs } from "@opsdeck/redis";

import { loadConfig, type WorkerConfig } from "./config";
import { startWorker } from "./runtime";

function main(): void {
  let config: WorkerConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`opsdeck worker: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ service: "worker", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  // Application logs also go to Postgres, through a bounded buffer on a pool of their own.
  const logPool = createPool({ url: config.DATABASE_URL, max: 2, applicationName: "opsdeck-worker-logs" });
  const stdoutOnly = createLogger({ service: "worker", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const logTransport = createPostgresLogTransport({
    pool: logPool,
    service: "worker",
    warn: (message, meta) => stdoutOnly.warn(message, meta),
  });
  logger.add(logTransport);
  // A drain command (POST /workers/{id}/commands) stops the process as SIGTERM does.
  const runtime = startWorker(config, logger, { onDrainCommand: () => stop("drain command") });
  // Dropped application logs, shared through Redis so the dropped-logs alert rule sees every process.
  const dropRedis = createRedis(redisTarget(config), { name: "opsdeck-worker-drops" });
  const dropSource = `worker-${os.hostname()}-${process.pid}`;
  const dropReport = setInterval(() => {
    if (logTransport.dropped > 0) {
      reportDroppedLogs(dropRedis, config.REDIS_KEY_PREFIX, dropSource, logTransport.dropped).catch(() => undefined);
    }
  }, 15_000);
  dropReport.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn("second signal; exiting now", { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info("draining", { signal, grace_ms: config.SHUTDOWN_GRACE_MS });
    runtime
      .close()
      .then(() => logTransport.shutdown(5_000))
      .then(() => logPool.end())
      .then(() => dropRedis.disconnect())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error("error while stopping", { err });
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main();
