// ioredis clients with Opsdeck's deadlines. A silent network stall must not
// hang a request: `commandTimeout` bounds every command, and clients used on
// the request path do not queue commands while disconnected (they fail at
// once and the caller degrades). BullMQ worker connections are different:
// they need `maxRetriesPerRequest: null` and are made by the worker runtime.
import { Redis, type RedisOptions } from "ioredis";

export interface RedisClientOptions {
  /** Per-command deadline, ms. @defaultValue 1000 */
  commandTimeoutMs?: number;
  /** Connection attempt deadline, ms. @defaultValue 2000 */
  connectTimeoutMs?: number;
  /** Queue commands while disconnected (false on request paths). @defaultValue false */
  offlineQueue?: boolean;
  /**
   * Batch commands issued in the same tick into one pipeline. Off where
   * `commandTimeoutMs` must be a real deadline: ioredis sends one
   * auto-pipeline at a time, so a command queued behind a stalled batch
   * starts its timer late. @defaultValue true
   */
  autoPipelining?: boolean;
  name?: string;
  onError?: (err: Error) => void;
}

export function createRedis(url: string, opts: RedisClientOptions = {}): Redis {
  const options: RedisOptions = {
    commandTimeout: opts.commandTimeoutMs ?? 1_000,
    connectTimeout: opts.connectTimeoutMs ?? 2_000,
    enableOfflineQueue: opts.offlineQueue ?? false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: opts.autoPipelining ?? true,
    // Reconnect forever, backing off to 2 s, so a restarted Redis is picked up without a restart of ours.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
    lazyConnect: false,
  };
  if (opts.name) options.connectionName = opts.name;
  const redis = new Redis(url, options);
  // Without a listener ioredis prints every connection error; route them to our logger, throttled.
  let last = 0;
  redis.on("error", (err: Error) => {
    if (Date.now() - last > 10_000) {
      last = Date.now();
      opts.onError?.(err);
    }
  });
  return redis;
}

export type { Redis };

/**
 * True for the errors ioredis raises when Redis is down, unreachable or
 * stalled (as opposed to a command's own error, such as WRONGTYPE): the API
 * answers those with 503 and Retry-After rather than 500.
 */
export function isRedisUnavailableError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "MaxRetriesPerRequestError") return true;
  return /^(Command timed out|Connection is closed|Stream isn't writeable|Reached the max retries per request limit)|connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH)|read ECONNRESET|write EPIPE/.test(
    err.message,
  );
}
