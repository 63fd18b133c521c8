// API key format: odk_live_<32 base62 chars>_<6 base62 chars CRC32 checksum>.
// The checksum lets us reject typos and truncated keys without a database
// round trip, and lets secret scanners recognise our keys. At rest only the
// SHA-256 hash is kept, plus a display prefix and the last 4 characters.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PREFIX = "odk_live_";
const BODY_LENGTH = 32; // ~190 bits of entropy
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = new RegExp(`^${PREFIX}([0-9A-Za-z]{${BODY_LENGTH}})_([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`);
/** Longest string we will even look at as a key, so huge headers cost nothing. */
export const MAX_KEY_LENGTH = 128;

function toBase62(n: number, width: number): string {
  let out = "";
  let v = n;
  for (let i = 0; i < width; i++) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out;
}

function randomBase62(length: number): string {
  // Rejection sampling: bytes >= 248 would bias the first 8 symbols.
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += BASE62[b % 62];
    }
  }
  return out;
}

function checksum(body: string): string {
  return toBase62(crc32(PREFIX + body) >>> 0, CHECKSUM_LENGTH);
}

export interface GeneratedKey {
  raw: string;
  hash: string;
  prefix: string;
  last4: string;
}

export function hashKey(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

export function generateKey(): GeneratedKey {
  const body = randomBase62(BODY_LENGTH);
  const raw = `${PREFIX}${body}_${checksum(body)}`;
  return { raw, hash: hashKey(raw), prefix: raw.slice(0, PREFIX.length + 4), last4: raw.slice(-4) };
}

/** True when `raw` has our shape and a valid checksum. Cheap; no I/O. */
export function isWellFormedKey(raw: string): boolean {
  if (raw.length > MAX_KEY_LENGTH) return false;
  const m = KEY_PATTERN.exec(raw);
  return m !== null && m[2] === checksum(m[1]!);
}

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
