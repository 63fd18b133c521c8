// Finding BullMQ queues and their workers in Redis, shared by the API (queue
// listings, Bull Board) and the worker (rollups, alert rules):
//  - queues: SCAN for `<prefix>:*:meta` (SPEC §1 — never KEYS), bounded;
//  - workers: one CLIENT LIST; a BullMQ worker names its blocking connection
//    `<prefix>:<base64(queue)>` or `<prefix>:<base64(queue)>:w:<name>`
//    (bullmq utils/create-backend.js), which is how Queue#getWorkers finds them.
import type { Redis } from "ioredis";

/** Most queues we will list; a prefix holding more is a misconfiguration. */
export const MAX_DISCOVERED_QUEUES = 2_000;

/** Names of the queues found under `prefix` (unordered, at most MAX_DISCOVERED_QUEUES). */
export async function discoverQueues(redis: Redis, prefix: string): Promise<string[]> {
  const found = new Set<string>();
  const match = `${prefix.replace(/([*?[\]\\])/g, "\\$1")}:*:meta`;
  let cursor = "0";
  do {
    // 10,000 keys per call: ~100 round trips per million keys, each call a few ms of Redis time.
    const [next, keys] = await redis.scan(cursor, "MATCH", match, "COUNT", 10_000);
    cursor = next;
    for (const k of keys) {
      const name = k.slice(prefix.length + 1, -":meta".length);
      if (name && !name.includes(":")) found.add(name);
    }
  } while (cursor !== "0" && found.size < MAX_DISCOVERED_QUEUES);
  return [...found];
}

/** Worker connections per queue, from the text of one CLIENT LIST. */
export function countWorkers(clientList: string, prefix: string, queues: string[]): Map<string, number> {
  const byClientName = new Map<string, string>();
  for (const q of queues) byClientName.set(`${prefix}:${Buffer.from(q).toString("base64")}`, q);
  const counts = new Map<string, number>(queues.map((q) => [q, 0]));
  for (const line of clientList.split(/\r?\n/)) {
    const name = / name=(\S*)/.exec(` ${line}`)?.[1];
    if (!name?.startsWith(`${prefix}:`)) continue;
    const cut = name.indexOf(":w:", prefix.length + 1);
    const queue = byClientName.get(cut === -1 ? name : name.slice(0, cut));
    if (queue !== undefined) counts.set(queue, (counts.get(queue) ?? 0) + 1);
  }
  return counts;
}
