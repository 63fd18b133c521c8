// The sign-in session cookie: it carries a signed session id (sessions/)
// and nothing else — never the key, not even its id. HttpOnly and
// SameSite=Strict. Its path is the whole host because one sign-in serves
// Bull Board, the console (/console) and the console's calls to the API
// (/api/v1/platform/*, http/sessionAuth.ts); the session's end is decided
// server-side, whatever the browser does with Max-Age.
export const BOARD_BASE = "/admin/queues";
export const SESSION_COOKIE = "opsdeck_board";

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

/** A Set-Cookie value: HttpOnly, SameSite=Strict, for every path of this host. */
export function sessionCookie(value: string, opts: CookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${opts.maxAge}`,
    "HttpOnly",
    "SameSite=Strict",
  ];
  if (opts.maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * Clears the cookie as versions before the console set it (Path=/admin/queues):
 * a browser holding both would send that one first to the board. Sent with
 * every sign-in and sign-out, so an upgraded browser ends up with one cookie.
 */
export function legacyCookieCleared(secure: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    `Path=${BOARD_BASE}`,
    "Max-Age=0",
    "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
