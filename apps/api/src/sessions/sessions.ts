// Server-side sign-in sessions. The browser holds only a random session id,
// signed (HMAC-SHA256, cookie-signature) so a forged value is refused before
// any lookup; the record — which key signed in, until when — lives in Redis
// (@opsdeck/redis sessions) where every API replica reads it, so ending a
// session takes effect everywhere at once. Nothing here knows which surface
// signed in: Bull Board uses it today, and any other browser surface of the
// API can accept the same cookie value and the same CSRF token.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import type { Logger } from "@opsdeck/core";
import { deleteSession, readSession, type Redis, saveSession } from "@opsdeck/redis";
import { sign, unsign } from "cookie-signature";

const VERSION = "v2";
/** 32 random bytes, base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Longest signed value worth unsigning, characters. */
const MAX_COOKIE_LENGTH = 256;

export interface Session {
  id: string;
  keyId: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface Sessions {
  /** A new session for `keyId`, and the cookie value that names it. */
  start(keyId: string): Promise<{ session: Session; cookie: string }>;
  /** The live session a cookie value names; null when it is malformed, forged, ended or expired. */
  find(cookie: string): Promise<Session | null>;
  /** Ends the session for every replica (sign-out, or its key no longer grants access). */
  end(session: Session): Promise<void>;
  /** A token bound to the session, for forms (and headers) a page of another site cannot read. */
  csrfToken(session: Session): string;
  csrfValid(session: Session, token: unknown): boolean;
}

export interface SessionOptions {
  redis: Redis;
  /** REDIS_KEY_PREFIX. */
  prefix: string;
  secret: string;
  ttlSeconds: number;
}

/** SESSION_SECRET, or a random one for this process (logged: cookies stop working on restart). Config refuses < 32 chars. */
export function sessionSecret(configured: string | undefined, log: Logger): string {
  if (configured) return configured;
  log.warn(
    "SESSION_SECRET is not set: using a random one, so sign-in cookies won't survive a restart and aren't accepted by other API replicas",
  );
  return randomBytes(32).toString("base64url");
}

export function createSessions(o: SessionOptions): Sessions {
  // Redis is keyed by a digest of the id, so reading Redis yields no usable cookie.
  const handle = (id: string) => createHash("sha256").update(id).digest("hex");
  const csrf = (id: string) => createHmac("sha256", o.secret).update(`csrf\n${id}`).digest();

  return {
    async start(keyId) {
      const id = randomBytes(32).toString("base64url");
      const now = Date.now();
      const expiresAtMs = now + o.ttlSeconds * 1000;
      await saveSession(o.redis, o.prefix, handle(id), { keyId, createdAt: now, expiresAt: expiresAtMs });
      return {
        session: { id, keyId, expiresAt: Math.floor(expiresAtMs / 1000) },
        cookie: sign(`${VERSION}.${id}`, o.secret),
      };
    },

    async find(cookie) {
      if (cookie.length > MAX_COOKIE_LENGTH) return null;
      const payload = unsign(cookie, o.secret);
      if (payload === false) return null;
      const [version, id, ...rest] = payload.split(".");
      if (version !== VERSION || rest.length || !id || !SESSION_ID.test(id)) return null;
      const record = await readSession(o.redis, o.prefix, handle(id));
      // Redis drops the record at its expiry; the check here holds whatever Redis keeps.
      if (!record || record.expiresAt <= Date.now()) return null;
      return { id, keyId: record.keyId, expiresAt: Math.floor(record.expiresAt / 1000) };
    },

    async end(session) {
      await deleteSession(o.redis, o.prefix, handle(session.id));
    },

    csrfToken: (session) => csrf(session.id).toString("base64url"),

    csrfValid(session, token) {
      if (typeof token !== "string" || token.length > 128) return false;
      const given = Buffer.from(token, "base64url");
      const expected = csrf(session.id);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
