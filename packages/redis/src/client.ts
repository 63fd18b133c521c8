// ioredis clients with Opsdeck's deadlines, for every topology: this is the
// one place that constructs ioredis connections (a standalone Redis, a
// Sentinel-managed master, or a Redis Cluster), so the API, the worker, Bull
// Board, the rate limiter, sessions and stats all behave alike. A silent
// network stall must not hang a request: `commandTimeout` bounds every
// command, and clients used on the request path do not queue commands while
// disconnected (they fail at once and the caller degrades). BullMQ worker
// connections are different: `bullmqConnection` gives them, with
// `maxRetriesPerRequest: null` as BullMQ's blocking commands require.
import type { RedisTarget } from "@opsdeck/core";
import { Cluster, type ClusterOptions, Redis as IORedis, type RedisOptions } from "ioredis";

/** A connection to Opsdeck's Redis, whichever the topology: both speak the same commands. */
export type Redis = IORedis | Cluster;

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

/** Reconnect forever, backing off to 2 s (ms), so a restarted Redis is picked up without a restart of ours. */
const backoff = (times: number) => Math.min(times * 100, 2_000);

/**
 * Under Cluster, how a command rides out a slot move or a failover: MOVED is followed at once (and the
 * slot map refreshed), ASK is followed for the one command, TRYAGAIN (a multi-key command whose keys are
 * split mid-migration), CLUSTERDOWN and a closed connection are retried every RETRY_DELAY_MS, at most
 * MAX_REDIRECTIONS times — about 2.4 s in all before the caller sees the error.
 */
const RETRY_DELAY_MS = 150;
const MAX_REDIRECTIONS = 16;
/**
 * How long a worker connection's command rides out a Cluster failover, ms: a dead master is marked
 * failed after cluster-node-timeout (15 s by default) and its replica elected a second or two later.
 * Request paths give up after MAX_REDIRECTIONS and answer 503; a worker's command must not, since a
 * job whose completion failed stays active until found stalled, and then runs a second time.
 */
const WORKER_FAILOVER_WAIT_MS = 60_000;

function nodeOptions(opts: RedisClientOptions): RedisOptions {
  const options: RedisOptions = {
    commandTimeout: opts.commandTimeoutMs ?? 1_000,
    connectTimeout: opts.connectTimeoutMs ?? 2_000,
    enableOfflineQueue: opts.offlineQueue ?? false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: opts.autoPipelining ?? true,
    retryStrategy: backoff,
    lazyConnect: false,
  };
  if (opts.name) options.connectionName = opts.name;
  return options;
}

function construct(target: RedisTarget, opts: RedisClientOptions): Redis {
  const node = nodeOptions(opts);
  switch (target.kind) {
    case "standalone":
      return new IORedis(target.url, node);
    case "sentinel":
      return new IORedis({ ...node, ...sentinelOptions(target), failoverDetector: true });
    case "cluster":
      return new Cluster(target.nodes, {
        ...clusterOptions(target, node),
        enableOfflineQueue: node.enableOfflineQueue,
        enableAutoPipelining: node.enableAutoPipelining,
      });
  }
}

/**
 * How to find the master through the sentinels. Clients we make and disconnect also set ioredis's
 * `failoverDetector` (subscribe to +switch-master and move at once, rather than on the old master's
 * next READONLY); BullMQ's own clients do not: BullMQ closes them with QUIT, which leaves the
 * detector's sentinel subscriptions open (ioredis 6), so they move on READONLY.
 */
function sentinelOptions(target: Extract<RedisTarget, { kind: "sentinel" }>): RedisOptions {
  return {
    sentinels: target.sentinels,
    name: target.name,
    username: target.username,
    password: target.password,
    sentinelUsername: target.sentinelUsername,
    sentinelPassword: target.sentinelPassword,
    sentinelRetryStrategy: backoff,
    // After a failover the old master may come back as a replica: reconnect (to the new master) on READONLY.
    reconnectOnError: (err) => (err.message.startsWith("READONLY") ? 2 : false),
  };
}

function clusterOptions(target: Extract<RedisTarget, { kind: "cluster" }>, node: RedisOptions): ClusterOptions {
  return {
    redisOptions: { ...node, username: target.username, password: target.password },
    clusterRetryStrategy: backoff,
    maxRedirections: MAX_REDIRECTIONS,
    retryDelayOnTryAgain: RETRY_DELAY_MS,
    retryDelayOnClusterDown: RETRY_DELAY_MS,
    retryDelayOnFailover: RETRY_DELAY_MS,
    slotsRefreshTimeout: node.connectTimeout ?? 2_000,
    // Every read from the masters: a replica may lag, and the queues' counts must not go backwards.
    scaleReads: "master",
  };
}

/** A client of Opsdeck's Redis (`target` from redisTarget(config); a URL string is a standalone Redis). */
export function createRedis(target: RedisTarget | string, opts: RedisClientOptions = {}): Redis {
  const redis = construct(typeof target === "string" ? { kind: "standalone", url: target } : target, opts);
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

/** What BullMQ's `connection` option is given: connection options (BullMQ makes and closes its clients) or a Cluster. */
export type BullmqConnection = { [option: string]: unknown } | Cluster;

/**
 * The `connection` of a BullMQ Worker, QueueEvents or a worker process's Queue: commands wait while Redis
 * is away instead of failing (`maxRetriesPerRequest: null`, which BullMQ requires of blocking clients),
 * with no per-command deadline, since its blocking commands wait on Redis for seconds by design (under
 * Cluster, through a failover: WORKER_FAILOVER_WAIT_MS).
 * Standalone and Sentinel give options, so BullMQ owns its clients as before. Cluster gives a Cluster
 * BullMQ cannot build from options: lazily connected (a Worker only duplicates it), and released with
 * `releaseBullmqConnection` once the BullMQ object using it is closed.
 */
export function bullmqConnection(target: RedisTarget, name: string): BullmqConnection {
  const node: RedisOptions = { maxRetriesPerRequest: null, connectionName: name };
  switch (target.kind) {
    case "standalone":
      return { url: target.url, ...node };
    case "sentinel":
      return {
        ...node,
        ...sentinelOptions(target),
      };
    case "cluster":
      return new Cluster(target.nodes, {
        ...clusterOptions(target, node),
        maxRedirections: Math.ceil(WORKER_FAILOVER_WAIT_MS / RETRY_DELAY_MS),
        enableOfflineQueue: true,
        lazyConnect: true,
      });
  }
}

/** Disconnects a Cluster made by bullmqConnection (BullMQ leaves clients it was given open); options need nothing. */
export function releaseBullmqConnection(connection: unknown): void {
  if (connection instanceof Cluster) connection.disconnect();
}

/**
 * True for the errors ioredis raises when Redis is down, unreachable or
 * stalled (as opposed to a command's own error, such as WRONGTYPE): the API
 * answers those with 503 and Retry-After rather than 500.
 */
export function isRedisUnavailableError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "MaxRetriesPerRequestError") return true;
  return /^(Command timed out|Connection is closed|Stream isn't writeable|Reached the max retries per request limit|Cluster isn't ready|Too many Cluster redirections|Failed to refresh slots cache|CLUSTERDOWN|TRYAGAIN)|connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH)|read ECONNRESET|write EPIPE/.test(
    err.message,
  );
}
