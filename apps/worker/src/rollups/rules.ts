// The alert rules: pure functions from what was
// measured to the conditions that hold now. A rule whose inputs could not be
// measured (Redis or Postgres down) is not "evaluated", so its open alerts
// stay open rather than resolving on missing data; the outage itself is a
// service_status alert.
import {
  type AlertRule,
  type AlertThresholdsConfig,
  type InfrastructureHealth,
  thresholdsForSubject,
} from "@opsdeck/core";
import {
  type Firing,
  histogramPercentile,
  type LatencyHistograms,
  type LiveApiProcess,
  type RecentQueueStats,
} from "@opsdeck/db";
import { type QueueSample } from "@opsdeck/redis";

import { replicaRules } from "./replicaRules";

export interface RuleInputs {
  /** Live queue samples; null when Redis could not be read. */
  samples: QueueSample[] | null;
  /** Worker processes online per queue (fresh heartbeats); null when Postgres could not be read. */
  online: Map<string, number> | null;
  /** Minute-row stats per window length (minutes) → queue → stats; null when Postgres could not be read. */
  recent: Map<number, Map<string, RecentQueueStats>> | null;
  /**
   * Latency histograms per window length (minutes) → queue, for the windows of the subjects whose
   * latency thresholds are set; null when Postgres could not be read.
   */
  latency: Map<number, Map<string, LatencyHistograms>> | null;
  health: InfrastructureHealth;
  /** Listed sending IPs; null when not known. */
  blacklisted: { ip: string; provider: string; blacklists: string[] }[] | null;
  /** Growth of the dropped-log total since the last evaluation; null when unknown. */
  droppedLogs: { total: number; increase: number } | null;
  /** API processes running now (fresh heartbeats); null when Postgres could not be read. */
  apiProcesses: LiveApiProcess[] | null;
  thresholds: AlertThresholdsConfig;
}

export interface RuleResult {
  evaluated: AlertRule[];
  firing: Firing[];
}

/** Alert messages say "10k": thresholds in thousands are written as such. */
const short = (n: number) => (n >= 1_000 && n % 1_000 === 0 ? `${n / 1_000}k` : String(n));

/** Which service a queue's alerts belong to (seed: "SMTP" for the email queues). */
function serviceOfQueue(queue: string): string {
  if (queue.startsWith("email-sending")) return "SMTP";
  if (queue === "log-exports") return "Logs";
  if (queue === "metric-rollups") return "Metrics";
  return "Queues";
}

function queueRules(i: RuleInputs, out: RuleResult): void {
  if (!i.samples) return;
  out.evaluated.push("queue_backlog", "stalled_jobs");
  const withPg = i.online !== null && i.recent !== null;
  if (withPg) out.evaluated.push("no_workers", "failure_rate", "no_progress");
  for (const s of i.samples) {
    const t = thresholdsForSubject(i.thresholds, s.queue);
    const on = (rule: AlertRule) => !t.disabled.includes(rule);
    const base = { subject: s.queue, service: serviceOfQueue(s.queue) };
    if (on("queue_backlog") && s.waiting > t.backlog)
      out.firing.push({
        ...base,
        rule: "queue_backlog",
        severity: "error",
        message: `Queue size exceeded ${short(t.backlog)} threshold: ${s.waiting} jobs waiting in ${s.queue}`,
        details: { waiting: s.waiting, threshold: t.backlog },
      });
    if (on("stalled_jobs") && s.stalled > t.stalled)
      out.firing.push({
        ...base,
        rule: "stalled_jobs",
        severity: "warning",
        message: `${s.stalled} active jobs in ${s.queue} have lost their lock (stalled)`,
        details: { stalled: s.stalled, threshold: t.stalled },
      });
    if (!withPg) continue;
    // A worker counts if it heartbeats for the queue (Opsdeck workers) or holds a BullMQ connection (any worker).
    const workers = Math.max(i.online?.get(s.queue) ?? 0, s.workers ?? 0);
    if (on("no_workers") && s.waiting > 0 && !s.paused && workers === 0)
      out.firing.push({
        ...base,
        rule: "no_workers",
        severity: "error",
        message: `No workers: ${s.waiting} jobs waiting in ${s.queue} and no worker is online for it`,
        details: { waiting: s.waiting },
      });
    const fr = i.recent?.get(t.failure_window_minutes)?.get(s.queue);
    const finished = (fr?.completed ?? 0) + (fr?.failed ?? 0);
    const rate = finished > 0 ? ((fr?.failed ?? 0) / finished) * 100 : 0;
    if (on("failure_rate") && finished >= t.failure_min_jobs && rate > t.failure_rate_percent)
      out.firing.push({
        ...base,
        rule: "failure_rate",
        severity: "warning",
        message: `${Math.round(rate * 10) / 10}% of jobs in ${s.queue} failed over the last ${t.failure_window_minutes} minutes (threshold ${t.failure_rate_percent}%)`,
        details: { failed: fr?.failed ?? 0, finished, rate_percent: rate, threshold: t.failure_rate_percent },
      });
    const np = i.recent?.get(t.no_progress_minutes)?.get(s.queue);
    if (
      on("no_progress") &&
      s.waiting > 0 &&
      !s.paused &&
      workers > 0 &&
      (np?.minutes ?? 0) >= t.no_progress_minutes &&
      (np?.completed ?? 0) + (np?.failed ?? 0) === 0
    )
      out.firing.push({
        ...base,
        rule: "no_progress",
        severity: "warning",
        message: `No progress: ${s.queue} has ${s.waiting} jobs waiting and finished none in ${t.no_progress_minutes} minutes`,
        details: { waiting: s.waiting, minutes: t.no_progress_minutes, workers },
      });
  }
}

