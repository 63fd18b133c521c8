// The audit trail (SPEC §3): every mutation, newest first, filtered by
// action, actor key, target, outcome and time. Ops only (keys.admin).
import { AuditList, AuditQuery } from "@opsdeck/core";
import type { Prisma } from "@opsdeck/db";

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
    response: { schema: AuditList, description: "Audit events, newest first, and the seed's pagination" },
    async handler({ deps, query }) {
      const where: Prisma.AuditEventWhereInput = {};
      if (query.action) where.action = query.action;
      if (query.actor_key_id) where.actorKeyId = query.actor_key_id;
      if (query.target) where.target = query.target;
      if (query.outcome) where.outcome = query.outcome;
      if (query.start_time || query.end_time) {
        where.timestamp = {
          ...(query.start_time ? { gte: new Date(query.start_time) } : {}),
          ...(query.end_time ? { lt: new Date(query.end_time) } : {}),
        };
      }
      const [rows, total] = await Promise.all([
        deps.db.prisma.auditEvent.findMany({
          where,
          orderBy: [{ timestamp: "desc" }, { id: "desc" }],
          take: query.limit,
          skip: query.offset,
        }),
        deps.db.prisma.auditEvent.count({ where }),
      ]);
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
