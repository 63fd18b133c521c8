// Which Redis server holds a key prefix. Commands with a key are routed by
// the client (ioredis Cluster follows MOVED and ASK by itself), but a few reads
// have no key to route by: SCAN (queue discovery) and CLIENT LIST (worker
// connections, which block on the server holding their queue's keys). Under
// Cluster those go to the master owning the prefix's slot, looked up at each
// call (CLUSTER KEYSLOT, CLUSTER SLOTS) so a slot moved by a reshard or a
// failover is followed; standalone and Sentinel have one server.
import { hasHashTag } from "@opsdeck/core";
import { Cluster, type Redis as IORedis } from "ioredis";

import type { Redis } from "./client";

type SlotRange = [number, number, ...[string, number, ...unknown[]][]];

/** The master connections holding keys under `prefix`: one unless the prefix is untagged under Cluster (then every master). */
export async function serversHolding(redis: Redis, prefix: string): Promise<IORedis[]> {
  if (!(redis instanceof Cluster)) return [redis];
  const masters = redis.nodes("master");
  if (!hasHashTag(prefix)) return masters;
  const slot = Number(await redis.cluster("KEYSLOT", `${prefix}:`));
  const ranges = (await redis.cluster("SLOTS")) as unknown as SlotRange[];
  const range = ranges.find(([start, end]) => slot >= start && slot <= end);
  const owner = range?.[2];
  const node = owner && masters.find((n) => n.options.port === owner[1] && sameHost(n.options.host, owner[0]));
  // A master the client has not met yet (just added): every known master rather than none.
  return node ? [node] : masters;
}

function sameHost(a: string | undefined, b: string): boolean {
  const norm = (h: string | undefined) => (h === undefined || h === "localhost" || h === "" ? "127.0.0.1" : h);
  return norm(a) === norm(b);
}
