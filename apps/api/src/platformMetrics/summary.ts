// GET /api/v1/platform/metrics: workers, jobs
// processed (today / this week / this month, UTC), uptime, API performance
// over the last 24 h and storage. Storage probes are bounded by
// PROBE_TIMEOUT_MS; one that fails is null rather than failing the request.
import fs from "node:fs/promises";
import path from "node:path";

import { type PlatformMetrics, withDeadline } from "@opsdeck/core";
import { databaseBytes, jobTotals, platformUptime, requestTotals, workerCounts } from "@opsdeck/db";
import { redisStats } from "@opsdeck/redis";

import type { AppDeps } from "../deps";

const DAY_MS = 86_400_000;
/** Most directory entries walked to size the export directory. */
const MAX_EXPORT_ENTRIES = 100_000;

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Monday 00:00 UTC of this week. */
function startOfWeek(now: Date): Date {
  const d = startOfDay(now);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  let seen = 0;
  const stack = [dir];
  while (stack.length && seen < MAX_EXPORT_ENTRIES) {
    const d = stack.pop() as string;
    const entries = await fs.readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      seen++;
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) total += (await fs.stat(p).catch(() => ({ size: 0 }))).size;
    }
  }
  return total;
}

const settle = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);
const pct = (n: number) => `${Math.round(n * 100) / 100}%`;
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 100) / 100;

export async function platformMetrics(deps: AppDeps, now = new Date()): Promise<PlatformMetrics> {
  const { pool } = deps.db;
  const t = deps.config.PROBE_TIMEOUT_MS;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [workers, today, week, month, uptime, requests] = await Promise.all([
    workerCounts(pool),
    jobTotals(pool, startOfDay(now)),
    jobTotals(pool, startOfWeek(now)),
    jobTotals(pool, monthStart),
    platformUptime(pool),
    requestTotals(pool, new Date(now.getTime() - DAY_MS)),
  ]);
  const local = deps.config.EXPORT_STORAGE === "local";
  const [pgBytes, redis, exportsBytes, fsStat] = await Promise.all([
    settle(withDeadline(databaseBytes(pool), t, "Postgres")),
    settle(redisStats(deps.redis, t)),
    // With object storage the exports are not on this machine's disk: neither counted nor measured here.
    local ? settle(withDeadline(dirBytes(deps.config.EXPORT_DIR), t, "export directory")) : null,
    local ? settle(withDeadline(fs.statfs(deps.config.EXPORT_DIR), t, "export directory")) : null,
  ]);
  const used = (pgBytes ?? 0) + (redis?.usedMemoryBytes ?? 0) + (exportsBytes ?? 0);
  const total = fsStat ? fsStat.blocks * fsStat.bsize : null;
  const errorRate = requests.requests > 0 ? (requests.errors / requests.requests) * 100 : 0;
  return {
    metrics: {
      workers: { total: workers.total, active: workers.active, inactive: workers.inactive, failed: workers.failed },
      jobs: {
        today: today.completed + today.failed,
        thisWeek: week.completed + week.failed,
        thisMonth: month.completed + month.failed,
        failedToday: today.failed,
      },
      uptime: {
        platformUptime: uptime,
        averageWorkerUptime: workers.averageUptime,
        apiUptimeSeconds: Math.floor((now.getTime() - deps.lifecycle.startedAt.getTime()) / 1000),
      },
      performance: {
        averageResponseTime:
          requests.requests > 0 ? Math.round((requests.durationSumMs / requests.requests) * 100) / 100 : null,
        successRate: pct(100 - errorRate),
        errorRate: pct(errorRate),
      },
      storage: {
        used: mb(used),
        total: total === null ? null : mb(total),
        percentUsed: total ? Math.round((used / total) * 10_000) / 100 : null,
        postgresBytes: pgBytes,
        redisBytes: redis?.usedMemoryBytes ?? null,
        exportsBytes,
      },
    },
  };
}
