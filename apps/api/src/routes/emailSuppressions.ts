// The suppression list: read and searched with email.read, changed with
// email.write (audited). Hard bounces and complaints land here on their own
// (packages/db/src/email/suppressions.ts); here an operator adds addresses
// (manual, or soft with an expiry) and removes them.
import {
  AddSuppressionsBody,
  AddSuppressionsResult,
  auditTarget,
  NotFoundError,
  RemovedSuppression,
  SuppressionAddressParams,
  SuppressionList,
  SuppressionListQuery,
  ValidationError,
} from "@opsdeck/core";
import { addSuppressions, listSuppressions, removeSuppression, suppressionKey, type SuppressionRow } from "@opsdeck/db";

import { defineRoute } from "../http/route";
import { EMAIL_SEND_PREFIX } from "./emailSending";

const BASE = `${EMAIL_SEND_PREFIX}/suppressions`;
const TAGS = ["email"];

function view(r: SuppressionRow) {
  return {
    address: r.address,
    reason: r.reason,
    source: r.source,
    detail: r.detail,
    expires_at: r.expires_at?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
  };
}

/** Keyset cursor: the last row's created_at and key, base64url JSON. */
const cursorOf = (r: SuppressionRow) =>
  Buffer.from(JSON.stringify([r.created_at.toISOString(), r.address_key])).toString("base64url");

function parseCursor(c: string): { createdAt: Date; key: string } {
  try {
    const [at, key] = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as [unknown, unknown];
    // Only what cursorOf writes: an ISO time Postgres can read, a key without NUL.
    const iso =
      typeof at === "string" && /^(?!0000)\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at) && !Number.isNaN(Date.parse(at));
    if (iso && typeof key === "string" && key.length <= 400 && !key.includes("\u0000"))
      return { createdAt: new Date(at), key };
  } catch {
    // falls through to the 400
  }
  throw new ValidationError([
    { field: "query.cursor", code: "invalid_cursor", message: "not a cursor from this list" },
  ]);
}

export const emailSuppressionRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listEmailSuppressions",
    summary: "The suppression list, newest first, searched by part of the address and by reason",
    tags: TAGS,
    access: { permission: "email.read" },
    rateLimit: "read",
    query: SuppressionListQuery,
    response: { schema: SuppressionList, description: "A page of suppressed addresses" },
    async handler({ query, deps }) {
      const rows = await listSuppressions(deps.db.pool, {
        q: query.q,
        reason: query.reason,
        includeExpired: query.include_expired,
        after: query.cursor ? parseCursor(query.cursor) : undefined,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        suppressions: page.map(view),
        next_cursor: rows.length > query.limit && last ? cursorOf(last) : null,
      };
    },
  }),
  defineRoute({
    method: "post",
    path: BASE,
    operationId: "addEmailSuppressions",
    summary: "Add addresses to the suppression list (manual, or soft with expires_at)",
    description: "An address already listed is replaced (reason, expiry). Up to 1,000 per request.",
    tags: TAGS,
    access: { permission: "email.write" },
    rateLimit: "write",
    body: AddSuppressionsBody,
    audit: { action: "email.suppression.add", target: () => auditTarget.suppression(null) },
    response: { status: 201, schema: AddSuppressionsResult, description: "The entries as stored" },
    async handler(ctx) {
      const list = ctx.body.addresses;
      ctx.audit.parameters = { count: list.length, reasons: [...new Set(list.map((a) => a.reason))] };
      if (list.length === 1) ctx.audit.target = auditTarget.suppression(suppressionKey(list[0]!.address));
      const rows = await addSuppressions(
        ctx.deps.db.pool,
        list.map((a) => ({
          address: a.address,
          reason: a.reason,
          source: "api" as const,
          detail: a.detail ?? null,
          expiresAt: a.expires_at ? new Date(a.expires_at) : null,
        })),
      );
      return { suppressions: rows.map(view) };
    },
  }),
  defineRoute({
    method: "delete",
    path: `${BASE}/{address}`,
    operationId: "removeEmailSuppression",
    summary: "Take an address off the suppression list (the domain is compared case-insensitively)",
    tags: TAGS,
    access: { permission: "email.write" },
    rateLimit: "write",
    params: SuppressionAddressParams,
    errors: [404],
    audit: {
      action: "email.suppression.remove",
      target: ({ params }) => auditTarget.suppression(params.address ? suppressionKey(params.address) : null),
    },
    response: { schema: RemovedSuppression, description: "Removed" },
    async handler({ params, deps }) {
      if (!(await removeSuppression(deps.db.pool, params.address)))
        throw new NotFoundError("suppression_not_found", "That address is not on the suppression list.");
      return { address: params.address, removed: true as const };
    },
  }),
];
