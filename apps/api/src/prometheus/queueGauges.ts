// Prometheus gauges and counters collected on scrape (GET /metrics):
// queue sizes by state, workers, paused flag and oldest waiting age from one
// pipelined round trip (@opsdeck/redis counts.ts), and finished-job counters from the
// rollups (queue_job_totals + minute rows: monotonic across API restarts and
// identical on every replica — aggregate replicas with max(), not sum()),
// and job wait/processing time histograms from the same rollups
// (latencyHistograms.ts). Queue names are bounded (catalog + discovered, at
// most 2000); no job ids or other unbounded labels. A dependency that does
// not answer within the probe timeout leaves its series out and sets
// opsdeck_metrics_source_up to 0.
import { withDeadline } from "@opsdeck/core";
import { jobCounters } from "@opsdeck/db";
import { fetchQueueCounts, waitingOf } from "@opsdeck/redis";
import type pg from "pg";
import client from "prom-client";

import { readyRedis } from "../queues/connection";
import type { QueueRegistry } from "../queues/registry";
import { registerArchiveGauge } from "./archiveGauge";
import { registerLatencyHistograms } from "./latencyHistograms";

export interface InfraMetricsSource {
  queues: QueueRegistry;
  pool: pg.Pool;
  timeoutMs: number;
}

export function registerInfraMetrics(registry: client.Registry, src: InfraMetricsSource): void {
  const up = new client.Gauge({
    name: "opsdeck_metrics_source_up",
    help: "1 when the last scrape could read the source (redis: queue counts, postgres: job counters, latency: job latency histograms)",
    labelNames: ["source"] as const,
    registers: [registry],
  });
  const workers = new client.Gauge({
    name: "opsdeck_queue_workers",
    help: "BullMQ worker connections per queue",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const paused = new client.Gauge({
    name: "opsdeck_queue_paused",
    help: "1 when the queue is paused",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const oldest = new client.Gauge({
    name: "opsdeck_queue_oldest_waiting_age_seconds",
    help: "Age of the next job to run from the wait list, seconds (0 when none)",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  new client.Gauge({
    name: "opsdeck_queue_jobs",
    help: "Jobs per queue and state (waiting = wait + prioritized; stalled = active without a lock)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      workers.reset();
      paused.reset();
      oldest.reset();
      try {
        const counts = await withDeadline(
          (async () => {
            const redis = await readyRedis(src.queues);
            return fetchQueueCounts(redis, src.queues.prefix, await src.queues.names());
          })(),
          src.timeoutMs,
          "Redis",
        );
        const now = Date.now();
        for (const [queue, c] of counts) {
          const states: Record<string, number> = {
            waiting: waitingOf(c),
            active: c.active,
            delayed: c.delayed,
            failed: c.failed,
            completed: c.completed,
            waiting_children: c.waitingChildren,
            stalled: c.stalled,
          };
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
          if (c.workers !== null) workers.set({ queue }, c.workers);
          paused.set({ queue }, c.paused ? 1 : 0);
          oldest.set(
            { queue },
            c.oldestWaitingTimestamp === null ? 0 : Math.max(0, (now - c.oldestWaitingTimestamp) / 1000),
          );
        }
        up.set({ source: "redis" }, 1);
      } catch {
        up.set({ source: "redis" }, 0);
      }
    },
  });
  new client.Counter({
    name: "opsdeck_jobs_finished_total",
    help: "Jobs finished per queue and status, as recorded by the metric rollups (up to the last closed minute)",
    labelNames: ["queue", "status"] as const,
    registers: [registry],
    async collect() {
      try {
        const rows = await withDeadline(jobCounters(src.pool), src.timeoutMs, "Postgres");
        this.reset();
        for (const r of rows) {
          this.inc({ queue: r.queue, status: "completed" }, r.completed);
          this.inc({ queue: r.queue, status: "failed" }, r.failed);
        }
        up.set({ source: "postgres" }, 1);
      } catch {
        up.set({ source: "postgres" }, 0);
      }
    },
  });
  registerArchiveGauge(registry, src.pool, src.timeoutMs);
  registerLatencyHistograms(registry, {
    pool: src.pool,
    timeoutMs: src.timeoutMs,
    readable: (ok) => up.set({ source: "latency" }, ok ? 1 : 0),
  });
}
