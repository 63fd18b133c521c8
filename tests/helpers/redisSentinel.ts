// A private Sentinel-managed Redis for one test file: a primary, one replica
// and one sentinel (quorum 1) from Debian's redis-server and redis-sentinel,
// on free ports of their own, in a temp dir. `failover` runs SENTINEL
// FAILOVER and waits until the sentinel names the replica as the master;
// `close` stops every process and removes the directory. redis-sentinel is
// installed by scripts/install-redis-sentinel.sh when missing.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs, { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { Redis } from "ioredis";

import { killProcesses } from "./killProcesses";
import { freePorts, until } from "./redisCluster";

const SENTINEL = "/usr/bin/redis-sentinel";
const NAME = "opsdeck-test";

export interface TestSentinel {
  /** REDIS_SENTINELS and REDIS_SENTINEL_NAME for Opsdeck. */
  env: { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string };
  /** The port of the current master, as the sentinel reports it. */
  masterPort(): Promise<number>;
  /** SENTINEL FAILOVER, then waits until the sentinel reports the other server as the master. */
  failover(): Promise<number>;
  close(): Promise<void>;
}

function ensureSentinel(): void {
  if (existsSync(SENTINEL)) return;
  execFileSync(path.resolve(__dirname, "../../scripts/install-redis-sentinel.sh"), { stdio: "pipe", timeout: 600_000 });
  if (!existsSync(SENTINEL)) throw new Error(`${SENTINEL} is still missing after scripts/install-redis-sentinel.sh`);
}

export async function startRedisSentinel(): Promise<TestSentinel> {
  ensureSentinel();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-sentinel-"));
  const procs: ChildProcess[] = [];
  const clients: Redis[] = [];
  const client = (port: number) => {
    const c = new Redis({ host: "127.0.0.1", port, maxRetriesPerRequest: 1 });
    c.on("error", () => undefined);
    clients.push(c);
    return c;
  };
  try {
    const [primary, replica, sentinelPort] = (await freePorts(3)) as [number, number, number];
    const server = (port: number, extra: string[]) => {
      const d = path.join(dir, String(port));
      fs.mkdirSync(d);
      const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", d, "--save", "", "--appendonly", "no"];
      procs.push(spawn("redis-server", [...args, ...extra], { stdio: "ignore" }));
    };
    server(primary, []);
    server(replica, ["--replicaof", "127.0.0.1", String(primary)]);
    // The sentinel rewrites its config file, so it gets a writable one of its own. Down after 2 s (ms).
    const conf = path.join(dir, "sentinel.conf");
    fs.writeFileSync(
      conf,
      [
        `port ${sentinelPort}`,
        "bind 127.0.0.1",
        `dir ${dir}`,
        `sentinel monitor ${NAME} 127.0.0.1 ${primary} 1`,
        `sentinel down-after-milliseconds ${NAME} 2000`,
        `sentinel failover-timeout ${NAME} 10000`,
        "",
      ].join("\n"),
    );
    procs.push(spawn(SENTINEL, [conf], { stdio: "ignore" }));
    const sentinel = client(sentinelPort);
    const replicaClient = client(replica);
    await until("the replica in sync and known to the sentinel", async () => {
      if (!String(await replicaClient.info("replication")).includes("master_link_status:up")) return false;
      const replicas = (await sentinel.call("SENTINEL", "REPLICAS", NAME)) as string[][];
      return replicas.some((r) => r.includes(String(replica)) && !String(r[r.indexOf("flags") + 1]).includes("down"));
    });
    const masterPort = async () =>
      Number(((await sentinel.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", NAME)) as string[])[1]);
    return {
      env: { REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_NAME: NAME },
      masterPort,
      async failover() {
        const before = await masterPort();
        await sentinel.call("SENTINEL", "FAILOVER", NAME);
        await until("the sentinel to name the new master", async () => (await masterPort()) !== before);
        return masterPort();
      },
      async close() {
        for (const c of clients) c.disconnect();
        await killProcesses(procs);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const c of clients) c.disconnect();
    for (const p of procs) p.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
