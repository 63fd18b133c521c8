// Infrastructure: live health of every service, and the
// alerts raised by the worker's rules with their acknowledgement (audited).
import {
  AlertIdParams,
  AlertList,
  AlertListQuery,
  type AlertRule,
  AlertView,
  type AlertView as AlertViewType,
  auditTarget,
  InfrastructureHealth,
  NotFoundError,
} from "@opsdeck/core";
import { acknowledgeAlert, type AlertRow, listAlerts } from "@opsdeck/db";

import { infrastructureHealth } from "../health/infrastructure";
import { defineRoute } from "../http/route";

const BASE = "/api/v1/platform/system/infrastructure";
const TAGS = ["infrastructure"];

const iso = (d: Date | null) => d?.toISOString() ?? null;

function alertView(a: AlertRow): AlertViewType {
  return {
    id: `alert_${a.id}`,
    timestamp: a.opened_at.toISOString(),
    severity: a.severity,
    service: a.service,
    message: a.message,
    acknowledged: a.acknowledged_at !== null,
    rule: a.rule as AlertRule,
    subject: a.subject,
    last_seen_at: a.last_seen_at.toISOString(),
    resolved_at: iso(a.resolved_at),
    acknowledged_at: iso(a.acknowledged_at),
    acknowledged_by: a.acknowledged_by,
    details: a.details,
  };
}

export const infrastructureRoutes = [
  defineRoute({
    method: "get",
    path: `${BASE}/health`,
    operationId: "getInfrastructureHealth",
    summary: "Real-time service health",
    description:
      "API Server (last 5 min of request logs), Workers (heartbeats in the last 30 s), SMTP Service (email queue backlog and integrations), OLTP Database (pool usage, query latency now) and Redis (latency, memory, maxmemory-policy). Every probe is bounded by PROBE_TIMEOUT_MS; a dead dependency is `down` with a reason and this endpoint still answers 200. One measurement answers every caller for 5 s (`checked_at` is when it was taken).",
    tags: TAGS,
    access: { permission: "infra.read" },
    rateLimit: "read",
    response: { schema: InfrastructureHealth, description: "Services and their status" },
    handler: ({ deps }) => infrastructureHealth(deps),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/alerts`,
    operationId: "listInfrastructureAlerts",
    summary: "Recent infrastructure alerts",
    description:
      "Alerts open now or active in the last `hours`, newest first. Rules are evaluated every minute by the worker after each rollup; one open alert per rule and subject; resolved automatically when the condition clears.",
    tags: TAGS,
    access: { permission: "infra.read" },
    rateLimit: "read",
    query: AlertListQuery,
    response: { schema: AlertList, description: "Alerts" },
    async handler({ deps, query }) {
      const rows = await listAlerts(deps.db.pool, { hours: query.hours, severity: query.severity });
      return { alerts: rows.map(alertView) };
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/alerts/{id}/acknowledge`,
    operationId: "acknowledgeAlert",
    summary: "Acknowledge an alert (records who and when)",
    description: "Idempotent: a second acknowledgement keeps the first one's time and key.",
    tags: TAGS,
    access: { permission: "alerts.write" },
    rateLimit: "write",
    params: AlertIdParams,
    errors: [404],
    audit: { action: "alert.acknowledge", target: ({ params }) => auditTarget.alert(params.id ?? "") },
    response: { schema: AlertView, description: "The alert" },
    async handler(ctx) {
      const id = ctx.params.id.slice("alert_".length);
      const who = `${ctx.principal.name} (${ctx.principal.role})`;
      const row = await acknowledgeAlert(ctx.deps.db.pool, id, { name: who, keyId: ctx.principal.keyId });
      if (!row) throw new NotFoundError("alert_not_found", `No alert ${ctx.params.id}.`);
      return alertView(row);
    },
  }),
];
