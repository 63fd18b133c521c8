// Prometheus metrics of the API process (served at GET /metrics).
import client from "prom-client";

const DEFAULT_PREFIX = "opsdeck_api_";

/**
 * prom-client's default set includes three gauges named *_total, which
 * Prometheus reserves for counters (`promtool check metrics` rejects them).
 * Each only repeats the sum of the per-type gauge beside it
 * (opsdeck_api_nodejs_active_handles{type} …), so they are left out: use
 * sum(opsdeck_api_nodejs_active_handles) instead.
 */
const MISNAMED_DEFAULTS = [
  "nodejs_active_handles_total",
  "nodejs_active_requests_total",
  "nodejs_active_resources_total",
];

export function createApiMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: DEFAULT_PREFIX });
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(DEFAULT_PREFIX + name);
  return {
    registry,
    httpDuration: new client.Histogram({
      name: "opsdeck_http_request_duration_seconds",
      help: "HTTP request duration by route template, method and status class",
      labelNames: ["route", "method", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    rateLimitRejections: new client.Counter({
      name: "opsdeck_rate_limit_rejections_total",
      help: "Requests refused with 429, by policy",
      labelNames: ["policy"] as const,
      registers: [registry],
    }),
    rateLimiterFailOpen: new client.Counter({
      name: "opsdeck_rate_limiter_fail_open_total",
      help: "Requests let through because the limiter's Redis was unreachable",
      registers: [registry],
    }),
    requestLogsDropped: new client.Counter({
      name: "opsdeck_request_logs_dropped_total",
      help: "Request log entries dropped because the buffer was full",
      registers: [registry],
    }),
  };
}
export type ApiMetrics = ReturnType<typeof createApiMetrics>;
