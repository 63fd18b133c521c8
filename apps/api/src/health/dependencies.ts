// Dependency probes, each bounded by a timeout: a dead or stalled dependency
// is reported as down, never thrown and never waited on forever.
import { coerceError, withDeadline } from "@opsdeck/core";
import { type FileStore, pingPostgres } from "@opsdeck/db";
import type { Redis } from "@opsdeck/redis";
import type pg from "pg";

export type ProbeStatus = "healthy" | "degraded" | "down";

export interface ProbeResult {
  status: ProbeStatus;
  /** Round trip, ms (null when it failed). */
  latencyMs: number | null;
  reason?: string;
}

/** Slower than this and a reachable dependency counts as degraded, ms. */
const SLOW_PROBE_MS = 500;

async function timed(fn: () => Promise<unknown>, timeoutMs: number, name: string): Promise<ProbeResult> {
  const start = performance.now();
  try {
    await withDeadline(fn(), timeoutMs, name);
    const latencyMs = Math.round((performance.now() - start) * 100) / 100;
    return latencyMs > SLOW_PROBE_MS
      ? { status: "degraded", latencyMs, reason: `${name} answered slowly (${latencyMs} ms)` }
      : { status: "healthy", latencyMs };
  } catch (err) {
    return { status: "down", latencyMs: null, reason: `${name} unreachable: ${coerceError(err).message}` };
  }
}

export function probePostgres(pool: pg.Pool, timeoutMs: number): Promise<ProbeResult> {
  return timed(() => pingPostgres(pool), timeoutMs, "Postgres");
}

/** The Redis connections the API uses and the prefixes their keys live under. */
export interface RedisProbeTargets {
  /** Opsdeck's own keys (rate limits, sessions) under `keyPrefix`. */
  redis: Redis;
  keyPrefix: string;
  /** The queues' keys under `queuePrefix`. */
  queues: { connection: Redis; prefix: string };
}

/**
 * A keyed read where Opsdeck's own keys live and one where the queues' keys live (EXISTS of a key
 * nobody writes): under Redis Cluster these are routed to the masters owning those slots, so a master
 * that is down fails the probe, which a PING to any one node would not.
 */
export function probeRedis(t: RedisProbeTargets, timeoutMs: number): Promise<ProbeResult> {
  return timed(
    () =>
      Promise.all([
        t.redis.exists(`${t.keyPrefix}:health-probe`),
        t.queues.connection.exists(`${t.queues.prefix}:health-probe`),
      ]),
    timeoutMs,
    "Redis",
  );
}

/** Export storage: the directory exists (created if missing) and is writable, or the bucket answers. */
export function probeStorage(store: FileStore, timeoutMs: number): Promise<ProbeResult> {
  return timed(() => store.probe(), timeoutMs, "Export storage");
}
