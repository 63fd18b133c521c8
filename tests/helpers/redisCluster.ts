// A private Redis Cluster for one test file: Debian's redis-server with
// cluster mode on, on free ports of its own, in a temp dir, joined with
// `redis-cli --cluster create`. Three masters by default; `{ replicas: 1 }`
// adds a replica behind each (six nodes), so a killed master is replaced by
// its replica, as in production. `moveSlot` reshards one slot live
// (SETSLOT IMPORTING/MIGRATING, MIGRATE in batches, SETSLOT NODE) the way
// `redis-cli --cluster reshard` does, so a test controls exactly when the
// queues' slot moves; `stop` kills one node; `failover` kills a master once
// its replica is in sync and waits for the replica to take its slots;
// `close` stops every node and removes the directory.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { Cluster, Redis } from "ioredis";

import { killProcesses } from "./killProcesses";

const run = promisify(execFile);

export interface ClusterNode {
  port: number;
  id: string;
  client: Redis;
}

export interface ClusterOptions {
  /** Replicas per master: 0 (three nodes) or 1 (six nodes). @defaultValue 0 */
  replicas?: 0 | 1;
}

export interface TestCluster {
  /** Every node, masters and replicas. */
  nodes: ClusterNode[];
  /** REDIS_CLUSTER_NODES for Opsdeck. */
  seeds: string;
  /** A plain ioredis Cluster client on the nodes, as another service would make (a BullMQ producer's). */
  client(): Cluster;
  /** The slot a key hashes to. */
  slotOf(key: string): Promise<number>;
  /** The master currently owning `slot`. */
  ownerOf(slot: number): Promise<ClusterNode>;
  /** Moves `slot` and its keys to `to`, live; `onMigrating` runs while the slot is half moved. */
  moveSlot(slot: number, to: ClusterNode, onMigrating?: () => Promise<void>): Promise<void>;
  /** The node replicating `master` now (a cluster started with replicas). */
  replicaOf(master: ClusterNode): Promise<ClusterNode>;
  /**
   * Kills `master` (SIGKILL) once its replica is in sync, then waits until that replica is promoted,
   * owns the master's slots on every live node and every live node says cluster_state:ok; returns it.
   */
  failover(master: ClusterNode): Promise<ClusterNode>;
  /** Kills a node's process (as a crash would). */
  stop(node: ClusterNode): Promise<void>;
  /** Starts a stopped node again on its port and nodes.conf: it rejoins owning its slots (empty: nothing is persisted). */
  restart(node: ClusterNode): Promise<void>;
  close(): Promise<void>;
}

/**
 * `n` distinct TCP ports nobody listens on now (the kernel's picks). All are held open until every one is
 * picked: a port closed before the next pick may be handed out again, and two nodes would then share it.
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", resolve);
      });
    }
    return servers.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

/** Polls `check` until true; fails naming `what` after `timeoutMs` (generous: a busy machine is slow, not broken). */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type SlotRange = [number, number, [string, number, ...unknown[]], ...unknown[]];

/** The masters' slot ranges as `client`'s node sees them. */
async function slotRanges(client: Redis): Promise<SlotRange[]> {
  return (await client.cluster("SLOTS")) as unknown as SlotRange[];
}

/** The port of the master owning `slot` in `ranges`. */
function portOwning(ranges: SlotRange[], slot: number): number | undefined {
  return ranges.find(([a, b]) => slot >= a && slot <= b)?.[2][1];
}

