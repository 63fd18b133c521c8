// Secrets every API replica must share (docs/replicas.md). Unset, each API
// process picks a random one: fine for a single process, broken for several.
// The API's heartbeat names the ones it made up, and carries a fingerprint of
// each one set; the worker's alert rules random_secret_with_replicas and
// replica_secret_mismatch fire per setting while more than one replica runs.
import { createHmac } from "node:crypto";

/** Each shared secret and what breaks when replicas disagree on it. */
export const SHARED_SECRETS = {
  SESSION_SECRET: "a sign-in cookie (console, Bull Board) issued by one replica is refused by the others",
  DOWNLOAD_SIGNING_SECRET: "a log export's download link signed by one replica is refused by the others",
} as const;
export type SharedSecret = keyof typeof SHARED_SECRETS;

/** What breaks when replicas disagree on `setting`; a generic sentence for a name this version does not know. */
export function sharedSecretEffect(setting: string): string {
  return (SHARED_SECRETS as Record<string, string>)[setting] ?? "replicas disagree on it";
}

/**
 * Per shared secret that is set, a fingerprint: the first 16 base64url characters (96 bits) of an
 * HMAC-SHA256 under the secret of a fixed text naming the setting. Replicas sharing a secret have the same
 * fingerprint, replicas that differ almost surely not; it tells nothing about the secret (an HMAC is one-way,
 * and the secrets are at least 32 characters, beyond guessing).
 */
export function secretFingerprints(values: { [K in SharedSecret]?: string | undefined }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const setting of Object.keys(SHARED_SECRETS) as SharedSecret[]) {
    const value = values[setting];
    if (value)
      out[setting] = createHmac("sha256", value)
        .update(`opsdeck replica fingerprint of ${setting}`)
        .digest("base64url")
        .slice(0, 16);
  }
  return out;
}
