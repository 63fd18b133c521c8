// The integration surface for partners: bodies as partners' clients expect
// them (camelCase, not enveloped). Scoped to the calling key: a partner sees only its own request
// logs and quotas.
import {
  IntegrationHealth,
  IntegrationInfo,
  IntegrationLimits,
  IntegrationLogs,
  IntegrationLogsQuery,
  IntegrationTest,
  VERSION,
} from "@opsdeck/core";
import { fileStoreFor, queryRequestLogs } from "@opsdeck/db";

import { probePostgres, probeRedis, type ProbeStatus, probeStorage } from "../health/dependencies";
import { defineRoute, reply } from "../http/route";

const BASE = "/api/integration";
const TAGS = ["integration"];

/** Overall: down when the database is (nothing can be served), degraded when anything else is not healthy. */
function overall(s: { database: ProbeStatus; storage: ProbeStatus; messaging: ProbeStatus }): ProbeStatus {
  if (s.database === "down") return "down";
  return Object.values(s).every((v) => v === "healthy") ? "healthy" : "degraded";
}

export const integrationRoutes = [
  defineRoute({
    method: "get",
    path: `${BASE}/health`,
    operationId: "integrationHealth",
    summary: "Is the API operational? Component status of database, storage and messaging",
    description: "503 with the same body when the status is down. Poll every 60 s.",
    tags: TAGS,
    access: { permission: "integration.read" },
    rateLimit: "read",
    response: {
      schema: IntegrationHealth,
      envelope: false,
      description: "Health of the API and its components",
      sameBodyStatuses: { 503: "Down: the database is unreachable (same body)" },
      example: {
        status: "healthy",
        version: "1.0.0",
        timestamp: "2024-01-20T15:30:45Z",
        services: { database: "healthy", storage: "healthy", messaging: "healthy" },
      },
    },
    async handler({ deps }) {
      const t = deps.config.PROBE_TIMEOUT_MS;
      const [database, storage, messaging] = await Promise.all([
        probePostgres(deps.db.pool, t),
        probeStorage(fileStoreFor(deps.config), t),
        probeRedis({ redis: deps.redis, keyPrefix: deps.config.REDIS_KEY_PREFIX, queues: deps.queues }, t),
      ]);
      const services = { database: database.status, storage: storage.status, messaging: messaging.status };
      const status = overall(services);
      const body = { status, version: VERSION, timestamp: new Date().toISOString(), services };
      return status === "down" ? reply(body, { status: 503 }) : body;
    },
  }),
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "integrationInfo",
    summary: "API version, this key's integration details and permissions, features and endpoints",
    tags: TAGS,
    access: { permission: "integration.read" },
    rateLimit: "read",
    response: { schema: IntegrationInfo, envelope: false, description: "Integration details" },
    handler({ principal: p, deps }) {
      const base = deps.config.publicUrl;
      return {
        version: VERSION,
        integration: {
          externalId: p.externalId,
          keyId: p.keyId,
          name: p.name,
          role: p.role,
          permissions: [...p.permissions],
          accountType: p.role === "integration" ? "partner" : p.role,
          createdAt: p.createdAt.toISOString(),
          expiresAt: p.expiresAt?.toISOString() ?? null,
        },
        features: ["request_logs", "rate_limit_status", "health", "status"],
        endpoints: {
          health: `${base}${BASE}/health`,
          logs: `${base}${BASE}/logs`,
          limits: `${base}${BASE}/limits`,
          test: `${base}${BASE}/test`,
          status: `${base}/status`,
          openapi: `${base}/openapi.json`,
        },
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/logs`,
    operationId: "integrationLogs",
    summary: "This key's own request logs, newest first",
    description: "Request logs are kept for the worker's REQUEST_LOG_RETENTION_DAYS (30 by default).",
    tags: TAGS,
    access: { permission: "integration.read" },
    rateLimit: "read",
    query: IntegrationLogsQuery,
    response: { schema: IntegrationLogs, envelope: false, description: "A page of request logs" },
    async handler({ principal: p, query, deps }) {
      const status = query.status
        ? query.status.endsWith("xx")
          ? { class: Number(query.status[0]) }
          : { exact: Number(query.status) }
        : undefined;
      const { rows, total } = await queryRequestLogs(deps.db.pool, {
        keyId: p.keyId,
        page: query.page,
        limit: query.limit,
        startDate: query.startDate ? new Date(query.startDate) : undefined,
        endDate: query.endDate ? new Date(query.endDate) : undefined,
        endpoint: query.endpoint,
        method: query.method,
        status,
      });
      return {
        data: rows.map((r) => ({
          logId: `log_${r.id}`,
          timestamp: r.timestamp.toISOString(),
          method: r.method,
          endpoint: r.endpoint,
          statusCode: r.status_code,
          responseTime: r.response_time,
          requestSize: r.request_size,
          responseSize: r.response_size,
          ipAddress: r.ip_address,
          userAgent: r.user_agent,
        })),
        pagination: { page: query.page, limit: query.limit, total, totalPages: Math.ceil(total / query.limit) },
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/limits`,
    operationId: "integrationLimits",
    summary: "This key's quotas, usage, remaining and reset times per minute, hour and day",
    description: "Reading limits does not consume quota.",
    tags: TAGS,
    access: { permission: "integration.read" },
    rateLimit: "read",
    consumesQuota: false,
    response: { schema: IntegrationLimits, envelope: false, description: "Quota status" },
    async handler({ principal: p, deps }) {
      const limits = p.quotas;
      const windows = await deps.limits.quotas(p.keyId, limits, true);
      const get = (name: "minute" | "hour" | "day") => windows?.find((w) => w.name === name);
      const usage = (n: "minute" | "hour" | "day") => get(n)?.used ?? 0;
      const left = (n: "minute" | "hour" | "day") => (limits[n] === null ? null : Math.max(0, limits[n]! - usage(n)));
      const reset = (n: "minute" | "hour" | "day", seconds: number) =>
        new Date((get(n)?.resetAt ?? Math.floor(Date.now() / 1000 / seconds + 1) * seconds) * 1000).toISOString();
      return {
        limits: { perMinute: limits.minute, perHour: limits.hour, perDay: limits.day },
        usage: { perMinute: usage("minute"), perHour: usage("hour"), perDay: usage("day") },
        remaining: { perMinute: left("minute"), perHour: left("hour"), perDay: left("day") },
        resetAt: { perMinute: reset("minute", 60), perHour: reset("hour", 3_600), perDay: reset("day", 86_400) },
      };
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/test`,
    operationId: "integrationTest",
    summary: "Is this key valid? Echoes what the API knows about it",
    tags: TAGS,
    access: { permission: "integration.read" },
    rateLimit: "read",
    response: { schema: IntegrationTest, envelope: false, description: "The key is valid" },
    handler({ principal: p }) {
      return {
        valid: true as const,
        keyId: p.keyId,
        role: p.role,
        permissions: [...p.permissions],
        expiresAt: p.expiresAt?.toISOString() ?? null,
        timestamp: new Date().toISOString(),
      };
    },
  }),
];
