// The integration surface. Bodies are the partner clients' documented shapes, not enveloped.
import { z } from "zod";

import { IsoTime } from "./common";

const ComponentStatus = z.enum(["healthy", "degraded", "down"]);

export const IntegrationHealth = z.object({
  status: ComponentStatus,
  version: z.string(),
  timestamp: z.string(),
  services: z.object({ database: ComponentStatus, storage: ComponentStatus, messaging: ComponentStatus }),
});
export type IntegrationHealth = z.infer<typeof IntegrationHealth>;

export const IntegrationInfo = z.object({
  version: z.string(),
  integration: z.object({
    externalId: z.string().nullable(),
    keyId: z.string(),
    name: z.string(),
    role: z.string(),
    permissions: z.array(z.string()),
    accountType: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
  }),
  features: z.array(z.string()),
  endpoints: z.record(z.string(), z.string()),
});
export type IntegrationInfo = z.infer<typeof IntegrationInfo>;

export const IntegrationLogsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe("Page number (default 1)"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Logs per page (default 50, max 200)"),
  startDate: IsoTime.optional().describe("From this time (ISO 8601)"),
  endDate: IsoTime.optional().describe("Until this time (ISO 8601)"),
  endpoint: z.string().max(512).optional().describe("Exact request path, e.g. /api/integration/health"),
  status: z
    .string()
    .regex(/^([1-5]xx|[1-5]\d\d)$/, "an HTTP status code (200) or class (4xx)")
    .optional()
    .describe("Status code or class: 200, 4xx, 5xx"),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]).optional(),
});

const IntegrationLogEntry = z.object({
  logId: z.string(),
  timestamp: z.string(),
  method: z.string(),
  endpoint: z.string(),
  statusCode: z.number().int(),
  responseTime: z.number(),
  requestSize: z.number().int(),
  responseSize: z.number().int(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const IntegrationLogs = z.object({
  data: z.array(IntegrationLogEntry),
  pagination: z.object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  }),
});
export type IntegrationLogs = z.infer<typeof IntegrationLogs>;

const PerWindow = <T extends z.ZodType>(t: T) => z.object({ perMinute: t, perHour: t, perDay: t });

export const IntegrationLimits = z.object({
  limits: PerWindow(z.number().int().nullable()),
  usage: PerWindow(z.number().int()),
  remaining: PerWindow(z.number().int().nullable()),
  resetAt: PerWindow(z.string()),
});
export type IntegrationLimits = z.infer<typeof IntegrationLimits>;

export const IntegrationTest = z.object({
  valid: z.literal(true),
  keyId: z.string(),
  role: z.string(),
  permissions: z.array(z.string()),
  expiresAt: z.string().nullable(),
  timestamp: z.string(),
});
