// The audit trail: every mutation, newest first, filtered by action, actor
// key, target, outcome and time. Ops only (keys.admin).
import { AuditList, AuditQuery } from "@opsdeck/core";
import { listAuditEvents } from "@opsdeck/db";

import { defineRoute } from "../http/route";

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/platform/system/audit",
    operationId: "listAuditEvents",
    summary: "The audit trail: who changed what, with which parameters and outcome",
    tags: ["audit"],
    access: { permission: "keys.admin" },
    rateLimit: "read",
    query: AuditQuery,
    response: { schema: AuditList, description: "Audit events, newest first and the pagination" },
    async handler({ deps, query }) {
      const { rows, total } = await listAuditEvents(
        deps.db.prisma,
        {
          action: query.action,
          actorKeyId: query.actor_key_id,
          target: query.target,
          outcome: query.outcome,
          from: query.start_time ? new Date(query.start_time) : undefined,
          to: query.end_time ? new Date(query.end_time) : undefined,
        },
        { limit: query.limit, offset: query.offset },
      );
      return {
        events: rows.map((r) => ({
          id: r.id.toString(),
          timestamp: r.timestamp.toISOString(),
          actor_key_id: r.actorKeyId,
          actor: r.actor,
          action: r.action,
          target: r.target,
          parameters: r.parameters,
          outcome: r.outcome === "failure" ? ("failure" as const) : ("success" as const),
          error: r.error,
          request_id: r.requestId,
          ip_address: r.ipAddress,
        })),
        pagination: { total, limit: query.limit, offset: query.offset },
      };
    },
  }),
];
