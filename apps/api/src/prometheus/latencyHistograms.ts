// Prometheus histograms of job wait and processing time per queue
// (opsdeck_job_wait_seconds, opsdeck_job_processing_seconds), read on scrape
// from the latency rollups: every job timed since the series began (the
// totals of the compacted hours plus the minute rows after them, see
// latencyTotals). They are cumulative as Prometheus expects, across API
// restarts too (a finished job retried within about an hour of finishing
// leaves them: read as a counter reset), and every API replica serves the
// same figures from the same rows, so a query must not add replicas up:
// aggregate with max() (or scrape one replica). They lag the jobs by the
// rollups' minute (the last closed minute).
//
// `le` bounds are powers of 4 ms (1 ms … 67,108.864 s): each is a bucket
// bound of the rollups' histograms, so the cumulative counts are exact, not
// estimated. A scrape is one Postgres query for both families.
import { withDeadline } from "@opsdeck/core";
import { latencyBucketUpperMs, type LatencyTotals, latencyTotals } from "@opsdeck/db";
import type pg from "pg";
import type client from "prom-client";

/** Upper bounds of the exported buckets, ms. */
const LE_MS = Array.from({ length: 14 }, (_, k) => 4 ** k);

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/** Cumulative counts at each LE_MS bound of a rollup histogram. */
function cumulative(hist: number[]): number[] {
  let i = 0;
  let acc = 0;
  return LE_MS.map((le) => {
    for (; i < hist.length && latencyBucketUpperMs(i) <= le; i++) acc += hist[i] as number;
    return acc;
  });
}

function samples(name: string, rows: LatencyTotals[], kind: "wait" | "processing"): Sample[] {
  const out: Sample[] = [];
  for (const r of rows) {
    const counts = cumulative(r[kind]);
    LE_MS.forEach((le, k) =>
      out.push({ metricName: `${name}_bucket`, labels: { queue: r.queue, le: le / 1000 }, value: counts[k] as number }),
    );
    out.push({ metricName: `${name}_bucket`, labels: { queue: r.queue, le: "+Inf" }, value: r.jobs });
    const sumMs = kind === "wait" ? r.waitSumMs : r.processingSumMs;
    out.push({ metricName: `${name}_sum`, labels: { queue: r.queue }, value: sumMs / 1000 });
    out.push({ metricName: `${name}_count`, labels: { queue: r.queue }, value: r.jobs });
  }
  return out;
}

export interface LatencySource {
  pool: pg.Pool;
  timeoutMs: number;
  /** Told whether this scrape could read the rollups. */
  readable: (ok: boolean) => void;
}

/**
 * Registers both histograms. prom-client's Histogram can only observe values one at a time, so these
 * are metric objects of the shape the registry reads (name, help, type and get()): the counts are
 * already aggregated in Postgres.
 */
export function registerLatencyHistograms(registry: client.Registry, src: LatencySource): void {
  let inFlight: Promise<LatencyTotals[] | null> | null = null;
  // One query per scrape: the registry asks both families at once, the second joins the first's read.
  const read = () =>
    (inFlight ??= withDeadline(latencyTotals(src.pool), src.timeoutMs, "Postgres")
      .then((rows) => {
        src.readable(true);
        return rows;
      })
      .catch(() => {
        src.readable(false);
        return null;
      })
      .finally(() => {
        inFlight = null;
      }));
  const family = (name: string, help: string, kind: "wait" | "processing") => ({
    name,
    help,
    type: "histogram",
    aggregator: "first",
    reset() {},
    async get() {
      const rows = await read();
      return { name, help, type: "histogram", aggregator: "first", values: rows ? samples(name, rows, kind) : [] };
    },
  });
  const metrics = [
    family(
      "opsdeck_job_wait_seconds",
      "Wait time of finished jobs per queue, added to the start of the last attempt, from the rollups (job records)",
      "wait",
    ),
    family(
      "opsdeck_job_processing_seconds",
      "Processing time of finished jobs per queue (last attempt), from the rollups (job records)",
      "processing",
    ),
  ];
  // The registry's typings list only its own classes; it reads any object of this shape.
  for (const m of metrics) registry.registerMetric(m as unknown as client.Metric);
}
