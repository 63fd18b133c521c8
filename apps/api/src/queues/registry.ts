// The queues Opsdeck manages: the catalog's plus every BullMQ queue found
// under QUEUE_PREFIX (@opsdeck/redis discovery: SCAN, never KEYS).
// SCAN walks the whole keyspace — on a Redis holding a million jobs, ~110
// calls and 1–5 s of Redis CPU (measured with bench/queues/list.js's 1.1 M
// keys on 2 busy cores) — so no request waits for it once a first result
// exists: a result older than DISCOVERY_TTL_MS is still served while one
// refresh runs in the background (stale-while-revalidate), and `find` checks
// a name missing from the list directly. Queue objects share one connection
// of their own (not the rate limiter's). `snapshot` reads every listed
// queue's counts for GET /queues, sharing reads between concurrent callers.
import { CATALOG_QUEUE_NAMES, type Logger, type RedisTarget } from "@opsdeck/core";
import { createRedis, fetchQueueCounts, listQueueNames, type QueueCounts, queueKeys, type Redis } from "@opsdeck/redis";
import { Queue } from "bullmq";

import { readyRedis } from "./connection";
import { shareConcurrentReads } from "./sharedReads";

/** Deadline of one queue command on the request path, ms: with the limiter's 250 ms fail-open before it, a request on a stalled Redis is answered within a second. */
const QUEUE_COMMAND_TIMEOUT_MS = 600;

/**
 * How long a discovery result is reused, ms. A refresh costs seconds of Redis CPU on a
 * big keyspace (see above), so with a short TTL a polled dashboard kept Redis scanning
 * almost all the time; a queue created meanwhile is reachable at once through `find`
 * and appears in the list within this time.
 */
const DISCOVERY_TTL_MS = 30_000;

interface QueueSnapshot {
  /** names() at the time of the read. */
  names: string[];
  counts: Map<string, QueueCounts>;
  /** When the counts were read, ms (for ages and the last hour). */
  at: number;
}

export interface QueueRegistry {
  /** Catalog queues first, then discovered ones, sorted. */
  names(): Promise<string[]>;
  /** A Queue handle for a known name (catalog or discovered), else undefined. */
  find(name: string): Promise<Queue | undefined>;
  /** A Queue handle without the existence check (for catalog queues and internal use). */
  get(name: string): Queue;
  /**
   * Every listed queue's counts in one round trip. Concurrent callers share a read, but
   * never one that started before they called (`shareConcurrentReads`), so counts are never older
   * than the call.
   */
  snapshot(): Promise<QueueSnapshot>;
  readonly prefix: string;
  readonly connection: Redis;
  close(): Promise<void>;
}

export function createQueueRegistry(opts: { target: RedisTarget; prefix: string; log: Logger }): QueueRegistry {
  const connection = createRedis(opts.target, {
    name: "opsdeck-api-queues",
    // A request waiting on a stalled Redis answers 503 within about a second:
    // every queue command is chunked to well under this, and auto-pipelining is off so the
    // timeout is a real per-command deadline.
    commandTimeoutMs: QUEUE_COMMAND_TIMEOUT_MS,
    autoPipelining: false,
    onError: (err) => opts.log.warn("queue redis connection error", { err }),
  });
  const handles = new Map<string, Queue>();
  let cached: { at: number; names: string[] } | null = null;
  let refreshing: Promise<string[]> | null = null;

  function get(name: string): Queue {
    let q = handles.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix: opts.prefix });
      q.on("error", (err) => opts.log.warn("queue error", { queue: name, err }));
      handles.set(name, q);
    }
    return q;
  }

  function refresh(): Promise<string[]> {
    refreshing ??= listQueueNames(connection, opts.prefix, CATALOG_QUEUE_NAMES)
      .then((names) => {
        cached = { at: Date.now(), names };
        return names;
      })
      .finally(() => (refreshing = null));
    return refreshing;
  }

  async function names(): Promise<string[]> {
    if (!cached) return refresh();
    if (Date.now() - cached.at >= DISCOVERY_TTL_MS) {
      refresh().catch((err: unknown) => opts.log.warn("queue discovery failed; serving the last list", { err }));
    }
    return cached.names;
  }

  const snapshot = shareConcurrentReads(async (): Promise<QueueSnapshot> => {
    const redis = await readyRedis(registry);
    const list = await names();
    const at = Date.now();
    return { names: list, counts: await fetchQueueCounts(redis, opts.prefix, list, at), at };
  });

  const registry: QueueRegistry = {
    names,
    snapshot,
    async find(name) {
      // BullMQ waits for its connection without a deadline; a request must not (503 within 400 ms instead).
      await readyRedis(registry);
      if ((CATALOG_QUEUE_NAMES as string[]).includes(name)) return get(name);
      if (handles.has(name)) return handles.get(name);
      if ((await names()).includes(name)) return get(name);
      // Not in the cached list: check directly, so a queue created seconds ago is found.
      if ((await connection.exists(queueKeys(opts.prefix, name).meta)) === 1) {
        if (cached) cached.at = 0; // the list is out of date: refresh it on the next call
        return get(name);
      }
      return undefined;
    },
    get,
    prefix: opts.prefix,
    connection,
    async close() {
      await Promise.all([...handles.values()].map((q) => q.close()));
      connection.disconnect();
    },
  };
  return registry;
}
