// Key administration (keys.admin). The raw key appears only in the create and
// rotate responses.
import { z } from "zod";

import { Permission, Role } from "../permissions";
import { IsoTime, Text } from "./common";

export const ApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  permissions: z.array(z.string()).describe("Effective permissions"),
  narrowed: z.boolean(),
  prefix: z.string(),
  last4: z.string(),
  external_id: z.string().nullable(),
  quotas: z.object({
    per_minute: z.number().nullable(),
    per_hour: z.number().nullable(),
    per_day: z.number().nullable(),
  }),
  status: z.enum(["active", "expired", "revoked"]),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  rotated_from: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreateKeyBody = z.strictObject({
  name: Text.trim().min(1).max(100),
  role: Role,
  permissions: z.array(Permission).max(20).optional().describe("Narrow the role to these permissions"),
  expires_at: IsoTime.optional(),
  external_id: Text.max(128).optional(),
  quota_per_minute: z.number().int().min(1).max(1_000_000).optional(),
  quota_per_hour: z.number().int().min(1).max(10_000_000).optional(),
  quota_per_day: z.number().int().min(1).max(100_000_000).optional(),
});

export const CreatedKeyView = ApiKeyView.extend({
  key: z.string().describe("The raw key. Shown once; store it now."),
});

export const RotateKeyBody = z.strictObject({
  grace_seconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .optional()
    .describe("How long the old key keeps working (default from KEY_ROTATION_GRACE_SECONDS)"),
});

export const KeyIdParams = z.strictObject({ key_id: z.uuid() });
