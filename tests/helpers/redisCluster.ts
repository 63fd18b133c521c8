// A private three-master Redis Cluster for one test file: Debian's
// redis-server with cluster mode on, on free ports of its own, in a temp dir,
// joined with `redis-cli --cluster create`. `moveSlot` reshards one slot
// live (SETSLOT IMPORTING/MIGRATING, MIGRATE in batches, SETSLOT NODE) the
// way `redis-cli --cluster reshard` does, so a test controls exactly when the
// queues' slot moves; `stop` kills one master; `close` stops every node and
// removes the directory.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { Redis } from "ioredis";

import { killProcesses } from "./killProcesses";

const run = promisify(execFile);

export interface ClusterNode {
  port: number;
  id: string;
  client: Redis;
}

export interface TestCluster {
  nodes: ClusterNode[];
  /** REDIS_CLUSTER_NODES for Opsdeck. */
  seeds: string;
  /** The slot a key hashes to. */
  slotOf(key: string): Promise<number>;
  /** The master currently owning `slot`. */
  ownerOf(slot: number): Promise<ClusterNode>;
  /** Moves `slot` and its keys to `to`, live; `onMigrating` runs while the slot is half moved. */
  moveSlot(slot: number, to: ClusterNode, onMigrating?: () => Promise<void>): Promise<void>;
  /** Kills a node's process (as a crash would). */
  stop(node: ClusterNode): Promise<void>;
  /** Starts a stopped node again on its port and nodes.conf: it rejoins owning its slots (empty: nothing is persisted). */
  restart(node: ClusterNode): Promise<void>;
  close(): Promise<void>;
}

/** A TCP port nobody listens on now (the kernel's pick). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
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

export async function startRedisCluster(): Promise<TestCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-cluster-"));
  const procs = new Map<number, ChildProcess>();
  const argsOf = new Map<number, string[]>();
  const ports: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const busPort = await freePort();
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
      "0",
      "--cluster-yes",
    ]);
    await until("cluster_state:ok on every node", async () => {
      const infos = await Promise.all(clients.map((c) => c.cluster("INFO")));
      return infos.every((i) => String(i).includes("cluster_state:ok"));
    });
    const nodes: ClusterNode[] = await Promise.all(
      clients.map(async (client, i) => ({ port: ports[i]!, id: String(await client.cluster("MYID")), client })),
    );

    const ownerOf = async (slot: number): Promise<ClusterNode> => {
      const ranges = (await nodes[0]!.client.cluster("SLOTS")) as unknown as [number, number, [string, number]][];
      const r = ranges.find(([a, b]) => slot >= a && slot <= b);
      const owner = nodes.find((n) => n.port === r?.[2][1]);
      if (!owner) throw new Error(`no owner for slot ${slot}`);
      return owner;
    };

    return {
      nodes,
      seeds: ports.map((p) => `127.0.0.1:${p}`).join(","),
      async slotOf(key) {
        return Number(await nodes[0]!.client.cluster("KEYSLOT", key));
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
        for (const n of [to, from, ...nodes.filter((n) => n !== to && n !== from)]) {
          await n.client.cluster("SETSLOT", slot, "NODE", to.id);
        }
        await until(`every node to see slot ${slot} on ${to.port}`, async () => {
          for (const n of nodes) {
            if (n.client.status !== "ready") continue;
            const ranges = (await n.client.cluster("SLOTS")) as unknown as [number, number, [string, number]][];
            const r = ranges.find(([a, b]) => slot >= a && slot <= b);
            if (r?.[2][1] !== to.port) return false;
          }
          return true;
        });
      },
      async stop(node) {
        const proc = procs.get(node.port);
        node.client.disconnect();
        if (proc && proc.exitCode === null) {
          const exited = new Promise((r) => proc.once("exit", r));
          proc.kill("SIGKILL");
          await exited;
        }
      },
      async restart(node) {
        procs.set(node.port, spawn("redis-server", argsOf.get(node.port) ?? [], { stdio: "ignore" }));
        node.client = new Redis({ port: node.port, host: "127.0.0.1", maxRetriesPerRequest: 1 });
        node.client.on("error", () => undefined);
        await until("the restarted node and cluster_state:ok", async () => {
          const infos = await Promise.all(nodes.map((n) => n.client.cluster("INFO")));
          return infos.every((i) => String(i).includes("cluster_state:ok"));
        });
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
