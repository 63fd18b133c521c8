// Alerts: the list with the documented
// fields plus rule, subject, resolved_at and acknowledged_by, the
// acknowledgement, and the thresholds every rule reads (ALERT_THRESHOLDS).
import { z } from "zod";

import { JsonEnv } from "../config";

export const AlertSeverity = z.enum(["error", "warning", "info"]);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** Rule ids; each alert is open at most once per (rule, subject). */
const ALERT_RULES = [
  "queue_backlog",
  "failure_rate",
  "no_workers",
  "stalled_jobs",
  "no_progress",
  "service_status",
  "ip_blacklisted",
  "redis_eviction_policy",
  "dropped_logs",
  "wait_p95",
  "processing_p95",
  "random_secret_with_replicas",
  "replica_secret_mismatch",
] as const;
export const AlertRule = z.enum(ALERT_RULES);
export type AlertRule = z.infer<typeof AlertRule>;

export const AlertView = z.object({
  id: z.string().describe("alert_<n>"),
  timestamp: z.string().describe("When the alert opened, ISO 8601"),
  severity: AlertSeverity,
  service: z.string(),
  message: z.string(),
  acknowledged: z.boolean(),
  rule: AlertRule,
  subject: z.string().describe("What the alert is about: a queue, a service, an IP"),
  last_seen_at: z.string().describe("Last evaluation that found the condition, ISO 8601"),
  resolved_at: z.string().nullable().describe("Set when the condition cleared"),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.string().nullable().describe("The key that acknowledged it (name and role)"),
  details: z.record(z.string(), z.unknown()),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertListQuery = z.strictObject({
  hours: z.coerce.number().int().min(1).max(168).default(24).describe("Hours of history (default 24, max 168)"),
  severity: AlertSeverity.optional().describe("Only this severity"),
});
export const AlertList = z.object({ alerts: z.array(AlertView) });
export type AlertList = z.infer<typeof AlertList>;

export const AlertIdParams = z.strictObject({
  id: z.string().regex(/^alert_[1-9][0-9]{0,17}$/, "an alert id such as alert_123"),
});

/** Per-subject thresholds; any field left out falls back to "*" and then to the default below. */
const AlertThresholdSet = z.strictObject({
  /** Waiting jobs above which queue_backlog fires (queues, "SMTP Service"). @defaultValue 10000 */
  backlog: z.number().int().min(0).optional(),
  /** Failed / finished jobs over the window, percent. @defaultValue 10 */
  failure_rate_percent: z.number().min(0).max(100).optional(),
  /** Finished jobs in the window below which the failure rate is not judged. @defaultValue 20 */
  failure_min_jobs: z.number().int().min(1).optional(),
  /** Window of the failure-rate rule, minutes. @defaultValue 5 */
  failure_window_minutes: z.number().int().min(1).max(1_440).optional(),
  /** Stalled jobs above which stalled_jobs fires. @defaultValue 0 */
  stalled: z.number().int().min(0).optional(),
  /** Minutes without a finished job, while jobs wait and workers are online. @defaultValue 10 */
  no_progress_minutes: z.number().int().min(1).max(1_440).optional(),
  /** API Server: 5xx percent over 5 minutes above which it is degraded. @defaultValue 5 */
  error_rate_percent: z.number().min(0).max(100).optional(),
  /** API Server: p95 response time (ms) over 5 minutes above which it is degraded. @defaultValue 2000 */
  p95_ms: z.number().min(1).optional(),
  /** Queues: p95 wait time (created → processed, ms) over the latency window above which wait_p95 fires; null = off. @defaultValue null */
  wait_p95_ms: z.number().min(1).nullable().optional(),
  /** Queues: p95 processing time (processed → finished, ms) over the latency window above which processing_p95 fires; null = off. @defaultValue null */
  processing_p95_ms: z.number().min(1).nullable().optional(),
  /** Window of the latency rules, minutes. @defaultValue 5 */
  latency_window_minutes: z.number().int().min(1).max(1_440).optional(),
  /** Jobs timed in the window below which the latency rules do not judge. @defaultValue 20 */
  latency_min_jobs: z.number().int().min(1).optional(),
  /** Rules switched off for this subject. */
  disabled: z.array(AlertRule).optional(),
});
type AlertThresholdSet = z.infer<typeof AlertThresholdSet>;
export type AlertThresholds = {
  [K in Exclude<keyof AlertThresholdSet, "disabled">]-?: Exclude<AlertThresholdSet[K], undefined>;
} & { disabled: AlertRule[] };

const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  backlog: 10_000,
  failure_rate_percent: 10,
  failure_min_jobs: 20,
  failure_window_minutes: 5,
  stalled: 0,
  no_progress_minutes: 10,
  error_rate_percent: 5,
  p95_ms: 2_000,
  // Off until set: what a slow wait or job is depends on the queue (a delayed job waits by design).
  wait_p95_ms: null,
  processing_p95_ms: null,
  latency_window_minutes: 5,
  latency_min_jobs: 20,
  disabled: [],
};

/** ALERT_THRESHOLDS: JSON object of subject (queue or service name, or "*") → thresholds. */
export const AlertThresholdsEnv = JsonEnv(z.record(z.string().min(1).max(200), AlertThresholdSet));
export type AlertThresholdsConfig = Record<string, AlertThresholdSet>;

/** Thresholds for one subject: its own, then "*", then the defaults. */
export function thresholdsForSubject(config: AlertThresholdsConfig, subject: string): AlertThresholds {
  const strip = (s: AlertThresholdSet | undefined) =>
    Object.fromEntries(Object.entries(s ?? {}).filter(([, v]) => v !== undefined)) as AlertThresholdSet;
  return { ...DEFAULT_ALERT_THRESHOLDS, ...strip(config["*"]), ...strip(config[subject]) } as AlertThresholds;
}
