// The console's page for a signed-in browser names who is signed in — key
// name, role, permissions, the session's CSRF token and when it ends, exactly
// what GET /api/v1/platform/session answers — in a <meta> tag the app reads
// instead of making that call, so its first data call starts at once. No
// script is inlined (the CSP allows none), no secret is added: the token is
// the one the app would fetch, and only a page of this origin can read the
// HTML (no framing, no CORS). Without a live session, or on a navigation the
// browser marks as coming from another site, the page is the plain file and
// the app asks the API as before.
import type { Request } from "express";

import { readCookie, SESSION_COOKIE } from "../board/session";
import type { AppDeps } from "../deps";
import { sessionPrincipal } from "../http/sessionAuth";
import { callerView } from "../routes/session";

const META_NAME = "opsdeck-session";
const HEAD_END = "</head>";

/** HTML attribute text: every character that could end the attribute or start markup, escaped. */
function attr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `index` with the caller's session in it, or `index` itself (the same Buffer) when there is none to give. */
export async function withEmbeddedSession(deps: AppDeps, req: Request, index: Buffer): Promise<Buffer> {
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  // SameSite=Strict keeps the cookie off other sites' navigations already; a browser's own word is kept too.
  const fetchSite = req.headers["sec-fetch-site"];
  if (cookie === undefined || (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none"))
    return index;
  // A store that cannot answer now costs the page nothing: the app asks the API, which says what is wrong.
  const found = await sessionPrincipal(deps, cookie).catch(() => null);
  // The same permission GET …/session needs.
  if (!found || !found.principal.permissions.has("queues.read")) return index;
  // Counted as the call it replaces, against the key's read policy; over it, the app makes that call (and gets the 429).
  const window = await deps.limits.consumePolicy("read", `key:${found.principal.keyId}`);
  if (window && window.limit !== null && window.used > window.limit) return index;
  const view = callerView(deps, found.principal, found.session);
  const html = index.toString("utf8");
  const at = html.indexOf(HEAD_END);
  if (at < 0) return index;
  const meta = `<meta name="${META_NAME}" content="${attr(JSON.stringify(view))}" />`;
  return Buffer.from(html.slice(0, at) + meta + html.slice(at), "utf8");
}
