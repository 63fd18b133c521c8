// Minute samples of things that are only knowable "now": worker processes
// (from their heartbeats) and Redis/Postgres stats. Each is attributed to
// the minute just closed; a minute already sampled keeps its first sample
// (ON CONFLICT DO NOTHING), so repeated runs change nothing. Minutes missed
// while no rollup ran have no sample: they cannot be measured afterwards.
import type pg from "pg";

/** Samples every worker that beat during or after `bucket` and had not stopped before it. */
export async function sampleWorkers(pool: pg.Pool, bucket: Date): Promise<number> {
  const r = await pool.query(
    `INSERT INTO worker_metrics (granularity, bucket, worker_id, host, queues, cpu_percent, memory_percent,
                                 memory_rss_bytes, samples)
     SELECT 'minute', $1, id, host, queues, cpu_percent, memory_percent, memory_rss_bytes, 1
       FROM worker_heartbeats
      WHERE last_seen_at >= $1 AND (stopped_at IS NULL OR stopped_at >= $1)
     ON CONFLICT (granularity, worker_id, bucket) DO NOTHING`,
    [bucket],
  );
  return r.rowCount ?? 0;
}

export interface SystemSample {
  redis: { usedMemoryBytes: number; opsPerSec: number; connectedClients: number; latencyMs: number } | null;
  postgres: { databaseBytes: number; connections: number; queryLatencyMs: number } | null;
}

export async function upsertSystemMinute(pool: pg.Pool, bucket: Date, s: SystemSample): Promise<void> {
  await pool.query(
    `INSERT INTO system_metrics (granularity, bucket, samples, redis_samples, postgres_samples,
                                 redis_used_memory_bytes, redis_ops_per_sec, redis_connected_clients,
                                 redis_latency_ms, pg_database_bytes, pg_connections, pg_query_latency_ms)
     VALUES ('minute', $1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (granularity, bucket) DO NOTHING`,
    [
      bucket,
      s.redis ? 1 : 0,
      s.postgres ? 1 : 0,
      s.redis?.usedMemoryBytes ?? null,
      s.redis?.opsPerSec ?? null,
      s.redis?.connectedClients ?? null,
      s.redis?.latencyMs ?? null,
      s.postgres?.databaseBytes ?? null,
      s.postgres?.connections ?? null,
      s.postgres?.queryLatencyMs ?? null,
    ],
  );
}
