// Secrets every API replica must share (docs/replicas.md). Unset, each API
// process picks a random one: fine for a single process, broken for several.
// The API's heartbeat names the ones it made up; the worker's alert rule
// random_secret_with_replicas fires for each while more than one replica runs.

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
