// Secrets at rest: SMTP credentials are sealed with
// AES-256-GCM under a key from config. The envelope names its key id, so keys
// rotate: decrypt with whichever configured key the record names, encrypt with
// the current one. A record also binds its own id as additional authenticated
// data, so a ciphertext copied onto another row does not decrypt.
//
// Envelope: "v1.<key id>.<iv, 12 bytes>.<auth tag, 16 bytes>.<ciphertext>" (base64url parts).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { z } from "zod";

import { AppError } from "./errors";

const KeyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, '_' and '-' (1–32)");

function decodeKey(b64: string): Buffer | null {
  const buf = Buffer.from(b64, "base64");
  return buf.length === 32 && buf.toString("base64").replace(/=+$/, "") === b64.replace(/=+$/, "") ? buf : null;
}

const Base64Key = z.string().refine((v) => decodeKey(v) !== null, "must be 32 bytes, base64-encoded");

/** Env vars of the keyring; spread into an app's env schema. */
export const credentialsEnvShape = {
  /** Current AES-256 key for secrets at rest, base64 (32 bytes: `openssl rand -base64 32`). Unset: storing a secret is refused. */
  CREDENTIALS_ENCRYPTION_KEY: Base64Key.optional(),
  /** Id recorded with everything sealed under the current key. */
  CREDENTIALS_KEY_ID: KeyId.default("k1"),
  /** Earlier keys still needed to read old records while they are re-sealed: "id:base64,id:base64". */
  CREDENTIALS_OLD_KEYS: z
    .string()
    .max(10_000)
    .refine(
      (v) =>
        v.split(",").every((pair) => {
          const [id, key] = pair.trim().split(":", 2);
          return KeyId.safeParse(id).success && key !== undefined && decodeKey(key) !== null;
        }),
      "must be comma-separated id:base64key pairs (32-byte keys)",
    )
    .optional(),
};

export interface Keyring {
  /** Id of the key that seals; null when no key is configured. */
  currentId: string | null;
  keys: ReadonlyMap<string, Buffer>;
}

export function createKeyring(c: {
  CREDENTIALS_ENCRYPTION_KEY?: string | undefined;
  CREDENTIALS_KEY_ID: string;
  CREDENTIALS_OLD_KEYS?: string | undefined;
}): Keyring {
  const keys = new Map<string, Buffer>();
  for (const pair of (c.CREDENTIALS_OLD_KEYS ?? "").split(",").filter((p) => p.trim())) {
    const [id, key] = pair.trim().split(":", 2) as [string, string];
    const buf = decodeKey(key);
    if (buf) keys.set(id, buf);
  }
  const current = c.CREDENTIALS_ENCRYPTION_KEY ? decodeKey(c.CREDENTIALS_ENCRYPTION_KEY) : null;
  if (current) keys.set(c.CREDENTIALS_KEY_ID, current);
  return { currentId: current ? c.CREDENTIALS_KEY_ID : null, keys };
}

/**
 * The additional authenticated data binding an SMTP integration's sealed credentials to its row (the
 * API seals with it; the worker's sending and checks open with it). Changing it makes every stored
 * credential unreadable.
 */
export function credentialsAad(integrationId: string): string {
  return `smtp_integration:${integrationId}`;
}

/** SMTP credentials as sealed in an integration's `credentials` column. */
export interface SmtpCredentials {
  username: string;
  password: string;
}

/**
 * An integration's stored credentials, opened: null when it has none, undefined when they cannot be
 * opened (sealed under a key that is not configured, or altered). Callers report the latter as
 * `credentials_unreadable`, never the reason (it names key ids).
 */
export function openSmtpCredentials(
  ring: Keyring,
  row: { id: string; credentials: string | null },
): SmtpCredentials | null | undefined {
  if (!row.credentials) return null;
  try {
    return JSON.parse(openSecret(ring, row.credentials, credentialsAad(row.id))) as SmtpCredentials;
  } catch {
    return undefined;
  }
}

/** Thrown when a secret must be sealed but no key is configured (HTTP 503). */
export class NoEncryptionKeyError extends AppError {
  constructor() {
    super(
      503,
      "encryption_key_missing",
      "No credentials encryption key is configured (CREDENTIALS_ENCRYPTION_KEY); secrets cannot be stored.",
    );
  }
}

const b64 = (b: Buffer) => b.toString("base64url");

/** Seals `plaintext`, binding `aad` (e.g. the record id). Returns the envelope and the key id used. */
export function sealSecret(ring: Keyring, plaintext: string, aad: string): { envelope: string; keyId: string } {
  const keyId = ring.currentId;
  const key = keyId === null ? undefined : ring.keys.get(keyId);
  if (keyId === null || !key) throw new NoEncryptionKeyError();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { envelope: ["v1", keyId, b64(iv), b64(cipher.getAuthTag()), b64(ct)].join("."), keyId };
}

/** Opens an envelope with the key it names; throws if that key is not configured or the data was altered. */
export function openSecret(ring: Keyring, envelope: string, aad: string): string {
  const [v, keyId, iv, tag, ct] = envelope.split(".");
  if (v !== "v1" || !keyId || iv === undefined || tag === undefined || ct === undefined) {
    throw new Error("unrecognised secret envelope");
  }
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`secret sealed with key '${keyId}', which is not configured`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
