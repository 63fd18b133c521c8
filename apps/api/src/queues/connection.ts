// The queue registry's Redis connection does not queue commands while it is
// (re)connecting, so raw pipelines on it must wait for "ready" first, bounded,
// and turn an unreachable Redis into a 503 instead of an opaque error.
import { type Redis, UnavailableError } from "@opsdeck/core";

import type { QueueRegistry } from "./registry";

/** Longest wait for the connection to become ready, ms. */
const READY_TIMEOUT_MS = 400;

export async function readyRedis(registry: QueueRegistry): Promise<Redis> {
  const redis = registry.connection;
  if (redis.status === "ready") return redis;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new UnavailableError("redis_unavailable", "Redis is not reachable; try again shortly."));
    }, READY_TIMEOUT_MS);
    function onReady() {
      clearTimeout(timer);
      resolve();
    }
    redis.once("ready", onReady);
  });
  return redis;
}

/** `<prefix>:<queue>:<suffix>`: BullMQ's key layout. */
export function queueKey(prefix: string, queue: string, suffix: string): string {
  return `${prefix}:${queue}:${suffix}`;
}

/** Results of `pipeline.exec()`; a command's error becomes null so one bad key cannot fail a listing. */
export function pipelineValues(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new UnavailableError("redis_unavailable", "Redis did not answer; try again shortly.");
  return results.map(([err, value]) => (err ? null : value));
}
