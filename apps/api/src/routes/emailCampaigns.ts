// Seeing what happened to email sent: a campaign's recipients by the status
// of their latest message (counted from email_messages, by sending IP and
// integration too), message search, and one message's timeline with the
// provider feedback received about it.
import {
  CampaignIdParams,
  CampaignView,
  MessageDetail,
  MessageIdParams,
  MessageList,
  MessageListQuery,
  NotFoundError,
} from "@opsdeck/core";
import { campaignCounts, getCampaign, type MessageRow, messageWithFeedback, searchMessages } from "@opsdeck/db";
import type { z } from "zod";

import { defineRoute } from "../http/route";
import { EMAIL_SEND_PREFIX } from "./emailSending";

const TAGS = ["email"];
const READ = { permission: "email.read" } as const;

type Counts = CampaignView["counts"];
type Route = CampaignView["by_route"][number];
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The statuses counted per sending IP and integration: those of messages handed to a server. */
const ROUTE_STATUSES = ["sent", "deferred", "bounced", "failed", "unconfirmed"] as const;
const isRouteStatus = (s: string): s is (typeof ROUTE_STATUSES)[number] =>
  (ROUTE_STATUSES as readonly string[]).includes(s);

const zeroCounts = (): Counts => ({
  queued: 0,
  sending: 0,
  sent: 0,
  deferred: 0,
  bounced: 0,
  complained: 0,
  suppressed: 0,
  failed: 0,
  unconfirmed: 0,
});

function messageView(m: MessageRow): z.input<typeof MessageDetail> {
  return {
    id: m.id,
    campaign_id: m.campaign_id,
    queue: m.queue,
    job_id: m.job_id,
    recipient: m.recipient,
    message_id: m.message_id,
    status: m.status as MessageDetail["status"],
    attempts: m.attempts,
    integration_id: m.integration_id,
    sending_ip: m.sending_ip,
    smtp_code: m.smtp_code,
    smtp_response: m.smtp_response,
    created_at: m.created_at.toISOString(),
    updated_at: m.updated_at.toISOString(),
    sent_at: iso(m.sent_at),
    timeline: [],
  };
}

export const emailCampaignRoutes = [
  defineRoute({
    method: "get",
    path: `${EMAIL_SEND_PREFIX}/campaigns/{campaign_id}`,
    operationId: "getEmailCampaign",
    summary: "A campaign's recipients by the status of their latest message, by sending IP and integration",
    description:
      "Counted from the message rows the worker writes (nothing is counted on the send path). A recipient retried by retry-failed counts by its newest message. complained: sent and a complaint received since (also counted in sent).",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: CampaignIdParams,
    errors: [404],
    response: { schema: CampaignView, description: "The campaign" },
    async handler({ params, deps }) {
      const c = await getCampaign(deps.db.pool, params.campaign_id);
      if (!c) throw new NotFoundError("campaign_not_found", `No campaign ${params.campaign_id}.`);
      const { rows, startedAt, lastUpdateAt } = await campaignCounts(deps.db.pool, c.id);
      const counts = zeroCounts();
      const routes = new Map<string, Route>();
      let seen = 0;
      for (const r of rows) {
        seen += r.n;
        const status = r.status === "committing" ? "sending" : r.status;
        if (status in counts) counts[status as keyof Counts] += r.n;
        counts.complained += r.complained;
        if (r.sending_ip === null && r.integration_id === null) continue;
        const k = `${r.sending_ip ?? ""}\u0000${r.integration_id ?? ""}`;
        const route = routes.get(k) ?? {
          sending_ip: r.sending_ip,
          integration_id: r.integration_id,
          sent: 0,
          deferred: 0,
          bounced: 0,
          complained: 0,
          failed: 0,
          unconfirmed: 0,
        };
        if (isRouteStatus(status)) route[status] += r.n;
        route.complained += r.complained;
        routes.set(k, route);
      }
      counts.queued = Math.max(0, c.recipient_count - seen);
      const open = counts.queued + counts.sending + counts.deferred;
      return {
        id: c.id,
        kind: c.kind,
        queue: c.queue,
        from: c.sender,
        subject: c.subject,
        recipients: c.recipient_count,
        batches: c.batch_count,
        created_at: c.created_at.toISOString(),
        started_at: iso(startedAt),
        finished_at: open === 0 ? iso(lastUpdateAt) : null,
        counts,
        by_route: [...routes.values()],
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${EMAIL_SEND_PREFIX}/messages`,
    operationId: "listEmailMessages",
    summary: "Search messages by recipient, campaign, status, Message-ID and time, newest first",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    query: MessageListQuery,
    response: { schema: MessageList, description: "A page of messages" },
    async handler({ query, deps }) {
      const rows = await searchMessages(deps.db.pool, {
        recipient: query.recipient,
        campaignId: query.campaign_id,
        status: query.status,
        messageId: query.message_id,
        since: query.since ? new Date(query.since) : undefined,
        until: query.until ? new Date(query.until) : undefined,
        beforeId: query.cursor,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      return {
        messages: page.map((m) => {
          const { timeline: _timeline, ...v } = messageView(m);
          return v;
        }),
        next_cursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${EMAIL_SEND_PREFIX}/messages/{id}`,
    operationId: "getEmailMessage",
    summary: "One message and its timeline: claimed, handed to which server, the SMTP reply, feedback since",
    tags: TAGS,
    access: READ,
    rateLimit: "read",
    params: MessageIdParams,
    errors: [404],
    response: { schema: MessageDetail, description: "The message" },
    async handler({ params, deps }) {
      const found = await messageWithFeedback(deps.db.pool, params.id);
      if (!found) throw new NotFoundError("message_not_found", `No message ${params.id}.`);
      const { message: m, feedback } = found;
      const timeline: MessageDetail["timeline"] = [
        {
          at: m.created_at.toISOString(),
          event: "claimed",
          detail: m.attempts > 1 ? `claimed ${m.attempts} times` : null,
        },
      ];
      if (m.integration_id !== null)
        timeline.push({
          at: null,
          event: "handed_to_server",
          detail: `integration ${m.integration_id}${m.sending_ip ? `, sending IP ${m.sending_ip}` : ""}`,
        });
      if (m.smtp_code !== null)
        timeline.push({
          at: iso(m.sent_at ?? m.updated_at),
          event: "smtp_reply",
          detail: `${m.smtp_code} ${m.smtp_response ?? ""}`.trim(),
        });
      timeline.push({
        at: m.updated_at.toISOString(),
        event: "outcome",
        detail: m.smtp_code === null ? `${m.status}${m.smtp_response ? `: ${m.smtp_response}` : ""}` : m.status,
      });
      for (const f of feedback)
        timeline.push({
          at: f.occurred_at.toISOString(),
          event: "feedback",
          detail: `${f.kind}${f.detail ? `: ${f.detail}` : ""}`,
        });
      return { ...messageView(m), timeline };
    },
  }),
];
