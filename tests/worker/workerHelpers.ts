// Shared by the worker tests: config for an isolated test env, a silent
// logger, producer queues, record reads, polling for eventual states
// (records are written in batches, so tests wait for them instead of
// sleeping), and the connections a runtime holds.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

import { Queue } from "bullmq";
import { Redis } from "ioredis";
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

/** True once every one of `jobIds` in `queue` has a completed record. */
export async function allCompleted(pool: pg.Pool, queue: string, jobIds: string[]): Promise<boolean> {
  for (const id of jobIds) {
    if ((await readRecord(pool, queue, id))?.status !== "completed") return false;
  }
  return true;
}

/** Polls `check` until it returns a value other than undefined/false; fails with `what` after `timeoutMs` (generous: a busy machine is slow, not broken). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 120_000,
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

/** Local ports of this process's TCP sockets (Linux /proc): tells its Redis connections from other processes'. */
function ownTcpPorts(): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // closed since the directory was read
    }
  }
  const ports = new Set<number>();
  for (const table of ["/proc/self/net/tcp", "/proc/self/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/); // sl local_address rem_address st ... uid timeout inode
      if (f.length > 9 && inodes.has(f[9] as string)) ports.add(parseInt(f[1]?.split(":")[1] ?? "", 16));
    }
  }
  return ports;
}

export interface RedisClientInfo {
  id: string;
  name: string;
  /** The last command it ran (e.g. "info" right after connecting). */
  cmd: string;
}

/** This process's Redis connections (CLIENT LIST: the server is shared with other test runs) named `name*`. */
export async function ownRedisClients(redisUrl: string, name: string): Promise<RedisClientInfo[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const list = (await redis.call("CLIENT", "LIST", "TYPE", "normal")) as string;
    const ports = ownTcpPorts();
    return list
      .split("\n")
      .filter(Boolean)
      .map((line) => Object.fromEntries(line.split(" ").map((kv) => kv.split("=", 2) as [string, string])))
      .filter((c) => c.name?.startsWith(name) && ports.has(Number(c.addr?.split(":").pop())))
      .map((c) => ({ id: c.id ?? "", name: c.name ?? "", cmd: c.cmd ?? "" }));
  } finally {
    redis.disconnect();
  }
}

/** Backends connected to `pool`'s database whose application_name starts with `name`, by name. */
export async function backendsNamed(pool: pg.Pool, name: string): Promise<Record<string, number>> {
  const r = await pool.query<{ app: string; n: number }>(
    `SELECT application_name AS app, count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND starts_with(application_name, $1) GROUP BY 1`,
    [name],
  );
  return Object.fromEntries(r.rows.map((x) => [x.app, x.n]));
}