const LATENCY_RULES = [
  { rule: "wait_p95", what: "wait time", threshold: "wait_p95_ms", hist: "wait" },
  { rule: "processing_p95", what: "processing time", threshold: "processing_p95_ms", hist: "processing" },
] as const;

/** Queues whose p95 wait or processing time over the window is above its threshold (off unless set). */
function latencyRules(i: RuleInputs, out: RuleResult): void {
  if (!i.latency) return;
  out.evaluated.push(...LATENCY_RULES.map((r) => r.rule));
  const queues = new Set([...i.latency.values()].flatMap((m) => [...m.keys()]));
  for (const queue of queues) {
    const t = thresholdsForSubject(i.thresholds, queue);
    const stats = i.latency.get(t.latency_window_minutes)?.get(queue);
    if (!stats || stats.jobs < t.latency_min_jobs) continue;
    for (const r of LATENCY_RULES) {
      const threshold = t[r.threshold];
      if (threshold === null || t.disabled.includes(r.rule)) continue;
      const p95 = histogramPercentile(stats[r.hist], 0.95);
      if (p95 === null || p95 <= threshold) continue;
      const ms = Math.round(p95 * 100) / 100;
      out.firing.push({
        rule: r.rule,
        subject: queue,
        service: serviceOfQueue(queue),
        severity: "warning",
        message: `p95 ${r.what} of ${queue} was ${ms} ms over the last ${t.latency_window_minutes} minutes (threshold ${threshold} ms, ${stats.jobs} jobs)`,
        details: { p95_ms: ms, threshold_ms: threshold, jobs: stats.jobs, window_minutes: t.latency_window_minutes },
      });
    }
  }
}

function serviceRules(i: RuleInputs, out: RuleResult): void {
  out.evaluated.push("service_status", "redis_eviction_policy");
  for (const s of i.health.services) {
    const t = thresholdsForSubject(i.thresholds, s.name);
    if (
      s.name === "Redis" &&
      s.maxmemory_policy &&
      s.maxmemory_policy !== "noeviction" &&
      !t.disabled.includes("redis_eviction_policy")
    )
      out.firing.push({
        rule: "redis_eviction_policy",
        subject: "Redis",
        service: "Redis",
        severity: "warning",
        message: `Redis maxmemory-policy is ${s.maxmemory_policy}; BullMQ needs noeviction or queue keys may be evicted`,
        details: { maxmemory_policy: s.maxmemory_policy },
      });
    // Redis degraded only by its eviction policy is the rule above, not a second alert.
    const onlyPolicy =
      s.name === "Redis" &&
      s.status === "degraded" &&
      !s.reason?.includes("; ") &&
      s.reason?.startsWith("maxmemory-policy");
    if (s.status !== "healthy" && !onlyPolicy && !t.disabled.includes("service_status"))
      out.firing.push({
        rule: "service_status",
        subject: s.name,
        service: s.name,
        severity: s.status === "down" ? "error" : "warning",
        message: `${s.name} is ${s.status}${s.reason ? `: ${s.reason}` : ""}`,
        details: { status: s.status, reason: s.reason ?? null },
      });
  }
}

function otherRules(i: RuleInputs, out: RuleResult): void {
  if (i.blacklisted) {
    out.evaluated.push("ip_blacklisted");
    for (const ip of i.blacklisted)
      out.firing.push({
        rule: "ip_blacklisted",
        subject: ip.ip,
        service: "SMTP",
        severity: "error",
        message: `Sending IP ${ip.ip} (${ip.provider}) is listed on ${ip.blacklists.join(", ")}`,
        details: { blacklists: ip.blacklists, provider: ip.provider },
      });
  }
  if (i.droppedLogs) {
    out.evaluated.push("dropped_logs");
    if (i.droppedLogs.increase > 0)
      out.firing.push({
        rule: "dropped_logs",
        subject: "logs",
        service: "Logs",
        severity: "warning",
        message: `${i.droppedLogs.increase} log entries were dropped since the last check (buffer full; Postgres slow or down?)`,
        details: { increase: i.droppedLogs.increase, total: i.droppedLogs.total },
      });
  }
}

export function evaluateRules(i: RuleInputs): RuleResult {
  const out: RuleResult = { evaluated: [], firing: [] };
  queueRules(i, out);
  latencyRules(i, out);
  serviceRules(i, out);
  otherRules(i, out);
  replicaRules(i, out);
  return out;
}
