// Turns raw counts into the queue summary of GET /queues: priority from the
// catalog, and the status thresholds (critical: waiting > 1000 or failed
// > 10; warning: waiting 100–1000; else healthy), configurable globally and
// per queue.
import { isCatalogQueue, type QueueHealth, QUEUES, type QueueSummary } from "@opsdeck/core";
import { type QueueCounts, waitingOf } from "@opsdeck/redis";

import type { ApiConfig } from "../config";

interface Thresholds {
  warningWaiting: number;
  criticalWaiting: number;
  criticalFailed: number;
}

function thresholdsFor(config: ApiConfig, queue: string): Thresholds {
  const o = config.QUEUE_STATUS_THRESHOLDS[queue];
  return {
    warningWaiting: o?.warning_waiting ?? config.QUEUE_WARNING_WAITING,
    criticalWaiting: o?.critical_waiting ?? config.QUEUE_CRITICAL_WAITING,
    criticalFailed: o?.critical_failed ?? config.QUEUE_CRITICAL_FAILED,
  };
}

function queueHealth(waiting: number, failed: number, t: Thresholds): QueueHealth {
  if (waiting > t.criticalWaiting || failed > t.criticalFailed) return "critical";
  if (waiting >= t.warningWaiting) return "warning";
  return "healthy";
}

export function queueSummary(config: ApiConfig, name: string, c: QueueCounts, now = Date.now()): QueueSummary {
  const waiting = waitingOf(c);
  return {
    name,
    priority: isCatalogQueue(name) ? QUEUES[name].priority : "normal",
    active_jobs: c.active,
    waiting_jobs: waiting,
    completed_last_hour: c.completedLastHour,
    failed_jobs: c.failed,
    status: queueHealth(waiting, c.failed, thresholdsFor(config, name)),
    paused: c.paused,
    delayed_jobs: c.delayed,
    workers: c.workers,
    oldest_waiting_age_seconds:
      c.oldestWaitingTimestamp === null ? null : Math.max(0, Math.floor((now - c.oldestWaitingTimestamp) / 1000)),
    stalled_jobs: c.stalled,
    catalog: isCatalogQueue(name),
  };
}
