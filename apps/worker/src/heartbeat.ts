// Worker heartbeat: every HEARTBEAT_INTERVAL_MS (default 10 s) the
// process upserts its row — id, host, pid, queues, started, last seen, cpu
// and memory. CPU is process.cpuUsage() (user + system µs) over the wall time
// since the previous beat, as a percent of one core; and per served queue
// whether it is paused, its concurrency and the jobs running (queueStates).
// `stop` writes stopped_at.
import { randomBytes } from "node:crypto";
import os from "node:os";

import { type Logger, startBeatLoop, VERSION } from "@opsdeck/core";
import { type QueueState, upsertWorkerHeartbeat, type WorkerHeartbeatWrite } from "@opsdeck/db";
import type pg from "pg";

export interface Heartbeat {
  readonly id: string;
  /** Writes one beat now (also runs on the timer). */
  beat(): Promise<void>;
  /** Stops the timer and records a clean stop. */
  stop(): Promise<void>;
}

/**
 * A worker process's id: host-pid-random, stable for the process's life. Its heartbeat row, its BullMQ
 * workers' name (so CLIENT LIST shows their connections as `…:w:<id>`) and its command list use it.
 */
export function newWorkerId(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

export interface HeartbeatOptions {
  id: string;
  queues: string[];
  intervalMs: number;
  /** The served queues' states now. */
  queueStates: () => Record<string, QueueState>;
  log: Logger;
}

export function startHeartbeat(pool: pg.Pool, opts: HeartbeatOptions): Heartbeat {
  const { id, queues, intervalMs, log } = opts;
  const host = os.hostname();
  const startedAt = new Date();
  let lastCpu = process.cpuUsage();
  let lastAt = process.hrtime.bigint();
  let failing = false;

  function sample(stoppedAt: Date | null): WorkerHeartbeatWrite {
    const cpu = process.cpuUsage(lastCpu); // µs since the last sample
    const now = process.hrtime.bigint();
    const wallUs = Number(now - lastAt) / 1_000;
    lastCpu = process.cpuUsage();
    lastAt = now;
    const rss = process.memoryUsage.rss();
    return {
      id,
      host,
      pid: process.pid,
      queues,
      startedAt,
      lastSeenAt: new Date(),
      cpuPercent: wallUs > 0 ? Math.round(((cpu.user + cpu.system) / wallUs) * 10_000) / 100 : 0,
      memoryRssBytes: rss,
      memoryPercent: Math.round((rss / os.totalmem()) * 10_000) / 100,
      version: VERSION,
      stoppedAt,
      queueStates: opts.queueStates(),
    };
  }

  async function writeNow(stoppedAt: Date | null): Promise<void> {
    try {
      await upsertWorkerHeartbeat(pool, sample(stoppedAt));
      if (failing) log.info("heartbeat written again");
      failing = false;
    } catch (err) {
      if (!failing) log.warn("heartbeat write failed; will retry on the next beat", { err });
      failing = true;
    }
  }

  const loop = startBeatLoop(writeNow, intervalMs);

  return {
    id,
    beat: loop.beat,
    stop: loop.stop,
  };
}
