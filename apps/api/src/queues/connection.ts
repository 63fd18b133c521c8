// The queue registry's Redis connection does not queue commands while it is
// (re)connecting, so raw pipelines on it must wait for "ready" first, bounded,
// and turn an unreachable Redis into a 503 instead of an opaque error.
import { UnavailableError } from "@opsdeck/core";
import { type Redis } from "@opsdeck/redis";

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
