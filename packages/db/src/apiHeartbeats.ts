// API heartbeats: each API process upserts its row every HEARTBEAT_INTERVAL_MS
// (default 10 s), so replicas are visible to each other and to the worker's
// alert rules. A row names the settings the process fills with a per-process
// random value (unset secrets such as SESSION_SECRET) — names, never values —
// and a one-way fingerprint of each one set, so replicas that disagree show.
// Rows are pruned with the worker heartbeats (HEARTBEAT_RETENTION_DAYS).
import type pg from "pg";

import { HEARTBEAT_FRESH_MS } from "./heartbeats";

export interface ApiHeartbeatWrite {
  /** host-pid-random, stable for the process's life. */
  id: string;
  host: string;
  pid: number;
  version: string;
  startedAt: Date;
  /** Set on clean shutdown; null while running. */
  stoppedAt: Date | null;
  /** Settings using a per-process random value (names). */
  randomSecrets: string[];
  /** Setting → fingerprint of its value, for the shared secrets that are set (core's secretFingerprints). */
  secretFingerprints: Record<string, string>;
}

const LIVE = `stopped_at IS NULL AND last_seen_at >= now() - $1 * interval '1 ms'`;

/** Writes the process's beat (last seen: now) and returns how many other API processes are live. */
export async function upsertApiHeartbeat(pool: pg.Pool, hb: ApiHeartbeatWrite): Promise<number> {
  // One statement: the count reads the snapshot from before the upsert, which is why it leaves this row out by id.
  const r = await pool.query<{ others: number }>(
    `WITH beat AS (
       INSERT INTO api_heartbeats (id, host, pid, version, started_at, last_seen_at, stopped_at, random_secrets,
                                   secret_fingerprints)
       VALUES ($2, $3, $4, $5, $6, now(), $7, $8::text[], $9::jsonb)
       ON CONFLICT (id) DO UPDATE SET
         last_seen_at = EXCLUDED.last_seen_at, stopped_at = EXCLUDED.stopped_at, version = EXCLUDED.version,
         random_secrets = EXCLUDED.random_secrets, secret_fingerprints = EXCLUDED.secret_fingerprints
       RETURNING id)
     SELECT count(*)::int AS others FROM api_heartbeats WHERE id <> (SELECT id FROM beat) AND ${LIVE}`,
    [
      HEARTBEAT_FRESH_MS,
      hb.id,
      hb.host,
      hb.pid,
      hb.version,
      hb.startedAt,
      hb.stoppedAt,
      hb.randomSecrets,
      JSON.stringify(hb.secretFingerprints),
    ],
  );
  return r.rows[0]?.others ?? 0;
}

export interface LiveApiProcess {
  id: string;
  host: string;
  pid: number;
  random_secrets: string[];
  secret_fingerprints: Record<string, string>;
}

/** API processes running now (a fresh beat, not stopped), at most `limit`, oldest first. */
export async function liveApiProcesses(pool: pg.Pool, limit = 1_000): Promise<LiveApiProcess[]> {
  const r = await pool.query<LiveApiProcess>(
    `SELECT id, host, pid, random_secrets, secret_fingerprints FROM api_heartbeats WHERE ${LIVE}
      ORDER BY started_at, id LIMIT $2`,
    [HEARTBEAT_FRESH_MS, limit],
  );
  return r.rows;
}

/** Deletes API heartbeats not seen for `olderThanDays`; returns rows deleted. */
export async function pruneApiHeartbeats(pool: pg.Pool, olderThanDays: number): Promise<number> {
  const r = await pool.query(`DELETE FROM api_heartbeats WHERE last_seen_at < now() - make_interval(days => $1)`, [
    olderThanDays,
  ]);
  return r.rowCount ?? 0;
}
