// API key authentication. A key arrives as `Authorization: Bearer`
// or `X-API-Key`; its shape and checksum are checked with no I/O, then its
// SHA-256 hash is looked up (cached briefly, so a hot key costs no query per
// request; revocation through this process clears the cache at once, other
// processes see it within KEY_CACHE_TTL_MS). The stored hash is compared in
// constant time, once per lookup (a cached entry is keyed by that same hash,
// so the answer cannot change while it is cached). `last_used_at` is written
// at most once a minute per key, off the request path.
import {
  AuthenticationError,
  effectivePermissions,
  hashesEqual,
  hashKey,
  isWellFormedKey,
  type Logger,
  MAX_KEY_LENGTH,
  type Permission,
  type Role,
  UnavailableError,
} from "@opsdeck/core";
import { type ApiKeyRecord, findKeyByHash, type PrismaClient, touchLastUsed } from "@opsdeck/db";
import type { Request } from "express";

/** How long a looked-up key (or a miss) is trusted, ms. */
const KEY_CACHE_TTL_MS = 5_000;
/**
 * Age (ms) after which a hit also starts one background re-read, so a hot
 * key's entry is replaced before it expires. Without it, every request in
 * flight when the entry expired missed at once: at 20 concurrent requests
 * the bench saw 20 identical queries and 9 new pool connections every 5 s,
 * with those requests stalled on Postgres.
 */
const KEY_REFRESH_AFTER_MS = 4_000;
const KEY_CACHE_MAX = 10_000;
/** `last_used_at` resolution, ms. */
const LAST_USED_EVERY_MS = 60_000;

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  externalId: string | null;
  quotas: { minute: number | null; hour: number | null; day: number | null };
  createdAt: Date;
  expiresAt: Date | null;
}

export type AuthResult = { ok: true; principal: Principal } | { ok: false; error: AuthenticationError };

/** Reads the presented key from the request; undefined when none was sent. */
export function presentedKey(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === "string" && auth.length > 0) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth.slice(0, MAX_KEY_LENGTH + 16));
    return m ? m[1] : auth.slice(0, MAX_KEY_LENGTH + 1);
  }
  const header = req.headers["x-api-key"];
  if (typeof header === "string" && header.length > 0) return header.trim();
  return undefined;
}

export interface KeyAuthenticator {
  authenticate(req: Request): Promise<AuthResult>;
  /** Forget a key (after revoke/rotate) so this process sees the change at once. */
  invalidate(hash?: string): void;
}

/** Role defaults for the per-key quotas (integration keys 100 / 1,000 / 10,000); other roles: none. */
export interface QuotaDefaults {
  integration: { minute: number; hour: number; day: number };
}

/** The caller a key record stands for: its effective permissions, and its quotas (the role's defaults when unset). */
export function principalOf(key: ApiKeyRecord, defaults: QuotaDefaults): Principal {
  const role = key.role as Role;
  return {
    keyId: key.id,
    name: key.name,
    role,
    permissions: new Set(effectivePermissions(role, key.permissions)),
    externalId: key.externalId,
    quotas: {
      minute: key.quotaMinute ?? (role === "integration" ? defaults.integration.minute : null),
      hour: key.quotaHour ?? (role === "integration" ? defaults.integration.hour : null),
      day: key.quotaDay ?? (role === "integration" ? defaults.integration.day : null),
    },
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
  };
}

export function createKeyAuthenticator(prisma: PrismaClient, log: Logger, defaults: QuotaDefaults): KeyAuthenticator {
  interface CacheEntry {
    /** Null when no key has this hash (or the stored hash did not match it). */
    key: ApiKeyRecord | null;
    principal: Principal | null;
    /** key.expiresAt in epoch ms, so the per-request check allocates no Date. */
    expiresAtMs: number | null;
    at: number;
  }
  const cache = new Map<string, CacheEntry>();
  /** One database read per hash at a time; concurrent misses share it. */
  const inflight = new Map<string, Promise<CacheEntry>>();
  /** Bumped by invalidate(): a read that started before it must not cache what it read. */
  let generation = 0;
  const lastTouched = new Map<string, number>();

  async function read(hash: string): Promise<CacheEntry> {
    let key: ApiKeyRecord | null;
    try {
      key = await findKeyByHash(prisma, hash);
    } catch (err) {
      log.warn("key lookup failed", { err });
      throw new UnavailableError("auth_unavailable", "Keys cannot be checked right now (database unreachable).");
    }
    if (key && !hashesEqual(key.hash, hash)) key = null;
    // The principal (permission set, quotas) is built once per read, not once per request.
    return {
      key,
      principal: key && principalOf(key, defaults),
      expiresAtMs: key?.expiresAt?.getTime() ?? null,
      at: Date.now(),
    };
  }

  function load(hash: string): Promise<CacheEntry> {
    const pending = inflight.get(hash);
    if (pending) return pending;
    const startedIn = generation;
    const p = read(hash)
      .then((entry) => {
        if (startedIn === generation) {
          if (cache.size >= KEY_CACHE_MAX) cache.clear();
          cache.set(hash, entry);
        }
        return entry;
      })
      .finally(() => {
        if (inflight.get(hash) === p) inflight.delete(hash);
      });
    inflight.set(hash, p);
    return p;
  }

  function lookup(hash: string): Promise<CacheEntry> | CacheEntry {
    const hit = cache.get(hash);
    if (hit) {
      const age = Date.now() - hit.at;
      if (age < KEY_CACHE_TTL_MS) {
        // read() has logged a failure; the entry stays good until its TTL.
        if (age >= KEY_REFRESH_AFTER_MS) load(hash).catch(() => undefined);
        return hit;
      }
    }
    return load(hash);
  }

  function touch(id: string, now: number): void {
    if (now - (lastTouched.get(id) ?? 0) < LAST_USED_EVERY_MS) return;
    lastTouched.set(id, now);
    touchLastUsed(prisma, id, new Date(now)).catch((err: unknown) => log.warn("last_used_at update failed", { err }));
  }

  return {
    async authenticate(req) {
      const raw = presentedKey(req);
      if (raw === undefined) {
        return {
          ok: false,
          error: new AuthenticationError(
            "missing_api_key",
            "An API key is required: send Authorization: Bearer <key> or X-API-Key.",
          ),
        };
      }
      if (!isWellFormedKey(raw)) {
        return { ok: false, error: new AuthenticationError("invalid_api_key", "The API key is malformed.") };
      }
      const hash = hashKey(raw);
      const { key, principal, expiresAtMs } = await lookup(hash);
      const now = Date.now();
      if (!key || !principal) {
        return { ok: false, error: new AuthenticationError("invalid_api_key", "The API key is not recognised.") };
      }
      if (key.revokedAt) {
        return { ok: false, error: new AuthenticationError("revoked_api_key", "The API key has been revoked.") };
      }
      if (expiresAtMs !== null && expiresAtMs <= now) {
        return { ok: false, error: new AuthenticationError("expired_api_key", "The API key has expired.") };
      }
      touch(key.id, now);
      return { ok: true, principal };
    },
    invalidate(hash) {
      generation++;
      if (hash) {
        cache.delete(hash);
        inflight.delete(hash);
      } else {
        cache.clear();
        inflight.clear();
      }
    },
  };
}
