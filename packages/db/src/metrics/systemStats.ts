// Postgres measurements, each bounded by a deadline: a database that does not
// answer in time is reported as unreachable, never waited on. (Redis's are in
// @opsdeck/redis stats.ts.)
import { withDeadline } from "@opsdeck/core";
import type pg from "pg";

const round = (n: number) => Math.round(n * 100) / 100;

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
  return withDeadline(
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
  const r = await withDeadline(
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
