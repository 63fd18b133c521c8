// The worker's metrics, alert and webhook settings (spread into workerEnv in
// config.ts; `checkMetricsEnv` joins its superRefine).
import { AlertThresholdsEnv, IntEnv } from "@opsdeck/core";
import { MetricsTime } from "bullmq";
import { z } from "zod";

import { webhookAllowed } from "./webhooks";

const HostList = z
  .string()
  .max(2_000)
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

export const metricsEnvShape = {
  /** Alert thresholds per queue or service, JSON: {"*": {"backlog": 10000}, "email-sending": {"backlog": 5000, "failure_rate_percent": 5}} (see core contracts/alerts.ts). */
  ALERT_THRESHOLDS: AlertThresholdsEnv.default({}),
  /** Where opened/resolved alerts are POSTed (JSON with a Slack-compatible `text`); unset = no webhook. */
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Hosts ALERT_WEBHOOK_URL may point at, comma-separated ("hooks.slack.com,*.example.com"). */
  ALERT_WEBHOOK_ALLOWLIST: HostList.default([]),
  /** Delivery attempts and exponential backoff base (ms), and the deadline of one POST (ms). */
  ALERT_WEBHOOK_ATTEMPTS: IntEnv(1, 100).default(8),
  ALERT_WEBHOOK_BACKOFF_MS: IntEnv(10, 3_600_000).default(5_000),
  ALERT_WEBHOOK_TIMEOUT_MS: IntEnv(100, 60_000).default(5_000),
  /** Rollup retention: minute rows (hours), hour rows (days), day rows (days). */
  METRICS_MINUTE_RETENTION_HOURS: IntEnv(2, 24 * 30).default(48),
  METRICS_HOUR_RETENTION_DAYS: IntEnv(2, 3_650).default(35),
  METRICS_DAY_RETENTION_DAYS: IntEnv(2, 36_500).default(400),
  /** Most minutes one rollup run catches up; longer gaps are caught up over the next runs. */
  ROLLUP_MAX_BACKFILL_MINUTES: IntEnv(1, 10_000).default(180),
  /** Job names per queue and bucket whose latency percentiles are kept apart; the others are summed as "(other)". */
  METRICS_LATENCY_TOP_NAMES: IntEnv(1, 100).default(10),
  /** Minutes of BullMQ's own completed/failed counts kept in Redis by Opsdeck's workers (one point a minute, a few bytes each; 0 = off). Default one week. */
  WORKER_METRICS_MAX_DATA_POINTS: IntEnv(0, MetricsTime.ONE_MONTH).default(MetricsTime.ONE_WEEK),
  /** Deadline of each Redis/Postgres measurement in rollups and alert rules, ms. */
  PROBE_TIMEOUT_MS: IntEnv(50, 30_000).default(1_000),
};

export function checkMetricsEnv(
  c: { ALERT_WEBHOOK_URL?: string | undefined; ALERT_WEBHOOK_ALLOWLIST: string[] },
  ctx: z.RefinementCtx,
): void {
  if (c.ALERT_WEBHOOK_URL && !webhookAllowed(c.ALERT_WEBHOOK_URL, c.ALERT_WEBHOOK_ALLOWLIST)) {
    ctx.addIssue({
      code: "custom",
      path: ["ALERT_WEBHOOK_URL"],
      message: "its host is not on ALERT_WEBHOOK_ALLOWLIST",
    });
  }
}
