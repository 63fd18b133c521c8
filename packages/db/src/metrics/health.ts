// Infrastructure health: one entry per service, each
// measured now and bounded by `timeoutMs`, so a dead dependency is reported
// as down with its reason while the caller still answers. Shared by the API
// (GET …/infrastructure/health) and the alert rules (service_status).
import {
  type AlertThresholdsConfig,
  CATALOG_QUEUE_NAMES,
  coerceError,
  type InfrastructureHealth,
  type ServiceHealth,
  thresholdsForSubject,
  withDeadline,
} from "@opsdeck/core";
import type pg from "pg";

import { integrationHealth } from "../email";
import { HEARTBEAT_FRESH_MS } from "../heartbeats";
import { postgresLatency } from "./systemStats";

/** What a Redis measurement gives (the caller measures it: @opsdeck/redis redisStats). */
interface RedisReading {
  latencyMs: number;
  usedMemoryBytes: number;
  maxmemoryBytes: number;
  maxmemoryPolicy: string;
  connectedClients: number;
}

export interface HealthInputs {
  pool: pg.Pool;
  /** The pool's size (DB_POOL_SIZE). */
  poolMax: number;
  /** Measures Redis within `timeoutMs` (rejects when it cannot). */
  redisStats: (timeoutMs: number) => Promise<RedisReading>;
  timeoutMs: number;
  /** Waiting jobs of the email queues (rejects when Redis is unreachable). */
  emailBacklog: () => Promise<number>;
  thresholds: AlertThresholdsConfig;
}

const msg = (err: unknown) => coerceError(err).message;
const r2 = (n: number) => Math.round(n * 100) / 100;
/** Integration health window; the same defaults as EMAIL_HEALTH_WINDOW_SECONDS / _CIRCUIT_ERROR_RATE / _MIN_ATTEMPTS. */
const EMAIL_WINDOW = { windowSeconds: 300, errorRate: 0.5, minAttempts: 20 };

async function apiServer(i: HealthInputs): Promise<ServiceHealth> {
  const t = thresholdsForSubject(i.thresholds, "API Server");
  try {
    const r = await withDeadline(
      i.pool.query<{ n: number; avg: number | null; pc: number[] | null; errors: number }>(
        `SELECT count(*)::int AS n, avg(response_time)::float8 AS avg,
                percentile_cont(ARRAY[0.95, 0.99]) WITHIN GROUP (ORDER BY response_time) AS pc,
                (count(*) FILTER (WHERE status_code >= 500))::int AS errors
           FROM request_logs WHERE "timestamp" >= now() - interval '5 minutes'`,
      ),
      i.timeoutMs,
      "Postgres",
    );
    const row = r.rows[0] ?? { n: 0, avg: null, pc: null, errors: 0 };
    const rate = row.n > 0 ? r2((row.errors / row.n) * 100) : 0;
    const p95 = row.pc?.[0] ?? null;
    const reasons: string[] = [];
    if (rate > t.error_rate_percent) reasons.push(`${rate}% of requests failed with 5xx in the last 5 minutes`);
    if (p95 !== null && p95 > t.p95_ms) reasons.push(`p95 response time ${r2(p95)} ms is over ${t.p95_ms} ms`);
    return {
      name: "API Server",
      status: reasons.length ? "degraded" : "healthy",
      ...(reasons.length ? { reason: reasons.join("; ") } : {}),
      response_time_ms: {
        avg: row.avg === null ? null : r2(row.avg),
        p95: p95 === null ? null : r2(p95),
        p99: row.pc?.[1] === undefined ? null : r2(row.pc[1]),
      },
      error_rate_percent: rate,
      requests: row.n,
    };
  } catch (err) {
    return {
      name: "API Server",
      status: "degraded",
      reason: `request metrics unavailable: ${msg(err)}`,
      response_time_ms: { avg: null, p95: null, p99: null },
      error_rate_percent: 0,
      requests: 0,
    };
  }
}

async function workers(i: HealthInputs): Promise<ServiceHealth> {
  try {
    const r = await withDeadline(
      i.pool.query<{ queues: string[] }>(
        `SELECT queues FROM worker_heartbeats
          WHERE stopped_at IS NULL AND last_seen_at >= now() - make_interval(secs => $1::double precision / 1000)`,
        [HEARTBEAT_FRESH_MS],
      ),
      i.timeoutMs,
      "Postgres",
    );
    const online = new Map<string, number>(CATALOG_QUEUE_NAMES.map((q) => [q, 0]));
    for (const row of r.rows) for (const q of row.queues) online.set(q, (online.get(q) ?? 0) + 1);
    const queues = [...online].map(([queue, n]) => ({ queue, online: n }));
    const missing = queues.filter((q) => q.online === 0).map((q) => q.queue);
    const status = r.rows.length === 0 ? "down" : missing.length ? "degraded" : "healthy";
    const reason =
      r.rows.length === 0
        ? "No worker process has a heartbeat in the last 30 s"
        : missing.length
          ? `No worker online for: ${missing.join(", ")}`
          : undefined;
    return { name: "Workers", status, ...(reason ? { reason } : {}), online: r.rows.length, queues };
  } catch (err) {
    return {
      name: "Workers",
      status: "degraded",
      reason: `heartbeats unavailable: ${msg(err)}`,
      online: 0,
      queues: [],
    };
  }
}

