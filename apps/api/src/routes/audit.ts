// The audit trail: every mutation, newest first, filtered by action, actor
// key, target (exact, prefix, or everything about a queue), outcome and time.
// Ops only (keys.admin).
import { AuditList, AuditQuery, ValidationError } from "@opsdeck/core";
import { decodeAuditCursor, encodeTimeIdCursor, listAuditEvents } from "@opsdeck/db";

import { defineRoute } from "../http/route";

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/platform/system/audit",
    operationId: "listAuditEvents",
    summary: "The audit trail: who changed what, with which parameters and outcome",
    description: [
      "Every call to a mutating route by a valid key, and every change made through Bull Board or the CLI's key commands, newest first.",
      "A call is recorded however it ends: `success`, or `failure` with its error code — refusals included (403 `missing_permission`, or `board_read_only` for a read-only board session).",
      "Calls without a valid key (401) and calls over a rate limit or quota (429) are not recorded.",
      "One target format per kind, whichever way the change came: `queue:<name>` (`queue:*`: every queue, from the board), `job:<queue>/<id>`, `scheduler:<queue>/<id>`, `key:<id>`, `export:<id>`, `integration:<id>`, `alert:<id>`, and `message:<message id>` or `ip:<address>` for email feedback.",
      "`?` stands for what the request never got as far as naming: `job:?/<id>` when the id was in no queue or in several (404, 409 `ambiguous_job_id`) and no `queue` was given, `key:?` for a create that was refused or failed before anything was created.",
      "`parameters` holds what was asked (e.g. `queue` and `reset_attempts` of a job retry, a new key's name and role), never credentials; a call refused before its input was validated has none.",
      "`target` matches exactly, `target_prefix` matches the start (e.g. `job:email-sending/`), and `queue` finds everything about one queue.",
      "Page with `cursor` = the previous page's `next_cursor` (with offset 0); offset is capped.",
    ].join(" "),
    tags: ["audit"],
    access: { permission: "keys.admin" },
    rateLimit: "read",
    query: AuditQuery,
    response: { schema: AuditList, description: "Audit events, newest first and the pagination" },
    async handler({ deps, query }) {
      const before = query.cursor === undefined ? undefined : decodeAuditCursor(query.cursor);
      if (before === null) {
        throw new ValidationError([
          { field: "query.cursor", code: "invalid_cursor", message: "not a cursor issued by this API" },
        ]);
      }
      if (before && query.offset > 0) {
        throw new ValidationError([
          { field: "query.offset", code: "offset_with_cursor", message: "use either cursor or offset" },
        ]);
      }
      const { rows, total, hasMore } = await listAuditEvents(
        deps.db.prisma,
        {
          action: query.action,
          actorKeyId: query.actor_key_id,
          target: query.target,
          targetPrefix: query.target_prefix,
          queue: query.queue,
          outcome: query.outcome,
          from: query.start_time ? new Date(query.start_time) : undefined,
          to: query.end_time ? new Date(query.end_time) : undefined,
        },
        { limit: query.limit, offset: query.offset, before },
      );
      const last = rows.at(-1);
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
        pagination: {
          total,
          limit: query.limit,
          offset: query.offset,
          next_cursor: hasMore && last ? encodeTimeIdCursor(last) : null,
        },
      };
    },
  }),
];