export async function startRedisCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const replicas = options.replicas ?? 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-cluster-"));
  const procs = new Map<number, ChildProcess>();
  const argsOf = new Map<number, string[]>();
  const ports: number[] = [];
  try {
    const nodeCount = 3 * (1 + replicas);
    // A client port and a cluster bus port per node.
    const picked = await freePorts(2 * nodeCount);
    for (let i = 0; i < nodeCount; i++) {
      const port = picked[2 * i] as number;
      const busPort = picked[2 * i + 1] as number;
      const nodeDir = path.join(dir, String(port));
      fs.mkdirSync(nodeDir);
      // node-timeout 3 s (ms): a killed master is marked failed quickly; no persistence, loopback only.
      const args = [
        "--port",
        String(port),
        "--cluster-port",
        String(busPort),
        "--bind",
        "127.0.0.1",
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        path.join(nodeDir, "nodes.conf"),
        "--cluster-node-timeout",
        "3000",
        "--dir",
        nodeDir,
        "--save",
        "",
        "--appendonly",
        "no",
        "--protected-mode",
        "yes",
      ];
      // A replica whose link looks stale (a busy machine) would otherwise refuse to stand for election.
      if (replicas > 0) args.push("--cluster-replica-validity-factor", "0");
      argsOf.set(port, args);
      procs.set(port, spawn("redis-server", args, { stdio: "ignore" }));
      ports.push(port);
    }
    const clients = ports.map(
      (port) => new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 1, lazyConnect: true }),
    );
    for (const c of clients) c.on("error", () => undefined);
    await until("cluster nodes to listen", async () => {
      await Promise.all(clients.map((c) => (c.status === "ready" ? c.ping() : c.connect())));
      return true;
    });
    await run("redis-cli", [
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      String(replicas),
      "--cluster-yes",
    ]);
    const nodes: ClusterNode[] = await Promise.all(
      clients.map(async (client, i) => ({ port: ports[i]!, id: String(await client.cluster("MYID")), client })),
    );
    const stopped = new Set<ClusterNode>();
    const live = () => nodes.filter((n) => !stopped.has(n));
    const roleOf = async (n: ClusterNode) => String(((await n.client.call("ROLE")) as unknown[])[0]);

    const replicaOf = async (master: ClusterNode): Promise<ClusterNode> => {
      // CLUSTER REPLICAS answers in CLUSTER NODES' format: the node id comes first.
      const lines = (await master.client.cluster("REPLICAS", master.id)) as string[];
      const ids = lines.map((l) => l.split(" ")[0]);
      const replica = nodes.find((n) => !stopped.has(n) && ids.includes(n.id));
      if (!replica) throw new Error(`no live replica of ${master.port}`);
      return replica;
    };
    /** A replica is in sync once its link to its master is up and the master sees it online. */
    const inSync = async (master: ClusterNode, replica: ClusterNode): Promise<boolean> => {
      const [mine, theirs] = await Promise.all([replica.client.info("replication"), master.client.info("replication")]);
      return (
        mine.includes("master_link_status:up") &&
        mine.includes(`master_port:${master.port}`) &&
        new RegExp(`port=${replica.port},state=online`).test(theirs)
      );
    };
    const clusterOk = async () => {
      const infos = await Promise.all(live().map((n) => n.client.cluster("INFO")));
      return infos.every((i) => String(i).includes("cluster_state:ok"));
    };

    await until("cluster_state:ok on every node", clusterOk);
    if (replicas > 0) {
      await until(
        "every master's replica in sync",
        async () => {
          const masters = [];
          for (const n of nodes) if ((await roleOf(n)) === "master") masters.push(n);
          if (masters.length !== 3) return false;
          for (const m of masters) if (!(await inSync(m, await replicaOf(m)))) return false;
          return true;
        },
        120_000,
      );
    }

    const ownerOf = async (slot: number): Promise<ClusterNode> => {
      const port = portOwning(await slotRanges(live()[0]!.client), slot);
      const owner = nodes.find((n) => n.port === port);
      if (!owner) throw new Error(`no owner for slot ${slot}`);
      return owner;
    };

    const stop = async (node: ClusterNode) => {
      const proc = procs.get(node.port);
      stopped.add(node);
      node.client.disconnect();
      if (proc && proc.exitCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGKILL");
        await exited;
      }
    };

    return {
      nodes,
      seeds: ports.map((p) => `127.0.0.1:${p}`).join(","),
      client() {
        const c = new Cluster(ports.map((port) => ({ host: "127.0.0.1", port })));
        // Failover and restart tests stop nodes under it: it reconnects by itself.
        c.on("error", () => undefined);
        return c;
      },
      async slotOf(key) {
        return Number(await live()[0]!.client.cluster("KEYSLOT", key));
      },
      ownerOf,
      async moveSlot(slot, to, onMigrating) {
        const from = await ownerOf(slot);
        if (from === to) return;
        await to.client.cluster("SETSLOT", slot, "IMPORTING", from.id);
        await from.client.cluster("SETSLOT", slot, "MIGRATING", to.id);
        // A few keys at a time, so the slot stays half moved (ASK, TRYAGAIN) while work goes on.
        let moved = 0;
        for (;;) {
          const keys = (await from.client.cluster("GETKEYSINSLOT", slot, 5)) as string[];
          if (keys.length === 0) break;
          await from.client.call("MIGRATE", "127.0.0.1", String(to.port), "", "0", "5000", "KEYS", ...keys);
          moved += keys.length;
          if (onMigrating && moved <= 5) await onMigrating();
        }
        if (onMigrating && moved === 0) await onMigrating();
        // SETSLOT is for masters only; replicas learn the new owner from their masters' gossip.
        for (const n of [to, from, ...live().filter((n) => n !== to && n !== from)]) {
          if ((await roleOf(n)) === "master") await n.client.cluster("SETSLOT", slot, "NODE", to.id);
        }
        await until(`every node to see slot ${slot} on ${to.port}`, async () => {
          for (const n of live()) {
            if (n.client.status !== "ready") continue;
            if (portOwning(await slotRanges(n.client), slot) !== to.port) return false;
          }
          return true;
        });
      },
      replicaOf,
      async failover(master) {
        const replica = await replicaOf(master);
        await until(`${replica.port} in sync with ${master.port}`, () => inSync(master, replica), 120_000);
        const slots = (await slotRanges(replica.client)).filter((r) => r[2][1] === master.port).map(([a]) => a);
        await stop(master);
        // node-timeout (3 s) to mark it failed, then an election: seconds, but a busy machine may take longer.
        await until(
          `${replica.port} promoted in place of ${master.port}`,
          async () => {
            if ((await roleOf(replica)) !== "master" || !(await clusterOk())) return false;
            for (const n of live()) {
              const ranges = await slotRanges(n.client);
              if (!slots.every((s) => portOwning(ranges, s) === replica.port)) return false;
            }
            return true;
          },
          120_000,
        );
        return replica;
      },
      stop,
      async restart(node) {
        procs.set(node.port, spawn("redis-server", argsOf.get(node.port) ?? [], { stdio: "ignore" }));
        node.client = new Redis({ port: node.port, host: "127.0.0.1", maxRetriesPerRequest: 1 });
        node.client.on("error", () => undefined);
        stopped.delete(node);
        await until("the restarted node and cluster_state:ok", clusterOk);
      },
      async close() {
        for (const n of nodes) n.client.disconnect();
        await killProcesses(procs.values());
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const p of procs.values()) p.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
