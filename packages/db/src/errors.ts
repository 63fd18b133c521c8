// What a failed Postgres call means for the code that reacts to it. The one
// place that reads SQLSTATE codes, node-postgres' own connection errors and
// the Prisma client's wrapping of both; callers branch on a named kind.
//
// Prisma (through @prisma/adapter-pg) wraps a server error in
// PrismaClientKnownRequestError with the original SQLSTATE and message in
// meta.driverAdapterError.cause, and turns socket errors into kinds of its
// own; errors raised by the pool itself (no connection handed out in time)
// pass through unwrapped.

export type PgErrorKind =
  /** Postgres cannot be used right now (down, restarting, out of connections, pool exhausted): retry later. */
  | "unavailable"
  /** The statement was cancelled, by statement_timeout or a cancel request. */
  | "timeout"
  /** A regular expression in the statement is not valid. */
  | "invalid_regex"
  /** A unique or primary key constraint refused the row. */
  | "unique_violation"
  /** A row of a partitioned table falls in no partition. */
  | "missing_partition"
  /** Any other data exception or integrity violation: the same input fails again. */
  | "data"
  /** CREATE of a database, schema, table or other object that exists. */
  | "already_exists"
  | "other";

/** node-postgres' errors when no connection can be had or the one in use broke (pg-pool, pg Client). */
const POOL_UNAVAILABLE =
  /^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable)$/;

/** Socket errors on the way to the server. */
const SOCKET_UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/**
 * SQLSTATEs that mean the server cannot serve us now: 57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 cannot connect now (starting up or in recovery), 53300 too many connections; class 08 is
 * "connection exception".
 */
const STATE_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300"]);

/** 42P04 duplicate_database, 42P06 duplicate_schema, 42P07 duplicate_table, 42710 duplicate_object. */
const STATE_ALREADY_EXISTS = new Set(["42P04", "42P06", "42P07", "42710"]);

/** Prisma's adapter kinds for a socket that failed, and its own codes for an unreachable server or pool. */
const PRISMA_UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const PRISMA_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);

interface Failure {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; originalMessage?: unknown } } };
}

/** The SQLSTATE, message and (for Prisma errors) adapter kind behind `err`. */
function unwrap(err: Failure): { code: string; message: string; adapterKind: string } {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  if (str(err.name).startsWith("PrismaClient")) {
    const cause = err.meta?.driverAdapterError?.cause;
    return { code: str(cause?.originalCode), message: str(cause?.originalMessage), adapterKind: str(cause?.kind) };
  }
  return { code: str(err.code), message: str(err.message), adapterKind: "" };
}

export function pgErrorKind(err: unknown): PgErrorKind {
  if (typeof err !== "object" || err === null) return "other";
  const e = err as Failure;
  if (typeof e.message === "string" && POOL_UNAVAILABLE.test(e.message)) return "unavailable";
  if (typeof e.code === "string" && PRISMA_UNAVAILABLE_CODES.has(e.code) && String(e.name).startsWith("PrismaClient"))
    return "unavailable";
  const { code, message, adapterKind } = unwrap(e);
  if (PRISMA_UNAVAILABLE_KINDS.has(adapterKind) || SOCKET_UNAVAILABLE.has(code)) return "unavailable";
  if (STATE_UNAVAILABLE.has(code) || code.startsWith("08")) return "unavailable";
  if (code === "57014") return "timeout";
  // A statement timeout that lands inside the regex engine surfaces as 2201B "invalid regular
  // expression: operation cancelled" (Postgres' REG_CANCEL), not 57014: still a timeout.
  if (code === "2201B") return /operation cancell?ed/i.test(message) ? "timeout" : "invalid_regex";
  if (code === "23505") return "unique_violation";
  // 23514 is also a CHECK constraint's violation; only the partition routing failure says this.
  if (code === "23514" && /no partition of relation/.test(message)) return "missing_partition";
  if (code.startsWith("22") || code.startsWith("23")) return "data";
  if (STATE_ALREADY_EXISTS.has(code)) return "already_exists";
  return "other";
}

/**
 * True for a data exception or integrity violation (SQLSTATE class 22 or 23, whatever its kind):
 * Postgres refused what the statement carried, so sending the same rows again fails again.
 */
export function isDataError(err: unknown): boolean {
  const kind = pgErrorKind(err);
  return kind === "data" || kind === "unique_violation" || kind === "missing_partition" || kind === "invalid_regex";
}
