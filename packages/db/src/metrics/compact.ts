// Hourly and daily compaction: hour rows from minute rows, day rows from hour
// rows (queues, workers, Redis/Postgres stats), each an upsert of the
// recomputed aggregate. Counts are summed, gauges keep their maximum, and
// averages are weighted by their sample counts so they merge exactly. API
// request percentiles are not compacted here: requestRollup.ts recomputes them
// from the raw request logs.
import type pg from "pg";

import type { Granularity } from "./buckets";

const SOURCE: Record<"hour" | "day", Granularity> = { hour: "minute", day: "hour" };

/** Compacts buckets of granularity `g` in [from, to) from the next finer granularity. */
export async function compactBuckets(pool: pg.Pool, g: "hour" | "day", from: Date, to: Date): Promise<void> {
  const args = [g, SOURCE[g], from, to];
  await pool.query(
    `INSERT INTO queue_metrics (granularity, bucket, queue, completed, failed, waiting, active,
                                latency_sum_ms, latency_count, wait_sum_ms)
     SELECT $1, date_trunc($1, bucket, 'UTC'), queue, sum(completed), sum(failed), max(waiting), max(active),
            sum(latency_sum_ms), sum(latency_count), sum(wait_sum_ms)
       FROM queue_metrics WHERE granularity = $2 AND bucket >= $3 AND bucket < $4
      GROUP BY 2, queue
     ON CONFLICT (granularity, queue, bucket) DO UPDATE SET
       completed = EXCLUDED.completed, failed = EXCLUDED.failed, waiting = EXCLUDED.waiting,
       active = EXCLUDED.active, latency_sum_ms = EXCLUDED.latency_sum_ms,
       latency_count = EXCLUDED.latency_count, wait_sum_ms = EXCLUDED.wait_sum_ms`,
    args,
  );
  await pool.query(
    `INSERT INTO worker_metrics (granularity, bucket, worker_id, host, queues, cpu_percent, memory_percent,
                                 memory_rss_bytes, samples)
     SELECT $1, date_trunc($1, bucket, 'UTC'), worker_id, (array_agg(host ORDER BY bucket DESC))[1],
            string_to_array((array_agg(array_to_string(queues, ',') ORDER BY bucket DESC))[1], ','),
            sum(cpu_percent * samples) / sum(samples), sum(memory_percent * samples) / sum(samples),
            max(memory_rss_bytes), sum(samples)
       FROM worker_metrics WHERE granularity = $2 AND bucket >= $3 AND bucket < $4
      GROUP BY 2, worker_id
     ON CONFLICT (granularity, worker_id, bucket) DO UPDATE SET
       host = EXCLUDED.host, queues = EXCLUDED.queues, cpu_percent = EXCLUDED.cpu_percent,
       memory_percent = EXCLUDED.memory_percent, memory_rss_bytes = EXCLUDED.memory_rss_bytes,
       samples = EXCLUDED.samples`,
    args,
  );
  // Weighted averages: a Redis figure by redis_samples, a Postgres one by postgres_samples.
  const avg = (col: string, weight: string) =>
    `sum(${col} * ${weight}) / NULLIF(sum(${weight}) FILTER (WHERE ${col} IS NOT NULL), 0)`;
  await pool.query(
    `INSERT INTO system_metrics (granularity, bucket, samples, redis_samples, postgres_samples,
                                 redis_used_memory_bytes, redis_ops_per_sec, redis_connected_clients,
                                 redis_latency_ms, pg_database_bytes, pg_connections, pg_query_latency_ms)
     SELECT $1, date_trunc($1, bucket, 'UTC'), sum(samples), sum(redis_samples), sum(postgres_samples),
            ${avg("redis_used_memory_bytes", "redis_samples")}, ${avg("redis_ops_per_sec", "redis_samples")},
            ${avg("redis_connected_clients", "redis_samples")}, ${avg("redis_latency_ms", "redis_samples")},
            ${avg("pg_database_bytes", "postgres_samples")}, ${avg("pg_connections", "postgres_samples")},
            ${avg("pg_query_latency_ms", "postgres_samples")}
       FROM system_metrics WHERE granularity = $2 AND bucket >= $3 AND bucket < $4
      GROUP BY 2
     ON CONFLICT (granularity, bucket) DO UPDATE SET
       samples = EXCLUDED.samples, redis_samples = EXCLUDED.redis_samples,
       postgres_samples = EXCLUDED.postgres_samples, redis_used_memory_bytes = EXCLUDED.redis_used_memory_bytes,
       redis_ops_per_sec = EXCLUDED.redis_ops_per_sec, redis_connected_clients = EXCLUDED.redis_connected_clients,
       redis_latency_ms = EXCLUDED.redis_latency_ms, pg_database_bytes = EXCLUDED.pg_database_bytes,
       pg_connections = EXCLUDED.pg_connections, pg_query_latency_ms = EXCLUDED.pg_query_latency_ms`,
    args,
  );
}
