// Key administration (keys.admin): list, create, revoke, rotate. The raw key
// appears once, in the create and rotate responses. Every change is audited.
// A key creates or rotates only keys holding no permission it lacks itself,
// so keys.admin alone cannot mint a wider key.
import {
  ApiKeyView,
  AppError,
  auditTarget,
  ConflictError,
  CreatedKeyView,
  CreateKeyBody,
  effectivePermissions,
  KeyIdParams,
  NotFoundError,
  permissionsBeyond,
  QueryFlag,
  type Role,
  RotateKeyBody,
  ValidationError,
} from "@opsdeck/core";
import {
  type ApiKeyRecord,
  createKey,
  getKey,
  KeyInactiveError,
  keyIsActive,
  listKeys,
  revokeKey,
  rotateKey,
} from "@opsdeck/db";
import { z } from "zod";

import type { Principal } from "../http/auth";
import { defineRoute, type RouteAudit } from "../http/route";

const BASE = "/api/v1/platform/keys";
const TAGS = ["keys"];
const ACCESS = { permission: "keys.admin" } as const;

const namedKey: RouteAudit["target"] = ({ params }) => auditTarget.key(params.key_id ?? null);

const iso = (d: Date | null) => d?.toISOString() ?? null;

function keyView(k: ApiKeyRecord): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    role: k.role as Role,
    permissions: effectivePermissions(k.role as Role, k.permissions),
    narrowed: k.permissions.length > 0,
    prefix: k.prefix,
    last4: k.last4,
    external_id: k.externalId,
    quotas: { per_minute: k.quotaMinute, per_hour: k.quotaHour, per_day: k.quotaDay },
    status: k.revokedAt ? "revoked" : keyIsActive(k) ? "active" : "expired",
    created_at: k.createdAt.toISOString(),
    expires_at: iso(k.expiresAt),
    revoked_at: iso(k.revokedAt),
    last_used_at: iso(k.lastUsedAt),
    rotated_from: k.rotatedFrom,
  };
}

/** 403 unless the calling key holds every permission a key of `role` narrowed to `narrowed` would. */
function mustHoldAll(principal: Principal, role: Role, narrowed: readonly string[]): void {
  const missing = permissionsBeyond(principal.permissions, role, narrowed);
  if (missing.length > 0) {
    throw new AppError(
      403,
      "permissions_not_held",
      `This key cannot hand out permissions it does not hold: ${missing.join(", ")}.`,
      { details: { missing_permissions: missing } },
    );
  }
}

export const keyRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listKeys",
    summary: "List API keys (never the keys themselves)",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "read",
    query: z.strictObject({
      include_revoked: QueryFlag.describe("Include revoked keys"),
    }),
    response: { schema: z.object({ keys: z.array(ApiKeyView) }), description: "Keys, newest first" },
    async handler({ deps, query }) {
      const keys = await listKeys(deps.db.prisma, { includeRevoked: query.include_revoked });
      return { keys: keys.map(keyView) };
    },
  }),
  defineRoute({
    method: "post",
    path: BASE,
    operationId: "createKey",
    summary: "Create an API key; the raw key is in this response only",
    description:
      "The new key's permissions (its role's, or the narrowing) must all be held by the calling key: 403 permissions_not_held lists the ones it lacks.",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "write",
    body: CreateKeyBody,
    audit: { action: "key.create", target: () => auditTarget.key(null) },
    response: { status: 201, schema: CreatedKeyView, description: "The new key" },
    async handler(ctx) {
      const b = ctx.body;
      ctx.audit.parameters = {
        name: b.name,
        role: b.role,
        permissions: b.permissions ?? [],
        expires_at: b.expires_at ?? null,
      };
      if (b.expires_at && new Date(b.expires_at) <= new Date()) {
        throw new ValidationError([{ field: "body.expires_at", code: "in_past", message: "must be in the future" }]);
      }
      mustHoldAll(ctx.principal, b.role, b.permissions ?? []);
      try {
        const { key, raw } = await createKey(ctx.deps.db.prisma, {
          name: b.name,
          role: b.role,
          permissions: b.permissions ?? [],
          expiresAt: b.expires_at ? new Date(b.expires_at) : null,
          externalId: b.external_id ?? null,
          quotaMinute: b.quota_per_minute ?? null,
          quotaHour: b.quota_per_hour ?? null,
          quotaDay: b.quota_per_day ?? null,
          createdBy: ctx.principal.keyId,
        });
        ctx.audit.target = auditTarget.key(key.id);
        return { ...keyView(key), key: raw };
      } catch (err) {
        if (err instanceof Error && err.message.startsWith("role ")) {
          throw new ValidationError([{ field: "body.permissions", code: "outside_role", message: err.message }]);
        }
        throw err;
      }
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{key_id}/revoke`,
    operationId: "revokeKey",
    summary: "Revoke a key at once (idempotent)",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "write",
    params: KeyIdParams,
    errors: [404],
    audit: { action: "key.revoke", target: namedKey },
    response: { schema: ApiKeyView, description: "The revoked key" },
    async handler(ctx) {
      const id = ctx.params.key_id;
      const key = await revokeKey(ctx.deps.db.prisma, id);
      if (!key) throw new NotFoundError("key_not_found", `No key ${id}.`);
      ctx.deps.keys.invalidate(key.hash);
      return keyView(key);
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{key_id}/rotate`,
    operationId: "rotateKey",
    summary: "Issue a replacement key; the old one keeps working for the grace period",
    description:
      "The replacement has the old key's role, permissions, quotas, external id and expiry. Only an active key can be rotated (409 key_inactive for a revoked or expired one), and only by a key holding every permission it has (403 permissions_not_held).",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "write",
    params: KeyIdParams,
    body: RotateKeyBody.optional(),
    errors: [404, 409],
    audit: { action: "key.rotate", target: namedKey },
    response: {
      status: 201,
      schema: z.object({ key: CreatedKeyView, previous: ApiKeyView }),
      description: "The new key (raw, once) and the old key with its new expiry",
    },
    async handler(ctx) {
      const id = ctx.params.key_id;
      const grace = ctx.body?.grace_seconds ?? ctx.deps.config.KEY_ROTATION_GRACE_SECONDS;
      ctx.audit.parameters = { grace_seconds: grace };
      const existing = await getKey(ctx.deps.db.prisma, id);
      if (!existing) throw new NotFoundError("key_not_found", `No key ${id}.`);
      // Role and narrowing never change after creation, so checking them before the rotation holds.
      mustHoldAll(ctx.principal, existing.role as Role, existing.permissions);
      const r = await rotateKey(ctx.deps.db.prisma, id, grace, ctx.principal.keyId).catch((err: unknown) => {
        if (err instanceof KeyInactiveError) {
          throw new ConflictError("key_inactive", `Key ${id} is revoked or expired; create a new key instead.`);
        }
        throw err;
      });
      if (!r) throw new NotFoundError("key_not_found", `No key ${id}.`);
      ctx.audit.parameters = { grace_seconds: grace, new_key_id: r.created.key.id };
      ctx.deps.keys.invalidate(r.old.hash);
      return { key: { ...keyView(r.created.key), key: r.created.raw }, previous: keyView(r.old) };
    },
  }),
];
