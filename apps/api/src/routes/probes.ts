// Process probes and Prometheus metrics. No key needed.
import { AppError, Livez, Readyz } from "@opsdeck/core";

import { probePostgres, probeRedis } from "../health/dependencies";
import { defineRawRoute, defineRoute, reply } from "../http/route";

export const probeRoutes = [
  defineRoute({
    method: "get",
    path: "/livez",
    operationId: "livez",
    summary: "Liveness: the process is up",
    tags: ["probes"],
    access: "public",
    rateLimit: "none",
    response: { schema: Livez, envelope: false, description: "Always ok while the process runs" },
    handler: () => ({ status: "ok" as const }),
  }),
  defineRoute({
    method: "get",
    path: "/readyz",
    operationId: "readyz",
    summary: "Readiness: Postgres and Redis reachable and not draining",
    description: "503 with the same body when a dependency is unreachable or the process is shutting down.",
    tags: ["probes"],
    access: "public",
    rateLimit: "none",
    response: {
      schema: Readyz,
      envelope: false,
      description: "Ready",
      sameBodyStatuses: { 503: "Not ready: a dependency is unreachable or the process is draining" },
    },
    async handler({ deps }) {
      const t = deps.config.PROBE_TIMEOUT_MS;
      const [pg, redis] = await Promise.all([
        probePostgres(deps.db.pool, t),
        probeRedis({ redis: deps.redis, keyPrefix: deps.config.REDIS_KEY_PREFIX, queues: deps.queues }, t),
      ]);
      const checks = {
        postgres: pg.status === "down" ? ("down" as const) : ("up" as const),
        redis: redis.status === "down" ? ("down" as const) : ("up" as const),
        draining: deps.lifecycle.draining,
      };
      const ready = checks.postgres === "up" && checks.redis === "up" && !checks.draining;
      return ready
        ? { status: "ready" as const, checks }
        : reply({ status: "not_ready" as const, checks }, { status: 503 });
    },
  }),
  defineRawRoute({
    method: "get",
    path: "/metrics",
    operationId: "prometheusMetrics",
    summary: "Prometheus metrics (text format)",
    tags: ["probes"],
    access: "public",
    rateLimit: "none",
    response: { contentType: "text/plain", description: "Prometheus text exposition format" },
    async handler({ deps, req, res }) {
      // Scrapes come from loopback unless METRICS_TOKEN is set, in which case they must present it.
      const token = deps.config.METRICS_TOKEN;
      const allowed = token
        ? req.headers.authorization === `Bearer ${token}`
        : ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.socket.remoteAddress ?? "");
      if (!allowed)
        throw new AppError(403, "metrics_forbidden", "Metrics are served to loopback or with METRICS_TOKEN.");
      res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
    },
  }),
];
