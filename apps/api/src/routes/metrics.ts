// Metrics: platform metrics, history from the
// rollups, and current performance of the platform, a queue or a worker.
import {
  MetricsHistory,
  MetricsHistoryQuery,
  MetricsPerformance,
  MetricsPerformanceQuery,
  NotFoundError,
  PlatformMetrics,
  QueuesHistory,
  QueuesHistoryQuery,
  ValidationError,
} from "@opsdeck/core";
import { currentWorkerLoad } from "@opsdeck/db";

import type { AppDeps } from "../deps";
import { defineRoute } from "../http/route";
import { metricsHistory, metricsPerformance, queuesHistory } from "../platformMetrics/history";
import { platformMetrics } from "../platformMetrics/summary";

const BASE = "/api/v1/platform/metrics";
const TAGS = ["metrics"];
const ACCESS = { permission: "infra.read" } as const;

async function requireWorker(deps: AppDeps, worker: string | undefined): Promise<void> {
  if (worker === undefined) return;
  if ((await currentWorkerLoad(deps.db.pool, { workerId: worker })).found === 0)
    throw new NotFoundError("worker_not_found", `No worker '${worker}' has a heartbeat on record.`);
}

export const metricsRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "getPlatformMetrics",
    summary: "Platform metrics: workers, jobs processed, uptime, performance, storage",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "read",
    response: { schema: PlatformMetrics, description: "Platform metrics" },
    handler: ({ deps }) => platformMetrics(deps),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/history`,
    operationId: "getMetricsHistory",
    summary: "Historical metrics from the rollups (1h: per minute; 24h, 7d: hourly; 30d: daily)",
    description:
      "Points {timestamp, cpu, memory, messages, errors, timed_jobs, wait_time_ms, processing_time_ms}: cpu/memory average the worker samples (one worker, the workers serving `queue`, or all); messages are jobs finished and errors jobs failed (one queue, the queues `worker` serves, or all); wait_time_ms and processing_time_ms are p50/p95/p99 of the same jobs' times (those with a job record), merged from histograms so an hour's or a day's percentiles are those of all its jobs. `latency` gives the percentiles over the whole range, per queue and per job name. The last point is the current, partial period.",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "read",
    query: MetricsHistoryQuery,
    errors: [404],
    response: { schema: MetricsHistory, description: "Points and averages" },
    async handler({ deps, query }) {
      await requireWorker(deps, query.worker);
      return metricsHistory(deps, query);
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/history/queues`,
    operationId: "getQueuesHistory",
    summary: "Jobs finished and failed per queue and period, every queue in one answer",
    description:
      "The same rollups, layers and periods as GET …/metrics/history with `queue`, for every queue with finished jobs in the range at once (the console overview's sparklines): `periods` gives each period's start and every queue's `messages` (jobs finished) and `errors` (jobs failed) are aligned with it. A queue not listed finished no jobs in the range. The last period is the current, partial one.",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "read",
    query: QueuesHistoryQuery,
    response: { schema: QueuesHistory, description: "Periods and per-queue series" },
    handler: ({ deps, query }) => queuesHistory(deps, query),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/performance`,
    operationId: "getMetricsPerformance",
    summary: "Current performance of the platform, a queue or a worker",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "read",
    query: MetricsPerformanceQuery,
    errors: [404],
    response: { schema: MetricsPerformance, description: "cpu, memory, error rate, response time, job latency" },
    async handler({ deps, query }) {
      if (query.queue && query.worker)
        throw new ValidationError([
          { field: "query.worker", code: "exclusive", message: "give either queue or worker, not both" },
        ]);
      await requireWorker(deps, query.worker);
      return metricsPerformance(deps, query);
    },
  }),
];
