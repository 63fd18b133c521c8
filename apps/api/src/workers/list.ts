// GET /workers: Opsdeck's own worker processes, from their heartbeats (host,
// pid, CPU, memory, version, per-queue state), merged with every BullMQ
// worker connection in one CLIENT LIST. An Opsdeck process's connections are
// named after its heartbeat id (`…:w:<id>`); any other connection is a
// foreign worker: the connections sharing a client name and an IP address
// count as one (a Python worker opens two; two unnamed Node workers of one
// queue on one host cannot be told apart), with only what CLIENT LIST tells.
import type { WorkerList, WorkerView } from "@opsdeck/core";
import { HEARTBEAT_FRESH_MS, listWorkerHeartbeats, type WorkerHeartbeatRow } from "@opsdeck/db";
import { listWorkerConnections, readClientList, type Redis, type WorkerConnection } from "@opsdeck/redis";
import type pg from "pg";

/** Heartbeats listed: a worker that stopped or went silent stays visible this long, ms. */
const RECENT_MS = 5 * 60_000;

/** A foreign worker's id: its first connection's Redis client id. */
export const foreignWorkerId = (c: WorkerConnection) => `redis-${c.clientId}`;

const clientOf = (conns: WorkerConnection[]): WorkerView["client"] =>
  conns.length === 0 ? null : conns[0]!.naming === "node" ? "node" : "python_or_elixir";

function opsdeckWorker(hb: WorkerHeartbeatRow, conns: WorkerConnection[], now: number): WorkerView {
  const status = hb.stopped_at ? "stopped" : now - hb.last_seen_at.getTime() > HEARTBEAT_FRESH_MS ? "lost" : "running";
  return {
    id: hb.id,
    kind: "opsdeck",
    status,
    client: clientOf(conns),
    host: hb.host,
    pid: hb.pid,
    queues: hb.queues.map((name) => {
      const s = hb.queue_states[name];
      return {
        name,
        state: s ? (s.paused ? "paused" : "running") : null,
        concurrency: s?.concurrency ?? null,
        running_jobs: s?.running ?? null,
      };
    }),
    connections: conns.length,
    cpu_percent: hb.cpu_percent,
    memory_rss_bytes: Number(hb.memory_rss_bytes),
    memory_percent: hb.memory_percent,
    version: hb.version,
    started_at: hb.started_at.toISOString(),
    last_seen_at: hb.last_seen_at.toISOString(),
  };
}

function foreignWorker(conns: WorkerConnection[], now: number): WorkerView {
  const first = conns[0]!;
  const ageS = Math.max(...conns.map((c) => c.ageSeconds));
  const idleS = Math.min(...conns.map((c) => c.idleSeconds));
  return {
    id: foreignWorkerId(first),
    kind: "foreign",
    status: "connected",
    client: clientOf(conns),
    host: first.host,
    pid: null,
    queues: [{ name: first.queue, state: null, concurrency: null, running_jobs: null }],
    connections: conns.length,
    cpu_percent: null,
    memory_rss_bytes: null,
    memory_percent: null,
    version: null,
    started_at: new Date(now - ageS * 1_000).toISOString(),
    last_seen_at: new Date(now - idleS * 1_000).toISOString(),
  };
}

/** The foreign workers in a CLIENT LIST, by their connections (grouped by client name and IP). */
function foreignWorkers(conns: WorkerConnection[], opsdeckIds: ReadonlySet<string>): WorkerConnection[][] {
  const groups = new Map<string, WorkerConnection[]>();
  for (const c of conns) {
    if (c.workerName !== null && opsdeckIds.has(c.workerName)) continue;
    const key = `${c.clientName} ${c.host ?? ""}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

export async function listWorkers(
  deps: { pool: pg.Pool; redis: Redis; prefix: string; queueNames: string[] },
  limit: number,
): Promise<WorkerList> {
  const [heartbeats, clientList] = await Promise.all([
    listWorkerHeartbeats(deps.pool, { seenWithinMs: RECENT_MS, limit: limit + 1 }),
    readClientList(deps.redis, deps.prefix),
  ]);
  const now = Date.now();
  const conns = clientList === null ? [] : listWorkerConnections(clientList, deps.prefix, deps.queueNames);
  const byName = new Map<string, WorkerConnection[]>();
  for (const c of conns) {
    if (c.workerName === null) continue;
    const g = byName.get(c.workerName);
    if (g) g.push(c);
    else byName.set(c.workerName, [c]);
  }
  const ids = new Set(heartbeats.map((h) => h.id));
  const foreign = foreignWorkers(conns, ids).sort((a, b) => a[0]!.queue.localeCompare(b[0]!.queue));
  const all = [
    ...heartbeats.map((hb) => opsdeckWorker(hb, byName.get(hb.id) ?? [], now)),
    ...foreign.map((g) => foreignWorker(g, now)),
  ];
  return { workers: all.slice(0, limit), truncated: all.length > limit, client_list_available: clientList !== null };
}
