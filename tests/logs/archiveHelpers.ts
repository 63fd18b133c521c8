// What the log archive tests share: an app whose archives go to a real S3
// server (s3rver), a day of logs old enough to be archived, and a run of the
// worker's hourly maintenance.
import type winston from "winston";

import { loadConfig as loadWorkerConfig } from "../../apps/worker/src/config";
import { runHourlySteps } from "../../apps/worker/src/scheduled/hourly";
import { createLogger } from "../../packages/core/src";
import { type S3Server, startS3Server } from "../helpers/s3Server";
import { createTestApp, type TestApp } from "../helpers/testApp";

const DAY_MS = 86_400_000;
/** Days of logs kept before a partition is archived and dropped, in every archive test. */
const RETENTION_DAYS = "30";

/** An S3 server with `bucket` (archives under logs/) and an app that archives there. */
export async function startArchiveApp(bucket: string): Promise<{ s3: S3Server; t: TestApp }> {
  const s3 = await startS3Server(bucket, "logs/");
  const t = await createTestApp({ ...s3.env, LOG_RETENTION_DAYS: RETENTION_DAYS });
  return { s3, t };
}

/**
 * The UTC day `daysAgo` before today, at noon, with its partition and archive file names (spelled out here
 * rather than taken from the code under test).
 */
export function oldDay(daysAgo: number): { at: Date; day: string; partition: string; fileName: string } {
  const at = new Date(Date.now() - daysAgo * DAY_MS);
  at.setUTCHours(12, 0, 0, 0);
  const day = at.toISOString().slice(0, 10);
  const compact = day.replace(/-/g, "");
  return { at, day, partition: `app_logs_p${compact}`, fileName: `log_archive_${compact}.ndjson.gz` };
}

/** Runs the worker's hourly maintenance with exports in `dir` and `env` on top; its log goes to `transports`. */
export function runHourly(
  t: TestApp,
  dir: string,
  env: Record<string, string>,
  transports: winston.transport[] = [],
): ReturnType<typeof runHourlySteps> {
  const config = loadWorkerConfig({
    ...t.env.env,
    EXPORT_DIR: dir,
    LOG_RETENTION_DAYS: RETENTION_DAYS,
    ...env,
  });
  const log = createLogger({ service: "worker", silent: true, transports });
  return runHourlySteps({ config, log, db: t.deps.db, signal: new AbortController().signal });
}
