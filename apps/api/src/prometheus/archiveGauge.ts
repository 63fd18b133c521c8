// opsdeck_log_archives_failed: days of logs whose last archive attempt failed.
// Their partitions are kept past retention until an attempt succeeds, so a
// value above 0 that lasts means disk growing and a storage problem to fix
// (the worker logs why; GET /logs/archives lists the reason).
import { withDeadline } from "@opsdeck/core";
import { countFailedLogArchives } from "@opsdeck/db";
import type pg from "pg";
import client from "prom-client";

export function registerArchiveGauge(registry: client.Registry, pool: pg.Pool, timeoutMs: number): void {
  new client.Gauge({
    name: "opsdeck_log_archives_failed",
    help: "Days of logs whose last archive attempt failed (their partitions are kept until one succeeds)",
    registers: [registry],
    async collect() {
      try {
        this.set(await withDeadline(countFailedLogArchives(pool), timeoutMs, "Postgres"));
      } catch {
        // Left at its last value; opsdeck_metrics_source_up{source="postgres"} says Postgres did not answer.
      }
    },
  });
}
