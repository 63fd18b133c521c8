// API key storage. The raw key exists only in the return value of
// createKey/rotateKey; the table holds its SHA-256 hash, a display prefix and
// the last 4 characters.
import { randomUUID } from "node:crypto";

import { generateKey, permissionsOutsideRole, type Role } from "@opsdeck/core";

import type { PrismaClient } from "./generated/prisma/client";
import type { ApiKeyModel } from "./generated/prisma/models";

export type ApiKeyRecord = ApiKeyModel;

export interface NewKey {
  name: string;
  role: Role;
  permissions?: string[];
  expiresAt?: Date | null;
  externalId?: string | null;
  quotaMinute?: number | null;
  quotaHour?: number | null;
  quotaDay?: number | null;
  createdBy?: string | null;
}

export interface CreatedKey {
  key: ApiKeyRecord;
  /** Shown once; never stored. */
  raw: string;
}

export async function createKey(prisma: PrismaClient, input: NewKey): Promise<CreatedKey> {
  const outside = permissionsOutsideRole(input.role, input.permissions ?? []);
  if (outside.length) throw new Error(`role ${input.role} does not grant: ${outside.join(", ")}`);
  const g = generateKey();
  const key = await prisma.apiKey.create({
    data: {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      permissions: input.permissions ?? [],
      hash: g.hash,
      prefix: g.prefix,
      last4: g.last4,
      externalId: input.externalId ?? null,
      quotaMinute: input.quotaMinute ?? null,
      quotaHour: input.quotaHour ?? null,
      quotaDay: input.quotaDay ?? null,
      expiresAt: input.expiresAt ?? null,
      createdBy: input.createdBy ?? null,
    },
  });
  return { key, raw: g.raw };
}

export function findKeyByHash(prisma: PrismaClient, hash: string): Promise<ApiKeyRecord | null> {
  return prisma.apiKey.findUnique({ where: { hash } });
}

export function getKey(prisma: PrismaClient, id: string): Promise<ApiKeyRecord | null> {
  return prisma.apiKey.findUnique({ where: { id } });
}

export function listKeys(prisma: PrismaClient, opts: { includeRevoked?: boolean } = {}): Promise<ApiKeyRecord[]> {
  return prisma.apiKey.findMany({
    where: opts.includeRevoked ? {} : { revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 1000,
  });
}

/** Idempotent: revoking a revoked key keeps its first revocation time. */
export async function revokeKey(prisma: PrismaClient, id: string): Promise<ApiKeyRecord | null> {
  await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return getKey(prisma, id);
}

/** Thrown by rotateKey for a revoked or expired key: rotating it would bring it back to life. */
export class KeyInactiveError extends Error {
  constructor(readonly key: ApiKeyRecord) {
    super(`key ${key.id} is ${key.revokedAt ? "revoked" : "expired"}; only an active key can be rotated`);
    this.name = "KeyInactiveError";
  }
}

/**
 * Issues a new key with the same role, permissions, quotas, external id and
 * expiry; the old key keeps working for `graceSeconds` (never past its own
 * expiry) and then expires. Null when there is no such key; KeyInactiveError
 * when it is revoked or expired (checked by the same statement that shortens
 * its life, so a concurrent revocation cannot slip between).
 */
export async function rotateKey(
  prisma: PrismaClient,
  id: string,
  graceSeconds: number,
  createdBy?: string,
): Promise<{ created: CreatedKey; old: ApiKeyRecord } | null> {
  return prisma.$transaction(async (tx) => {
    const old = await tx.apiKey.findUnique({ where: { id } });
    if (!old) return null;
    const now = new Date();
    const graceEnd = new Date(now.getTime() + graceSeconds * 1000);
    const expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    const shortened = await tx.apiKey.updateMany({
      where: { id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { expiresAt },
    });
    if (shortened.count === 0) throw new KeyInactiveError((await tx.apiKey.findUnique({ where: { id } })) ?? old);
    const updated = await tx.apiKey.findUniqueOrThrow({ where: { id } });
    const g = generateKey();
    const key = await tx.apiKey.create({
      data: {
        id: randomUUID(),
        name: old.name,
        role: old.role,
        permissions: old.permissions,
        hash: g.hash,
        prefix: g.prefix,
        last4: g.last4,
        externalId: old.externalId,
        quotaMinute: old.quotaMinute,
        quotaHour: old.quotaHour,
        quotaDay: old.quotaDay,
        expiresAt: old.expiresAt,
        rotatedFrom: old.id,
        createdBy: createdBy ?? null,
      },
    });
    return { created: { key, raw: g.raw }, old: updated };
  });
}

/** A key is usable when not revoked and not past its expiry. */
export function keyIsActive(key: Pick<ApiKeyRecord, "revokedAt" | "expiresAt">, now = new Date()): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);
}

export async function touchLastUsed(prisma: PrismaClient, id: string, at: Date): Promise<void> {
  await prisma.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
    data: { lastUsedAt: at },
  });
}

export function countActiveOpsKeys(prisma: PrismaClient): Promise<number> {
  return prisma.apiKey.count({
    where: { role: "ops", revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
  });
}
