// Key administration (keys.admin): list, create, revoke, rotate. The raw key
// appears once, in the create and rotate responses. Every change is audited.
import {
  ApiKeyView,
  CreatedKeyView,
  CreateKeyBody,
  effectivePermissions,
  KeyIdParams,
  NotFoundError,
  QueryFlag,
  type Role,
  RotateKeyBody,
  ValidationError,
} from "@opsdeck/core";
import { type ApiKeyRecord, createKey, getKey, keyIsActive, listKeys, revokeKey, rotateKey } from "@opsdeck/db";
import { z } from "zod";

import { audited } from "../http/audit";
import { defineRoute } from "../http/route";

const BASE = "/api/v1/platform/keys";
const TAGS = ["keys"];
const ACCESS = { permission: "keys.admin" } as const;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function keyView(k: ApiKeyRecord): ApiKeyView {
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
    tags: TAGS,
    access: ACCESS,
    rateLimit: "write",
    body: CreateKeyBody,
    response: { status: 201, schema: CreatedKeyView, description: "The new key" },
    async handler(ctx) {
      const b = ctx.body;
      if (b.expires_at && new Date(b.expires_at) <= new Date()) {
        throw new ValidationError([{ field: "body.expires_at", code: "in_past", message: "must be in the future" }]);
      }
      const params = { name: b.name, role: b.role, permissions: b.permissions ?? [], expires_at: b.expires_at ?? null };
      return audited(ctx, "key.create", `key:${b.name}`, params, async () => {
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
            createdBy: ctx.principal?.keyId ?? null,
          });
          return { ...keyView(key), key: raw };
        } catch (err) {
          if (err instanceof Error && err.message.startsWith("role ")) {
            throw new ValidationError([{ field: "body.permissions", code: "outside_role", message: err.message }]);
          }
          throw err;
        }
      });
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
    response: { schema: ApiKeyView, description: "The revoked key" },
    async handler(ctx) {
      const id = ctx.params.key_id;
      return audited(ctx, "key.revoke", `key:${id}`, {}, async () => {
        const key = await revokeKey(ctx.deps.db.prisma, id);
        if (!key) throw new NotFoundError("key_not_found", `No key ${id}.`);
        ctx.deps.keys.invalidate(key.hash);
        return keyView(key);
      });
    },
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/{key_id}/rotate`,
    operationId: "rotateKey",
    summary: "Issue a replacement key; the old one keeps working for the grace period",
    tags: TAGS,
    access: ACCESS,
    rateLimit: "write",
    params: KeyIdParams,
    body: RotateKeyBody.optional(),
    errors: [404],
    response: {
      status: 201,
      schema: z.object({ key: CreatedKeyView, previous: ApiKeyView }),
      description: "The new key (raw, once) and the old key with its new expiry",
    },
    async handler(ctx) {
      const id = ctx.params.key_id;
      const grace = ctx.body?.grace_seconds ?? ctx.deps.config.KEY_ROTATION_GRACE_SECONDS;
      return audited(ctx, "key.rotate", `key:${id}`, { grace_seconds: grace }, async () => {
        const existing = await getKey(ctx.deps.db.prisma, id);
        const r = existing && (await rotateKey(ctx.deps.db.prisma, id, grace, ctx.principal?.keyId));
        if (!r) throw new NotFoundError("key_not_found", `No active key ${id}.`);
        ctx.deps.keys.invalidate(r.old.hash);
        return { key: { ...keyView(r.created.key), key: r.created.raw }, previous: keyView(r.old) };
      });
    },
  }),
];
