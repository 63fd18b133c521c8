// Metrics: platform metrics, history from the
// rollups and current performance. The shapes are those of a published
// metrics API whose "agents" are workers here and whose "messages" are jobs
// processed; its per-user path is a ?queue= or ?worker=.
import { z } from "zod";

import { QueueName } from "../queues";

export const PlatformMetrics = z.object({
  metrics: z.object({
    workers: z.object({
      total: z.number().int().describe("Worker processes seen in the last 7 days"),
      active: z.number().int().describe("Heartbeat in the last 30 s"),
      inactive: z.number().int().describe("Stopped cleanly"),
      failed: z.number().int().describe("Heartbeat lost without a clean stop"),
    }),
    jobs: z.object({
      today: z.number().int().describe("Jobs finished (completed + failed) since 00:00 UTC"),
      thisWeek: z.number().int().describe("Since Monday 00:00 UTC"),
      thisMonth: z.number().int().describe("Since the 1st, 00:00 UTC"),
      failedToday: z.number().int(),
    }),
    uptime: z.object({
      platformUptime: z
        .number()
        .describe("Percent of the last 24 h's minutes in which Redis and Postgres both answered the rollup's probes"),
      averageWorkerUptime: z.number().describe("Average percent of the last 24 h each worker seen in it was alive"),
      apiUptimeSeconds: z.number().int().describe("This API process"),
    }),
    performance: z.object({
      averageResponseTime: z.number().nullable().describe("API, last 24 h, ms"),
      successRate: z.string().describe("Non-5xx responses, last 24 h, e.g. '99.9%'"),
      errorRate: z.string().describe("5xx responses, last 24 h"),
    }),
    storage: z.object({
      used: z.number().describe("Postgres + Redis + export files, MB"),
      total: z.number().nullable().describe("Capacity of the export directory's filesystem, MB"),
      percentUsed: z.number().nullable(),
      postgresBytes: z.number().nullable(),
      redisBytes: z.number().nullable(),
      exportsBytes: z.number().nullable(),
    }),
  }),
});
export type PlatformMetrics = z.infer<typeof PlatformMetrics>;

export const MetricsRange = z.enum(["1h", "24h", "7d", "30d"]);
export type MetricsRange = z.infer<typeof MetricsRange>;

export const MetricsHistoryQuery = z.strictObject({
  range: MetricsRange.default("24h").describe(
    "1h: points per minute (the console's sparklines); 24h and 7d: hourly points; 30d: daily points",
  ),
  queue: QueueName.optional().describe("Jobs of this queue; cpu/memory of the workers serving it"),
  worker: z.string().min(1).max(200).optional().describe("A worker id (heartbeat id); jobs of the queues it serves"),
});

/** p50/p95/p99 of one time, ms. */
const latencyPercentiles = (what: string) =>
  z
    .object({
      p50: z.number().nullable(),
      p95: z.number().nullable(),
      p99: z.number().nullable(),
    })
    .describe(
      `${what}: p50, p95, p99 in ms (null without timed jobs), from histograms of 8 log-spaced buckets per doubling: within 4.5% of the exact nearest-rank percentile`,
    );

const TimedJobs = z
  .number()
  .int()
  .describe("Finished jobs whose wait and processing times are known (they have a job record)");

const LatencySummary = z.object({
  timed_jobs: TimedJobs,
  wait_time_ms: latencyPercentiles(
    "Wait time, from added to the start of the last attempt (a delay and earlier attempts included)",
  ),
  processing_time_ms: latencyPercentiles("Processing time of the last attempt, from its start to the job's finish"),
});

const MetricsPoint = z.object({
  timestamp: z.string().describe("Start of the period, ISO 8601"),
  cpu: z.number().nullable().describe("Average CPU percent (of one core); null without samples"),
  memory: z.number().nullable().describe("Average memory percent of the host; null without samples"),
  messages: z.number().int().describe("Jobs finished in the period"),
  errors: z.number().int().describe("Jobs failed in the period"),
  ...LatencySummary.shape,
});

export const MetricsHistory = z.object({
  timeRange: MetricsRange,
  granularity: z.enum(["minute", "hour", "day"]),
  queue: z.string().nullable(),
  worker: z.string().nullable(),
  metrics: z.array(MetricsPoint),
  averages: z.object({
    cpu: z.number().nullable(),
    memory: z.number().nullable(),
    messages: z.number(),
    errors: z.number(),
  }),
  latency: LatencySummary.extend({
    queues: z
      .array(
        LatencySummary.extend({
          queue: z.string(),
          names: z
            .array(LatencySummary.extend({ name: z.string() }))
            .describe(
              "Job names, most timed jobs first: as many as the fullest period of the range kept apart (the worker's METRICS_LATENCY_TOP_NAMES per queue and period), the rest summed as '(other)'. A name's jobs in periods where it was outside that period's top names count under '(other)'",
            ),
        }),
      )
      .describe("Per queue, most timed jobs first"),
  }).describe("Percentiles over the whole range, overall, per queue and per job name"),
});
export type MetricsHistory = z.infer<typeof MetricsHistory>;

export const QueuesHistoryQuery = z.strictObject({
  range: MetricsRange.default("1h").describe(
    "1h: points per minute (the console's sparklines); 24h and 7d: hourly points; 30d: daily points",
  ),
});

export const QueuesHistory = z.object({
  time_range: MetricsRange,
  granularity: z.enum(["minute", "hour", "day"]),
  periods: z
    .array(z.string())
    .describe("Start of each period, ISO 8601, oldest first; the last is the current, partial period"),
  queues: z
    .array(
      z.object({
        queue: z.string(),
        messages: z.array(z.number().int()).describe("Jobs finished per period, aligned with `periods`"),
        errors: z.array(z.number().int()).describe("Jobs failed per period, aligned with `periods`"),
      }),
    )
    .describe(
      "Every queue with finished jobs in the range, by name (a queue not listed finished none); each value equals `messages`/`errors` of GET /api/v1/platform/metrics/history for that queue and range",
    ),
});
export type QueuesHistory = z.infer<typeof QueuesHistory>;

export const MetricsPerformanceQuery = z.strictObject({
  queue: QueueName.optional(),
  worker: z.string().min(1).max(200).optional(),
});

export const MetricsPerformance = z.object({
  cpu: z.number().nullable().describe("Current CPU percent: the worker, or the average of those online"),
  memory: z.number().nullable(),
  errorRate: z.number().describe("Percent: failed jobs of the last hour (queue/worker) or API 5xx of the last 5 min"),
  responseTime: z
    .number()
    .nullable()
    .describe("ms: average job processing time of the last hour (queue/worker) or API response time (5 min)"),
  latency: LatencySummary.describe(
    "Jobs of the last hour (the queue, the queues the worker serves, or all queues): wait and processing time percentiles",
  ),
  queue: z.string().nullable(),
  worker: z.string().nullable(),
});
export type MetricsPerformance = z.infer<typeof MetricsPerformance>;
