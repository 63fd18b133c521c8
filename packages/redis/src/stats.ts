// Redis measurements for health and the rollups: a PING round trip, then
// INFO (memory, stats, clients), bounded by a deadline so an unreachable Redis
// is reported, never waited on.
import { withDeadline } from "@opsdeck/core";

import type { Redis } from "./client";

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
function parseRedisInfo(info: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of info.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0 && !line.startsWith("#")) out.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  return out;
}

/** PING round trip, then INFO (memory, stats, clients). maxmemory-policy is in INFO memory since Redis 4. */
export async function redisStats(redis: Redis, timeoutMs: number): Promise<RedisStats> {
  return withDeadline(
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
