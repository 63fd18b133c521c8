// Finding BullMQ queues in Redis: SCAN for `<prefix>:*:meta` (never KEYS,
// which blocks Redis for the whole keyspace), bounded. Every BullMQ client
// writes a queue's `meta` hash when it first adds a job or starts a worker,
// so this finds queues of producers and workers in any language. Under Redis
// Cluster the SCAN runs on the master(s) holding the prefix (nodes.ts).
import type { Redis } from "../client";
import { serversHolding } from "../nodes";
import { queueOfMetaKey } from "./keys";

/** Most queues we will list; a prefix holding more is a misconfiguration. */
const MAX_DISCOVERED_QUEUES = 2_000;

/** Names of the queues found under `prefix` (unordered, at most MAX_DISCOVERED_QUEUES). */
async function discoverQueues(redis: Redis, prefix: string): Promise<string[]> {
  const found = new Set<string>();
  const match = `${prefix.replace(/([*?[\]\\])/g, "\\$1")}:*:meta`;
  for (const server of await serversHolding(redis, prefix)) {
    let cursor = "0";
    do {
      // 10,000 keys per call: ~100 round trips per million keys, each call a few ms of Redis time.
      const [next, keys] = await server.scan(cursor, "MATCH", match, "COUNT", 10_000);
      cursor = next;
      for (const k of keys) {
        const name = queueOfMetaKey(prefix, k);
        if (name) found.add(name);
      }
    } while (cursor !== "0" && found.size < MAX_DISCOVERED_QUEUES);
  }
  return [...found];
}

/** The catalog's queues first (in catalog order), then every other queue found, sorted by name. */
export async function listQueueNames(redis: Redis, prefix: string, catalog: readonly string[]): Promise<string[]> {
  const discovered = await discoverQueues(redis, prefix);
  const others = discovered.filter((n) => !catalog.includes(n)).sort();
  return [...catalog, ...others];
}
