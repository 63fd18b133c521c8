// A private three-master Redis Cluster for a benchmark: Debian's redis-server with cluster
// mode on, on free ports of its own, in a temp dir, joined with `redis-cli --cluster create`
// (the plain-JS counterpart of the test suite's helper, which is TypeScript). `close()` kills
// every node and removes the directory; the caller calls it in `finally`, and a process exit
// kills the nodes too, so they never outlive the benchmark.
"use strict";
const { execFile, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const { promisify } = require("node:util");
const IORedis = require("ioredis");

const run = promisify(execFile);

/**
 * `n` distinct TCP ports nobody listens on now (the kernel's picks), all held open until every one is
 * picked: a port closed before the next pick may be handed out again, and two nodes would share it.
 */
async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise((resolve, reject) => {
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", resolve);
      });
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

/** A TCP port nobody listens on now (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `check` until true; fails naming `what` after `timeoutMs` (generous: a busy machine is slow, not broken). */
async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
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

/** Starts the cluster; resolves to { seeds: "host:port,…" (REDIS_CLUSTER_NODES), ports, close() }. */
async function startRedisCluster() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-bench-cluster-"));
  const procs = [];
  const clients = [];
  const killAll = () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
  };
  process.once("exit", killAll);
  const close = async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(
      procs.map(async (p) => {
        if (p.exitCode !== null || p.signalCode !== null) return;
        const exited = new Promise((r) => p.once("exit", r));
        p.kill("SIGKILL");
        await exited;
      }),
    );
    process.removeListener("exit", killAll);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = [];
    const picked = await freePorts(6); // a client port and a cluster bus port per node
    for (let i = 0; i < 3; i++) {
      const port = picked[2 * i];
      const busPort = picked[2 * i + 1];
      const nodeDir = path.join(dir, String(port));
      fs.mkdirSync(nodeDir);
      // No persistence (as the standalone Redis it is compared with is used here), loopback only.
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
      procs.push(spawn("redis-server", args, { stdio: "ignore" }));
      ports.push(port);
    }
    for (const port of ports) {
      const c = new IORedis({ port, host: "127.0.0.1", maxRetriesPerRequest: 1, lazyConnect: true });
      c.on("error", () => undefined);
      clients.push(c);
    }
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
    return { seeds: ports.map((p) => `127.0.0.1:${p}`).join(","), ports, close };
  } catch (err) {
    await close();
    throw err;
  }
}

module.exports = { startRedisCluster, freePort };
