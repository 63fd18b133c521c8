// The API's heartbeat: every HEARTBEAT_INTERVAL_MS (default 10 s) the process
// upserts its row in api_heartbeats, so replicas are visible to each other and
// to the worker's alert rules (random_secret_with_replicas). The row carries
// the names of the shared secrets this process made up because they are unset,
// and a one-way fingerprint of each one set (replica_secret_mismatch).
// When such a process sees another replica running, it logs one warning per
// secret, naming the setting and what breaks — never the value. `stop` records
// a clean stop, so a replaced replica stops counting at once.
import { randomBytes } from "node:crypto";
import os from "node:os";

import { type Logger, type SharedSecret, sharedSecretEffect, startBeatLoop, VERSION } from "@opsdeck/core";
import { upsertApiHeartbeat } from "@opsdeck/db";
import type pg from "pg";

export interface ApiHeartbeat {
  /** Stops the timer and records a clean stop. */
  stop(): Promise<void>;
}

export interface ApiHeartbeatOptions {
  intervalMs: number;
  randomSecrets: SharedSecret[];
  /** core's secretFingerprints of the shared secrets that are set. */
  secretFingerprints: Record<string, string>;
  log: Logger;
}

export function startApiHeartbeat(pool: pg.Pool, opts: ApiHeartbeatOptions): ApiHeartbeat {
  const { log, randomSecrets } = opts;
  const id = `${os.hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const startedAt = new Date();
  const warned = new Set<string>();
  let failing = false;

  function warnRandomSecrets(others: number): void {
    for (const setting of randomSecrets) {
      if (warned.has(setting)) continue;
      warned.add(setting);
      log.warn(
        `${setting} is not set, so this API process uses a random one while ${others} other API replica(s) run: ` +
          `${sharedSecretEffect(setting)}. Set the same ${setting} on every replica (docs/replicas.md).`,
        { setting, other_replicas: others },
      );
    }
  }

  async function writeNow(stoppedAt: Date | null): Promise<void> {
    try {
      const others = await upsertApiHeartbeat(pool, {
        id,
        host: os.hostname(),
        pid: process.pid,
        version: VERSION,
        startedAt,
        stoppedAt,
        randomSecrets,
        secretFingerprints: opts.secretFingerprints,
      });
      if (failing) log.info("api heartbeat written again");
      failing = false;
      if (others > 0 && stoppedAt === null) warnRandomSecrets(others);
    } catch (err) {
      if (!failing) log.warn("api heartbeat write failed; will retry on the next beat", { err });
      failing = true;
    }
  }

  const loop = startBeatLoop(writeNow, opts.intervalMs);
  return { stop: () => loop.stop() };
}
