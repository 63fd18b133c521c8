// Which BullMQ workers serve a queue, from one CLIENT LIST. Every official
// client names its worker's connection after the queue, as its own
// getWorkers() expects:
//  - Node (bullmq utils/create-backend): `<prefix>:<base64(queue)>`, or
//    `…:w:<worker name>` for a named worker, on the blocking connection only;
//  - Python (bullmq backends/redis_backend.py `clientName`) and Elixir
//    (bullmq worker.ex `worker_client_name`): `<prefix>:<queue>`, or
//    `…:w:<worker name>`, the queue name as it is. Python names both of a
//    worker's connections (its blocking one and its command one);
//  - PHP has no worker.
// QueueEvents listeners (`…:qe`) and producers are not workers. Counts are of
// connections, as BullMQ's own getWorkersCount() counts them, so a Python
// worker counts twice. Opsdeck's own workers are named Node workers whose
// name is their process's heartbeat id.

import { isRedisUnavailableError, type Redis } from "../client";
import { serversHolding } from "../nodes";

/** One worker connection seen in CLIENT LIST. */
export interface WorkerConnection {
  queue: string;
  /** The `:w:<name>` part, when the worker was given a name. */
  workerName: string | null;
  /** The whole client name (two connections of one Python worker share it). */
  clientName: string;
  /** Redis' client id. */
  clientId: string;
  /** The client's IP address (without the port), or null when CLIENT LIST shows none (a Unix socket). */
  host: string | null;
  /** Seconds since the connection was opened. */
  ageSeconds: number;
  /** Seconds since its last command. */
  idleSeconds: number;
  /** "node": the queue name in base64; "plain": as it is (Python, Elixir). */
  naming: "node" | "plain";
}

function fields(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const kv of line.split(" ")) {
    const eq = kv.indexOf("=");
    if (eq > 0) out.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  return out;
}

/**
 * The queue a worker connection's name (after `<prefix>:`, before any `:w:`) belongs to: a Node
 * name is the queue in base64 — an exact round trip, since Buffer decodes leniently — which wins
 * over a plain name (a plain name differs only if a queue is named like another's base64).
 */
function queueOfConnection(base: string, queues: Set<string>): Pick<WorkerConnection, "queue" | "naming"> | undefined {
  const decoded = Buffer.from(base, "base64").toString("utf8");
  if (queues.has(decoded) && Buffer.from(decoded).toString("base64") === base)
    return { queue: decoded, naming: "node" };
  if (queues.has(base)) return { queue: base, naming: "plain" };
  return undefined;
}

/**
 * Every worker connection of `queues`, from the text of one CLIENT LIST, in its order. Each
 * connection's name is decoded, rather than every queue's two possible names encoded: the
 * work grows with the connections under the prefix, not the queues (encoding 1,000 queues'
 * names took ~2 ms a GET /queues on the 2-core dev machine).
 */
export function listWorkerConnections(clientList: string, prefix: string, queues: string[]): WorkerConnection[] {
  const known = new Set(queues);
  const out: WorkerConnection[] = [];
  for (const line of clientList.split(/\r?\n/)) {
    const name = / name=(\S*)/.exec(` ${line}`)?.[1];
    if (!name?.startsWith(`${prefix}:`)) continue;
    const cut = name.indexOf(":w:", prefix.length + 1);
    const match = queueOfConnection(name.slice(prefix.length + 1, cut === -1 ? undefined : cut), known);
    if (match === undefined) continue;
    const f = fields(line);
    const addr = f.get("addr") ?? "";
    const colon = addr.lastIndexOf(":");
    out.push({
      queue: match.queue,
      workerName: cut === -1 ? null : name.slice(cut + 3),
      clientName: name,
      clientId: f.get("id") ?? "",
      host: colon > 0 ? addr.slice(0, colon) : null,
      ageSeconds: Number(f.get("age") ?? 0) || 0,
      idleSeconds: Number(f.get("idle") ?? 0) || 0,
      naming: match.naming,
    });
  }
  return out;
}

/** Worker connections per queue, from the text of one CLIENT LIST. */
export function countWorkers(clientList: string, prefix: string, queues: string[]): Map<string, number> {
  const counts = new Map<string, number>(queues.map((q) => [q, 0]));
  for (const c of listWorkerConnections(clientList, prefix, queues))
    counts.set(c.queue, (counts.get(c.queue) ?? 0) + 1);
  return counts;
}

/**
 * CLIENT LIST's text (normal clients only), or null when Redis refuses the command (some managed Redis
 * disable it): the workers of other clients are then unknown.
 */
export async function readClientList(redis: Redis, prefix: string): Promise<string | null> {
  try {
    // Workers block on the server holding their queue's keys (under Cluster, the master of the prefix's slot).
    const lists = await Promise.all(
      (await serversHolding(redis, prefix)).map((s) => s.call("CLIENT", "LIST", "TYPE", "normal")),
    );
    return (lists as string[]).join("\n");
  } catch (err) {
    if (err instanceof Error && /ERR|NOPERM|unknown command/i.test(err.message) && !isRedisUnavailableError(err)) {
      return null;
    }
    throw err;
  }
}
