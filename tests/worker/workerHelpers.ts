// Shared by the worker tests: config for an isolated test env, a silent
// logger, producer queues, record reads, and polling for eventual states
// (records are written in batches, so tests wait for them instead of sleeping).
import { Queue } from "bullmq";
import type pg from "pg";

import { loadConfig, type WorkerConfig } from "../../apps/worker/src/config";
import { createLogger, type Logger } from "../../packages/core/src";
import type { JobRecordRow } from "../../packages/db/src";
import type { TestEnv } from "../helpers/testEnv";

/** Silent unless WORKER_TEST_LOG is set (e.g. WORKER_TEST_LOG=debug). */
export const silentLogger = (): Logger =>
  createLogger({
    service: "worker-test",
    silent: !process.env.WORKER_TEST_LOG,
    level: process.env.WORKER_TEST_LOG || "info",
    format: "pretty",
  });

export function testConfig(env: TestEnv, extra: Record<string, string> = {}): WorkerConfig {
  return loadConfig({
    ...env.env,
    RECORD_FLUSH_MS: "20",
    HEARTBEAT_INTERVAL_MS: "200",
    SHUTDOWN_GRACE_MS: "20000",
    DB_POOL_SIZE: "3",
    ...extra,
  });
}

/** A producer queue under the test prefix (a plain BullMQ client, as any service would use). */
export function producer(env: TestEnv, name: string): Queue {
  return new Queue(name, { connection: { url: env.redisUrl }, prefix: env.queuePrefix });
}

export async function readRecord(pool: pg.Pool, queue: string, jobId: string): Promise<JobRecordRow | undefined> {
  const r = await pool.query<JobRecordRow>(`SELECT * FROM job_records WHERE queue = $1 AND job_id = $2`, [
    queue,
    jobId,
  ]);
  return r.rows[0];
}

/** Polls `check` until it returns a value other than undefined/false; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 25_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
