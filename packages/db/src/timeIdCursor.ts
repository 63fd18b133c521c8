// Opaque keyset cursors over (timestamp, bigint id), newest first: base64url of
// "<ISO time>|<id>". The log search and the audit trail page by them.

/** Largest bigint (the ids of app_logs and audit_events), 2^63 − 1. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function encodeTimeIdCursor(row: { timestamp: Date; id: string | bigint }): string {
  return Buffer.from(`${row.timestamp.toISOString()}|${row.id}`).toString("base64url");
}

/**
 * Returns null when `cursor` is not one this API issued: among others, an id past bigint or a time
 * Postgres cannot hold (year 0000, February 30), which would otherwise fail in the database.
 */
export function decodeTimeIdCursor(cursor: string): { timestamp: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(cursor)) return null;
  const m = /^((\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,19})$/.exec(
    Buffer.from(cursor, "base64url").toString(),
  );
  if (!m || m[2] === "0000" || BigInt(m[3]!) > MAX_BIGINT) return null;
  // Date.parse rolls a day past the month's end over (02-30 is 03-02); Postgres refuses it.
  const ms = Date.parse(m[1]!);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== m[1]) return null;
  return { timestamp: m[1]!, id: m[3]! };
}
