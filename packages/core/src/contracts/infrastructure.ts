// GET /api/v1/platform/system/infrastructure/health: one
// entry per service with the documented fields, a status and a reason when it is
// not healthy. Measurements a dead dependency cannot give are null.
import { z } from "zod";

const ServiceStatus = z.enum(["healthy", "degraded", "down"]);
type ServiceStatus = z.infer<typeof ServiceStatus>;

const base = {
  status: ServiceStatus,
  reason: z.string().optional().describe("Why the service is not healthy"),
};

const ApiServerHealth = z.object({
  name: z.literal("API Server"),
  ...base,
  response_time_ms: z
    .object({ avg: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() })
    .describe("Over the last 5 minutes of request logs, ms"),
  error_rate_percent: z.number().describe("5xx responses over the last 5 minutes, percent"),
  requests: z.number().int().describe("Requests in the last 5 minutes"),
});

const WorkersHealth = z.object({
  name: z.literal("Workers"),
  ...base,
  online: z.number().int().describe("Worker processes with a heartbeat in the last 30 s"),
  queues: z.array(z.object({ queue: z.string(), online: z.number().int() })),
});

const SmtpHealth = z.object({
  name: z.literal("SMTP Service"),
  ...base,
  queue_backlog: z.number().int().nullable().describe("Waiting jobs of the email queues; null when Redis is down"),
  integrations: z
    .object({ total: z.number().int(), enabled: z.number().int(), healthy: z.number().int() })
    .nullable()
    .describe("SMTP integrations; null when none are configured in this database"),
});

const DatabaseHealth = z.object({
  name: z.literal("OLTP Database"),
  ...base,
  connection_pool_usage_percent: z.number().describe("Open pool connections / pool size, percent"),
  query_latency_ms: z.number().nullable().describe("Round trip of SELECT 1 measured now, ms"),
  pool: z.object({ total: z.number().int(), idle: z.number().int(), waiting: z.number().int(), max: z.number().int() }),
});

const RedisHealth = z.object({
  name: z.literal("Redis"),
  ...base,
  latency_ms: z.number().nullable().describe("PING round trip measured now, ms"),
  used_memory_bytes: z.number().nullable(),
  maxmemory_bytes: z.number().nullable().describe("0 = no limit"),
  maxmemory_policy: z.string().nullable().describe("Anything but noeviction is degraded: BullMQ keys could be evicted"),
  connected_clients: z.number().int().nullable(),
});

export const ServiceHealth = z.union([ApiServerHealth, WorkersHealth, SmtpHealth, DatabaseHealth, RedisHealth]);
export type ServiceHealth = z.infer<typeof ServiceHealth>;

export const InfrastructureHealth = z.object({
  services: z.array(ServiceHealth),
  checked_at: z.string().describe("ISO 8601"),
});
export type InfrastructureHealth = z.infer<typeof InfrastructureHealth>;
