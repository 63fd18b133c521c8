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
  /** Per served queue: paused, concurrency, jobs running now. @defaultValue {} */
  queueStates?: Record<string, QueueState> | undefined;
}

/** What one of a worker process's queues is doing. */
export interface QueueState {
  paused: boolean;
  /** Jobs it may run at once. */
  concurrency: number;
  /** Jobs it is running now. */
  running: number;
}

export async function upsertWorkerHeartbeat(pool: pg.Pool, hb: WorkerHeartbeatWrite): Promise<void> {
  await pool.query(
    `INSERT INTO worker_heartbeats (id, host, pid, queues, started_at, last_seen_at, cpu_percent,
                                    memory_rss_bytes, memory_percent, version, stopped_at, queue_states)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
     ON CONFLICT (id) DO UPDATE SET
       queues = EXCLUDED.queues, last_seen_at = EXCLUDED.last_seen_at, cpu_percent = EXCLUDED.cpu_percent,
       memory_rss_bytes = EXCLUDED.memory_rss_bytes, memory_percent = EXCLUDED.memory_percent,
       version = EXCLUDED.version, stopped_at = EXCLUDED.stopped_at, queue_states = EXCLUDED.queue_states`,
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
      JSON.stringify(hb.queueStates ?? {}),
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

export interface WorkerHeartbeatRow {
  id: string;
  host: string;
  pid: number;
  queues: string[];
  started_at: Date;
  last_seen_at: Date;
  cpu_percent: number;
  memory_rss_bytes: string;
  memory_percent: number;
  version: string;
  stopped_at: Date | null;
  queue_states: Record<string, QueueState>;
}

const HEARTBEAT_COLUMNS = `id, host, pid, queues, started_at, last_seen_at, cpu_percent, memory_rss_bytes::text,
  memory_percent, version, stopped_at, queue_states`;

/** Heartbeats seen in the last `seenWithinMs`, newest first, at most `limit`. */
export async function listWorkerHeartbeats(
  pool: pg.Pool,
  opts: { seenWithinMs: number; limit: number },
): Promise<WorkerHeartbeatRow[]> {
  const r = await pool.query<WorkerHeartbeatRow>(
    `SELECT ${HEARTBEAT_COLUMNS} FROM worker_heartbeats WHERE last_seen_at >= now() - $1 * interval '1 ms'
      ORDER BY last_seen_at DESC, id LIMIT $2`,
    [opts.seenWithinMs, opts.limit],
  );
  return r.rows;
}

export async function getWorkerHeartbeat(pool: pg.Pool, id: string): Promise<WorkerHeartbeatRow | null> {
  const r = await pool.query<WorkerHeartbeatRow>(`SELECT ${HEARTBEAT_COLUMNS} FROM worker_heartbeats WHERE id = $1`, [
    id,
  ]);
  return r.rows[0] ?? null;
}
