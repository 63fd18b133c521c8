// GET /status: the configured email providers (enabled
// SMTP integrations), each healthy or not from its recent send results (the
// circuit breaker and the error rate over EMAIL_HEALTH_WINDOW_SECONDS, which
// the scheduled live checks also feed). ok: all healthy; degraded: some;
// unhealthy: none (including when none is configured: no mail can go out).
import { StatusBody } from "@opsdeck/core";
import { integrationHealth } from "@opsdeck/db";
import { z } from "zod";

import { healthWindow } from "../email/integrationViews";
import { defineRoute } from "../http/route";

type Level = z.infer<typeof StatusBody>["status"];

const level = (healthy: number, total: number): Level =>
  total > 0 && healthy === total ? "ok" : healthy > 0 ? "degraded" : "unhealthy";
/** Percent with one decimal. */
const percent = (healthy: number, total: number) => (total === 0 ? 0 : Math.round((1000 * healthy) / total) / 10);

export const statusRoutes = [
  defineRoute({
    method: "get",
    path: "/status",
    operationId: "getStatus",
    summary: "Health of the email integrations, overall and by type",
    tags: ["status"],
    access: { permission: "integration.read" },
    rateLimit: "read",
    query: z.strictObject({}),
    response: {
      schema: StatusBody,
      envelope: false,
      description: "Overall status, each integration, counts and per-type statistics",
      example: {
        status: "degraded",
        data: {
          integrations: [
            { id: "smtp_a1", status: "healthy", type: "ses" },
            { id: "smtp_b2", status: "unhealthy", type: "smtp" },
          ],
          healthy_integrations_count: 1,
          total_integrations_count: 2,
          healthy_percentage: 50.0,
          stats_by_integration_type: {
            ses: { total_count: 1, healthy_count: 1, healthy_percentage: 100.0, status: "ok" },
            smtp: { total_count: 1, healthy_count: 0, healthy_percentage: 0.0, status: "unhealthy" },
          },
        },
      },
    },
    async handler({ deps }) {
      const all = (await integrationHealth(deps.db.pool, healthWindow(deps.config))).filter((h) => h.enabled);
      const integrations = all.map((h) => ({
        id: h.id,
        status: h.healthy ? ("healthy" as const) : ("unhealthy" as const),
        type: h.type,
      }));
      const healthy = integrations.filter((i) => i.status === "healthy").length;
      const byType: Record<
        string,
        { total_count: number; healthy_count: number; healthy_percentage: number; status: Level }
      > = {};
      for (const i of integrations) {
        const t = (byType[i.type] ??= { total_count: 0, healthy_count: 0, healthy_percentage: 0, status: "unhealthy" });
        t.total_count++;
        if (i.status === "healthy") t.healthy_count++;
      }
      for (const t of Object.values(byType)) {
        t.healthy_percentage = percent(t.healthy_count, t.total_count);
        t.status = level(t.healthy_count, t.total_count);
      }
      return {
        status: level(healthy, integrations.length),
        data: {
          integrations,
          healthy_integrations_count: healthy,
          total_integrations_count: integrations.length,
          healthy_percentage: percent(healthy, integrations.length),
          stats_by_integration_type: byType,
        },
      };
    },
  }),
];
