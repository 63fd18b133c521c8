// Roles and the permissions they grant. A key may be narrowed to a
// subset of its role's permissions, never widened.
import { z } from "zod";

export const PERMISSIONS = [
  "queues.read",
  "queues.write",
  "jobs.write",
  "logs.read",
  "logs.write",
  "logs.export",
  "infra.read",
  "alerts.write",
  "email.write",
  /** Sending email through the API: messages, campaigns, retry-failed. */
  "email.send",
  /** Reading campaigns, messages and the suppression list. */
  "email.read",
  "keys.admin",
  /** The integration surface (/api/integration/*, /status). */
  "integration.read",
] as const;

export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

export const ROLES = ["ops", "viewer", "integration"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * What each role grants. ops: everything; viewer: every read; integration: its own surface (a partner's
 * read-only view, so not email.send: a service that sends gets an ops key narrowed to what it needs,
 * e.g. ["email.send", "email.read"]).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ops: PERMISSIONS,
  viewer: ["queues.read", "logs.read", "infra.read", "integration.read", "email.read"],
  integration: ["integration.read"],
};

/** The permissions a key actually holds: its role's, intersected with its narrowing (if any). */
export function effectivePermissions(role: Role, narrowed: readonly string[]): Permission[] {
  const granted = ROLE_PERMISSIONS[role];
  if (narrowed.length === 0) return [...granted];
  return granted.filter((p) => narrowed.includes(p));
}

/** Narrowing must stay within the role: returns the permissions that the role does not grant. */
export function permissionsOutsideRole(role: Role, narrowed: readonly string[]): string[] {
  const granted: readonly string[] = ROLE_PERMISSIONS[role];
  return narrowed.filter((p) => !granted.includes(p));
}

/**
 * What a key of `role` narrowed to `narrowed` would hold that `held` (the permissions of the key
 * creating or rotating it) does not: a key can hand out only what it holds itself.
 */
export function permissionsBeyond(
  held: ReadonlySet<Permission>,
  role: Role,
  narrowed: readonly string[],
): Permission[] {
  return effectivePermissions(role, narrowed).filter((p) => !held.has(p));
}