async function smtp(i: HealthInputs): Promise<ServiceHealth> {
  const threshold = thresholdsForSubject(i.thresholds, "SMTP Service").backlog;
  const [backlog, integrations] = await Promise.allSettled([
    withDeadline(i.emailBacklog(), i.timeoutMs, "Redis"),
    withDeadline(integrationHealth(i.pool, EMAIL_WINDOW), i.timeoutMs, "Postgres"),
  ]);
  const reasons: string[] = [];
  let status: "healthy" | "degraded" | "down" = "healthy";
  const worse = (s: "degraded" | "down") => (status = status === "down" || s === "down" ? "down" : "degraded");
  let summary: { total: number; enabled: number; healthy: number } | null = null;
  if (integrations.status === "fulfilled") {
    const list = integrations.value;
    const enabled = list.filter((x) => x.enabled);
    const healthy = enabled.filter((x) => x.healthy);
    summary = { total: list.length, enabled: enabled.length, healthy: healthy.length };
    if (enabled.length === 0) {
      worse("down");
      reasons.push(list.length ? "No SMTP integration is enabled" : "No SMTP integration is configured");
    } else if (healthy.length === 0) {
      worse("down");
      reasons.push(`All ${enabled.length} enabled SMTP integrations are unhealthy`);
    } else if (healthy.length < enabled.length) {
      worse("degraded");
      const bad = enabled.filter((x) => !x.healthy).map((x) => x.name);
      reasons.push(`Unhealthy SMTP integrations: ${bad.join(", ")}`);
    }
  } else {
    worse("degraded");
    reasons.push(`SMTP integration health unavailable: ${msg(integrations.reason)}`);
  }
  if (backlog.status === "fulfilled") {
    if (backlog.value > threshold) {
      worse("degraded");
      reasons.push(`${backlog.value} email jobs waiting (threshold ${threshold})`);
    }
  } else {
    worse("degraded");
    reasons.push(`email queue backlog unavailable: ${msg(backlog.reason)}`);
  }
  return {
    name: "SMTP Service",
    status,
    ...(reasons.length ? { reason: reasons.join("; ") } : {}),
    queue_backlog: backlog.status === "fulfilled" ? backlog.value : null,
    integrations: summary,
  };
}

type PoolSnapshot = { total: number; idle: number; waiting: number; max: number };

/** `pool`: taken before any probe ran, so the probes' own queries do not count. */
async function database(i: HealthInputs, pool: PoolSnapshot): Promise<ServiceHealth> {
  const usage = r2((pool.total / Math.max(1, pool.max)) * 100);
  try {
    const latency = await postgresLatency(i.pool, i.timeoutMs);
    const reasons: string[] = [];
    // Exhausted: every connection open and busy, and queries queued behind them.
    if (pool.waiting > 0 && pool.total >= pool.max && pool.idle === 0)
      reasons.push(`connection pool exhausted: ${pool.waiting} queries waiting`);
    if (latency > i.timeoutMs / 2) reasons.push(`query latency ${latency} ms`);
    return {
      name: "OLTP Database",
      status: reasons.length ? "degraded" : "healthy",
      ...(reasons.length ? { reason: reasons.join("; ") } : {}),
      connection_pool_usage_percent: usage,
      query_latency_ms: latency,
      pool,
    };
  } catch (err) {
    return {
      name: "OLTP Database",
      status: "down",
      reason: `Postgres unreachable: ${msg(err)}`,
      connection_pool_usage_percent: usage,
      query_latency_ms: null,
      pool,
    };
  }
}

async function redis(i: HealthInputs): Promise<ServiceHealth> {
  try {
    const s = await i.redisStats(i.timeoutMs);
    const reasons: string[] = [];
    if (s.maxmemoryPolicy !== "noeviction")
      reasons.push(`maxmemory-policy is ${s.maxmemoryPolicy}, not noeviction: Redis may evict queue keys`);
    if (s.latencyMs > i.timeoutMs / 2) reasons.push(`PING took ${s.latencyMs} ms`);
    return {
      name: "Redis",
      status: reasons.length ? "degraded" : "healthy",
      ...(reasons.length ? { reason: reasons.join("; ") } : {}),
      latency_ms: s.latencyMs,
      used_memory_bytes: s.usedMemoryBytes,
      maxmemory_bytes: s.maxmemoryBytes,
      maxmemory_policy: s.maxmemoryPolicy,
      connected_clients: s.connectedClients,
    };
  } catch (err) {
    return {
      name: "Redis",
      status: "down",
      reason: `Redis unreachable: ${msg(err)}`,
      latency_ms: null,
      used_memory_bytes: null,
      maxmemory_bytes: null,
      maxmemory_policy: null,
      connected_clients: null,
    };
  }
}

/** Every service, probed in parallel; never throws. */
export async function collectInfrastructureHealth(i: HealthInputs): Promise<InfrastructureHealth> {
  const pool = { total: i.pool.totalCount, idle: i.pool.idleCount, waiting: i.pool.waitingCount, max: i.poolMax };
  const services = await Promise.all([apiServer(i), workers(i), smtp(i), database(i, pool), redis(i)]);
  return { services, checked_at: new Date().toISOString() };
}
