// Redis and Postgres measurements, each bounded by a timeout: a dependency
// that does not answer in time is reported as unreachable, never waited on.
import type { Redis } from "@opsdeck/core";
import type pg from "pg";

/** Rejects with `${what} did not answer within N ms` once `ms` passes. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface RedisStats {
  latencyMs: number;
  usedMemoryBytes: number;
  maxmemoryBytes: number;
  maxmemoryPolicy: string;
  opsPerSec: number;
  connectedClients: number;
}

/** INFO fields as a map (`key:value` lines). */
export function parseRedisInfo(info: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of info.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0 && !line.startsWith("#")) out.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  return out;
}

/** PING round trip, then INFO (memory, stats, clients). maxmemory-policy is in INFO memory since Redis 4. */
export async function redisStats(redis: Redis, timeoutMs: number): Promise<RedisStats> {
  return withTimeout(
    (async () => {
      const start = performance.now();
      await redis.ping();
      const latencyMs = round(performance.now() - start);
      const info = parseRedisInfo(await redis.info());
      const num = (k: string) => Number(info.get(k) ?? 0) || 0;
      return {
        latencyMs,
        usedMemoryBytes: num("used_memory"),
        maxmemoryBytes: num("maxmemory"),
        maxmemoryPolicy: info.get("maxmemory_policy") ?? "unknown",
        opsPerSec: num("instantaneous_ops_per_sec"),
        connectedClients: num("connected_clients"),
      };
    })(),
    timeoutMs,
    "Redis",
  );
}

export interface PostgresStats {
  queryLatencyMs: number;
  databaseBytes: number;
  /** Server connections to this database. */
  connections: number;
}

/** One trivial round trip (a connection from the pool and SELECT 1): is Postgres answering? */
export async function pingPostgres(pool: pg.Pool): Promise<void> {
  await pool.query("SELECT 1");
}

/** Size of the current database on disk, bytes. */
export async function databaseBytes(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ b: string }>(`SELECT pg_database_size(current_database())::text AS b`);
  return Number(r.rows[0]?.b);
}

export async function postgresLatency(pool: pg.Pool, timeoutMs: number): Promise<number> {
  return withTimeout(
    (async () => {
      const start = performance.now();
      await pingPostgres(pool);
      return round(performance.now() - start);
    })(),
    timeoutMs,
    "Postgres",
  );
}

export async function postgresStats(pool: pg.Pool, timeoutMs: number): Promise<PostgresStats> {
  const queryLatencyMs = await postgresLatency(pool, timeoutMs);
  const r = await withTimeout(
    pool.query<{ bytes: string; connections: number }>(
      `SELECT pg_database_size(current_database())::text AS bytes,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()) AS connections`,
    ),
    timeoutMs,
    "Postgres",
  );
  const row = r.rows[0];
  return { queryLatencyMs, databaseBytes: Number(row?.bytes ?? 0), connections: row?.connections ?? 0 };
}
