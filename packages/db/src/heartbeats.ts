// Worker heartbeats: each worker process upserts its row every
// HEARTBEAT_INTERVAL_MS (default 10 s); infrastructure health and metrics read
// them. Rows are pruned after a week by the worker's maintenance.
import type pg from "pg";

/** Heartbeats count as alive for this long after their last beat, ms (3 missed 10 s beats). */
export const HEARTBEAT_FRESH_MS = 30_000;

export interface WorkerHeartbeatWrite {
  /** host-pid-random, stable for the process's life. */
  id: string;
  host: string;
  pid: number;
  queues: string[];
  startedAt: Date;
  lastSeenAt: Date;
  /** Percent of one core over the last interval. */
  cpuPercent: number;
  /** Bytes. */
  memoryRssBytes: number;
  /** RSS as a percent of total machine memory. */
  memoryPercent: number;
  version: string;
  /** Set on clean shutdown; null while running. */
  stoppedAt: Date | null;
}

export async function upsertWorkerHeartbeat(pool: pg.Pool, hb: WorkerHeartbeatWrite): Promise<void> {
  await pool.query(
    `INSERT INTO worker_heartbeats (id, host, pid, queues, started_at, last_seen_at, cpu_percent,
                                    memory_rss_bytes, memory_percent, version, stopped_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO UPDATE SET
       queues = EXCLUDED.queues, last_seen_at = EXCLUDED.last_seen_at, cpu_percent = EXCLUDED.cpu_percent,
       memory_rss_bytes = EXCLUDED.memory_rss_bytes, memory_percent = EXCLUDED.memory_percent,
       version = EXCLUDED.version, stopped_at = EXCLUDED.stopped_at`,
    [
      hb.id,
      hb.host,
      hb.pid,
      hb.queues,
      hb.startedAt,
      hb.lastSeenAt,
      hb.cpuPercent,
      hb.memoryRssBytes,
      hb.memoryPercent,
      hb.version,
      hb.stoppedAt,
    ],
  );
}

/** Deletes heartbeats not seen for `olderThanDays` (default 7); returns rows deleted. */
export async function pruneWorkerHeartbeats(pool: pg.Pool, olderThanDays = 7): Promise<number> {
  const r = await pool.query(`DELETE FROM worker_heartbeats WHERE last_seen_at < now() - make_interval(days => $1)`, [
    olderThanDays,
  ]);
  return r.rowCount ?? 0;
}

/** Per queue, how many running workers serve it (a fresh heartbeat, not stopped); queues none serves are absent. */
export async function onlineWorkersPerQueue(pool: pg.Pool): Promise<Map<string, number>> {
  const r = await pool.query<{ queue: string; n: number }>(
    `SELECT q AS queue, count(*)::int AS n FROM worker_heartbeats, unnest(queues) q
      WHERE stopped_at IS NULL AND last_seen_at >= now() - $1 * interval '1 ms' GROUP BY q`,
    [HEARTBEAT_FRESH_MS],
  );
  return new Map(r.rows.map((x) => [x.queue, x.n]));
}
