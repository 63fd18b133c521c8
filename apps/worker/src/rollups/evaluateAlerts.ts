// Alert evaluation, run after each rollup: measure (queues from Redis;
// worker and API heartbeats, recent minute rows and latency histograms from Postgres;
// service health, listed sending IPs, dropped logs), apply the rules, then
// open or refresh one alert per firing (rule, subject) and resolve the open
// ones that no longer fire.
// Opened and resolved alerts go to `notify` (the webhook queue) when set.
import { CATALOG_QUEUE_NAMES, thresholdsForSubject, withDeadline } from "@opsdeck/core";
import {
  type AlertRow,
  collectInfrastructureHealth,
  floorBucket,
  listBlacklistedIps,
  liveApiProcesses,
  onlineWorkersPerQueue,
  recentLatency,
  recentQueueStats,
  recordFiring,
  resolveCleared,
} from "@opsdeck/db";
import { droppedLogsIncrease, listQueueNames, type QueueSample, redisStats, sampleQueues } from "@opsdeck/redis";

import type { MetricsContext } from "./context";
import { evaluateRules } from "./rules";

export interface AlertEvaluation {
  firing: number;
  opened: AlertRow[];
  resolved: AlertRow[];
}

const EMAIL_QUEUES = ["email-sending-high", "email-sending"];

export async function evaluateAlerts(ctx: MetricsContext): Promise<AlertEvaluation> {
  const { pool, options } = ctx;
  const t = options.probeTimeoutMs;
  const settle = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

  const samples: QueueSample[] | null = await settle(
    withDeadline(
      listQueueNames(ctx.redis, ctx.queuePrefix, CATALOG_QUEUE_NAMES).then((names) =>
        sampleQueues(ctx.redis, ctx.queuePrefix, names),
      ),
      t * 2,
      "Redis",
    ),
  );
  // Window lengths the thresholds ask for (usually one or two distinct values).
  const windows = new Set<number>();
  for (const q of samples?.map((s) => s.queue) ?? CATALOG_QUEUE_NAMES) {
    const th = thresholdsForSubject(options.thresholds, q);
    windows.add(th.failure_window_minutes).add(th.no_progress_minutes);
  }
  // Latency windows of the subjects ("*" covers every queue without its own entry) with a threshold set.
  const latencyWindows = new Set<number>();
  for (const subject of ["*", ...Object.keys(options.thresholds)]) {
    const th = thresholdsForSubject(options.thresholds, subject);
    if (th.wait_p95_ms !== null || th.processing_p95_ms !== null) latencyWindows.add(th.latency_window_minutes);
  }
  const upTo = floorBucket((ctx.now?.() ?? new Date()).getTime() - options.lagMs - 60_000, "minute");
  const [online, recent, latency, health, blacklisted, droppedLogs, apiProcesses] = await Promise.all([
    settle(withDeadline(onlineWorkersPerQueue(pool), t, "Postgres")),
    settle(
      withDeadline(
        Promise.all([...windows].map(async (w) => [w, await recentQueueStats(pool, w, upTo)] as const)).then(
          (entries) => new Map(entries),
        ),
        t * 2,
        "Postgres",
      ),
    ),
    settle(
      withDeadline(
        Promise.all([...latencyWindows].map(async (w) => [w, await recentLatency(pool, w, upTo)] as const)).then(
          (entries) => new Map(entries),
        ),
        t * 2,
        "Postgres",
      ),
    ),
    collectInfrastructureHealth({
      pool,
      poolMax: ctx.poolMax,
      redisStats: (timeoutMs) => redisStats(ctx.redis, timeoutMs),
      timeoutMs: t,
      thresholds: options.thresholds,
      emailBacklog: async () => {
        if (!samples) throw new Error("Redis could not be sampled");
        return samples.filter((s) => EMAIL_QUEUES.includes(s.queue)).reduce((a, s) => a + s.waiting, 0);
      },
    }),
    settle(withDeadline(listBlacklistedIps(pool), t, "Postgres")),
    settle(withDeadline(droppedLogsIncrease(ctx.redis, options.keyPrefix), t, "Redis")),
    settle(withDeadline(liveApiProcesses(pool), t, "Postgres")),
  ]);

  const { evaluated, firing } = evaluateRules({
    samples,
    online,
    recent,
    latency,
    health,
    blacklisted,
    droppedLogs,
    apiProcesses,
    thresholds: options.thresholds,
  });
  const opened = await recordFiring(pool, firing);
  const resolved = await resolveCleared(pool, evaluated, firing);
  if (opened.length || resolved.length) {
    ctx.log.info("alerts changed", {
      opened: opened.map((a) => `${a.rule}:${a.subject}`),
      resolved: resolved.map((a) => `${a.rule}:${a.subject}`),
    });
    if (ctx.notify) {
      await ctx.notify([
        ...opened.map((alert) => ({ event: "opened" as const, alert })),
        ...resolved.map((alert) => ({ event: "resolved" as const, alert })),
      ]);
    }
  }
  return { firing: firing.length, opened, resolved };
}
