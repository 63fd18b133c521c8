// Bull Board session cookies. The cookie carries the key id and
// an expiry (epoch seconds), signed with HMAC-SHA256 (cookie-signature); it
// never carries the raw key. The expiry is inside the signed value and is
// checked here, server-side, whatever the browser does with Max-Age.
import { randomBytes } from "node:crypto";

import type { Logger } from "@opsdeck/core";
import { sign, unsign } from "cookie-signature";

export const BOARD_BASE = "/admin/queues";
export const SESSION_COOKIE = "opsdeck_board";
const VERSION = "v1";
/** Key ids are UUIDs; anything else in a cookie is refused before any lookup. */
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Session {
  keyId: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface SessionCodec {
  encode(s: Session): string;
  /** The session, or null when the value is malformed, tampered with or expired. */
  decode(value: string, nowMs?: number): Session | null;
}

export function createSessionCodec(secret: string): SessionCodec {
  return {
    encode: (s) => sign(`${VERSION}.${s.keyId}.${s.expiresAt}`, secret),
    decode(value, nowMs = Date.now()) {
      if (value.length > 512) return null;
      const payload = unsign(value, secret);
      if (payload === false) return null;
      const [version, keyId, exp, ...rest] = payload.split(".");
      if (version !== VERSION || rest.length || !keyId || !KEY_ID.test(keyId) || !exp || !/^\d{1,12}$/.test(exp))
        return null;
      const expiresAt = Number(exp);
      if (expiresAt * 1000 <= nowMs) return null;
      return { keyId, expiresAt };
    },
  };
}

/** SESSION_SECRET, or a random one for this process (logged: sessions end on restart). Config refuses < 32 chars. */
export function sessionSecret(configured: string | undefined, log: Logger): string {
  if (configured) return configured;
  log.warn(
    "SESSION_SECRET is not set: using a random one, so Bull Board sessions won't survive a restart and aren't shared between API replicas",
  );
  return randomBytes(32).toString("base64url");
}

/** The value of one cookie from a Cookie header, undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 clears the cookie. */
  maxAge: number;
}

/** A Set-Cookie value: HttpOnly, SameSite=Strict, scoped to the board. */
export function sessionCookie(value: string, opts: CookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${BOARD_BASE}`,
    `Max-Age=${opts.maxAge}`,
    "HttpOnly",
    "SameSite=Strict",
  ];
  if (opts.maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}
