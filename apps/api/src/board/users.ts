// Who is using the board. Sign-in checks a raw key once (shape, checksum,
// SHA-256 hash lookup, constant-time compare, not revoked or expired); after
// that every request re-reads the key by the id its session holds — one
// primary-key read, never cached — so revoking a key, its expiry (a rotated
// key's grace ending) or a changed role takes effect on the very next
// request, on every replica, whichever way the key was changed (API, CLI, SQL).
import {
  effectivePermissions,
  hashesEqual,
  hashKey,
  isWellFormedKey,
  type Logger,
  type Permission,
  type Role,
  UnavailableError,
} from "@opsdeck/core";
import { type ApiKeyRecord, findKeyByHash, getKey, keyIsActive, type PrismaClient, touchLastUsed } from "@opsdeck/db";

export type BoardMode = "full" | "read-only";

export interface BoardUser {
  keyId: string;
  name: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  mode: BoardMode;
  /** The key's own quotas (ops and viewer keys have none unless set on the key), as the REST API counts them. */
  quotas: { minute: number | null; hour: number | null; day: number | null };
}

/**
 * Board access from the key's permissions: `queues.read` to enter; the full
 * board also needs `queues.write` and `jobs.write` (ops; a narrowed ops key
 * gets read-only). Integration keys hold neither, so they are refused.
 */
function toUser(key: ApiKeyRecord): BoardUser | null {
  if (!keyIsActive(key)) return null;
  const role = key.role as Role;
  const permissions = new Set(effectivePermissions(role, key.permissions));
  if (!permissions.has("queues.read")) return null;
  const full = role === "ops" && permissions.has("queues.write") && permissions.has("jobs.write");
  return {
    keyId: key.id,
    name: key.name,
    role,
    permissions,
    mode: full ? "full" : "read-only",
    quotas: { minute: key.quotaMinute, hour: key.quotaHour, day: key.quotaDay },
  };
}

export interface BoardUsers {
  /** The user a raw key signs in as, or null (unknown, malformed, revoked, expired, no board access). */
  signIn(raw: string): Promise<BoardUser | null>;
  /** The user behind a session's key id, or null when the key no longer grants board access. */
  byId(keyId: string): Promise<BoardUser | null>;
}

export function createBoardUsers(prisma: PrismaClient, log: Logger): BoardUsers {
  async function read<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await what();
    } catch (err) {
      log.warn("board key lookup failed", { err });
      throw new UnavailableError("auth_unavailable", "Keys cannot be checked right now (database unreachable).");
    }
  }

  return {
    async signIn(raw) {
      if (!isWellFormedKey(raw)) return null;
      const hash = hashKey(raw);
      const key = await read(() => findKeyByHash(prisma, hash));
      if (!key || !hashesEqual(key.hash, hash)) return null;
      const user = toUser(key);
      if (user) {
        touchLastUsed(prisma, key.id, new Date()).catch((err: unknown) =>
          log.warn("last_used_at update failed", { err }),
        );
      }
      return user;
    },
    async byId(keyId) {
      const key = await read(() => getKey(prisma, keyId));
      return key ? toUser(key) : null;
    },
  };
}
