// Daily partitions of app_logs: created ahead by the
// maintenance job, dropped whole once older than the retention period
// (30 days by default) — dropping a partition is instant and leaves no bloat,
// unlike DELETE.
import type pg from "pg";

const DAY_MS = 86_400_000;

function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Creates the missing daily partitions from `daysBack` days ago to
 * `daysAhead` days ahead (UTC). Idempotent. Returns how many were created.
 */
export async function ensureLogPartitions(pool: pg.Pool, daysAhead = 7, daysBack = 1): Promise<number> {
  const now = Date.now();
  return ensureLogPartitionsBetween(pool, new Date(now - daysBack * DAY_MS), new Date(now + daysAhead * DAY_MS));
}

/** Creates the missing daily partitions covering [from, to] (UTC days). */
export async function ensureLogPartitionsBetween(pool: pg.Pool, from: Date, to: Date): Promise<number> {
  const r = await pool.query<{ n: number }>(`SELECT opsdeck_ensure_log_partitions($1::date, $2::date) AS n`, [
    utcDay(from),
    utcDay(to),
  ]);
  return r.rows[0]?.n ?? 0;
}

/**
 * The daily partitions whose whole day is older than `retentionDays` (a
 * partition for day D expires once D + 1 <= today - retentionDays), oldest
 * first: names app_logs_pYYYYMMDD.
 */
export async function expiredLogPartitions(pool: pg.Pool, retentionDays: number): Promise<string[]> {
  const cutoff = utcDay(new Date(Date.now() - retentionDays * DAY_MS)).replace(/-/g, "");
  const { rows } = await pool.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'app_logs'::regclass AND c.relname ~ '^app_logs_p[0-9]{8}$'
      ORDER BY c.relname`,
  );
  // Names are app_logs_pYYYYMMDD (checked by the regex above), so they sort by day.
  return rows.map((r) => r.name).filter((name) => name.slice("app_logs_p".length) < cutoff);
}

/** Drops one partition by the name expiredLogPartitions gave. */
export async function dropLogPartition(pool: pg.Pool, name: string): Promise<void> {
  if (!/^app_logs_p[0-9]{8}$/.test(name)) throw new Error("not a log partition name");
  // Dropping a partition briefly locks the parent; give up rather than queue behind a long query.
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SET LOCAL lock_timeout = '5s'; DROP TABLE IF EXISTS "${name}"; COMMIT`);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Drops the expired daily partitions without archiving them (LOG_ARCHIVE=false;
 * archive.ts archives first). Returns the names of the dropped partitions.
 */
export async function dropExpiredLogPartitions(pool: pg.Pool, retentionDays = 30): Promise<string[]> {
  const dropped: string[] = [];
  for (const name of await expiredLogPartitions(pool, retentionDays)) {
    await dropLogPartition(pool, name);
    dropped.push(name);
  }
  return dropped;
}
