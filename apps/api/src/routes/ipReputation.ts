// Sending-IP reputation and the provider feedback that
// feeds it. The score, thresholds and daily volume are defined in
// packages/db/src/email/reputation.ts; blacklists come from the worker's
// scheduled DNSBL checks (apps/worker/src/email/dnsbl.ts).
import { auditTarget, FeedbackBody, FeedbackResult, IpReputationData } from "@opsdeck/core";
import { ipReputation, recordFeedback } from "@opsdeck/db";
import { z } from "zod";

import { defineRoute } from "../http/route";

export const ipReputationRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/platform/system/infrastructure/ip-reputation",
    operationId: "getIpReputation",
    summary: "Sending IPs: reputation score, DNSBL listings, daily volume, status",
    description:
      "score = 100 − 400·bounce rate − 5000·complaint rate − 100·deferral rate − 15 per DNSBL listing (last 7 days, clamped 0–100). " +
      "status: critical when listed on any DNSBL or score < 50, warning when score < 80, else good. " +
      "daily_volume: messages sent through the IP since 00:00 UTC.",
    tags: ["infrastructure"],
    access: { permission: "infra.read" },
    rateLimit: "read",
    query: z.strictObject({}),
    response: { schema: IpReputationData, description: "Every known sending IP" },
    async handler({ deps }) {
      const rows = await ipReputation(deps.db.pool);
      return {
        ips: rows.map((r) => ({
          ip_address: r.ip_address,
          provider: r.provider,
          reputation_score: r.reputation_score,
          blacklists: r.blacklists,
          daily_volume: r.daily_volume,
          status: r.status,
          last_7_days: { messages: r.attempted, bounced: r.bounced, complaints: r.complaints, deferred: r.deferred },
          dnsbl_checked_at: r.dnsbl_checked_at?.toISOString() ?? null,
        })),
      };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/platform/system/email/feedback",
    operationId: "recordEmailFeedback",
    summary: "Report a bounce or complaint from a provider (idempotent per message and type)",
    tags: ["email"],
    access: { permission: "email.write" },
    rateLimit: "write",
    body: FeedbackBody,
    audit: { action: "email.feedback", target: () => auditTarget.feedback(null, null) },
    response: {
      status: 201,
      schema: FeedbackResult,
      description: "Whether it was recorded and which IP it counts against",
    },
    async handler(ctx) {
      const b = ctx.body;
      ctx.audit.target = auditTarget.feedback(b.message_id ?? null, b.sending_ip ?? null);
      ctx.audit.parameters = { type: b.type };
      const r = await recordFeedback(ctx.deps.db.pool, {
        kind: b.type,
        messageId: b.message_id ?? null,
        sendingIp: b.sending_ip ?? null,
        detail: b.detail ?? null,
        occurredAt: b.occurred_at ? new Date(b.occurred_at) : new Date(),
      });
      return { recorded: r.recorded, message_found: r.messageFound, sending_ip: r.sendingIp };
    },
  }),
];
