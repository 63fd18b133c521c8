// Sign-in sessions, shared by every API process: one string per session at
// `<REDIS_KEY_PREFIX>:session:<handle>` holding its JSON record, expiring with
// the session, so Redis forgets ended sessions by itself. The handle is the
// caller's digest of the session id, never the id: what Redis holds cannot be
// turned back into a cookie.
import type { Redis } from "./client";

export interface SessionRecord {
  /** The API key that signed in. */
  keyId: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; the record expires in Redis at the same moment. */
  expiresAt: number;
}

const sessionKey = (prefix: string, handle: string) => `${prefix}:session:${handle}`;

export async function saveSession(redis: Redis, prefix: string, handle: string, record: SessionRecord): Promise<void> {
  const ttlMs = Math.max(1, record.expiresAt - Date.now());
  await redis.set(sessionKey(prefix, handle), JSON.stringify(record), "PX", ttlMs);
}

/** The record, or null when there is none (never created, ended, expired) or it is not one of ours. */
export async function readSession(redis: Redis, prefix: string, handle: string): Promise<SessionRecord | null> {
  const raw = await redis.get(sessionKey(prefix, handle));
  if (raw === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  const r = v as Partial<SessionRecord> | null;
  if (!r || typeof r.keyId !== "string" || typeof r.createdAt !== "number" || typeof r.expiresAt !== "number") {
    return null;
  }
  return { keyId: r.keyId, createdAt: r.createdAt, expiresAt: r.expiresAt };
}

export async function deleteSession(redis: Redis, prefix: string, handle: string): Promise<void> {
  await redis.del(sessionKey(prefix, handle));
}
