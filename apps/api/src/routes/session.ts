// GET /api/v1/platform/session: who is signed in. The console reads it to know
// the key's name, role and permissions (it shows no control a key cannot use;
// the server refuses such calls anyway) and the CSRF token its writes carry.
import { SessionView } from "@opsdeck/core";

import type { AppDeps } from "../deps";
import type { Principal } from "../http/auth";
import { defineRoute } from "../http/route";
import { sessionOf } from "../http/sessionAuth";
import type { Session } from "../sessions/sessions";

/** The answer of GET …/session; also embedded in the console's page (console/static.ts). */
export function callerView(deps: AppDeps, principal: Principal, session: Session | undefined): SessionView {
  return {
    key_id: principal.keyId,
    key_name: principal.name,
    role: principal.role,
    permissions: [...principal.permissions],
    via: session ? ("session" as const) : ("key" as const),
    csrf_token: session ? deps.sessions.csrfToken(session) : null,
    expires_at: session
      ? new Date(session.expiresAt * 1000).toISOString()
      : (principal.expiresAt?.toISOString() ?? null),
  };
}

export const sessionRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/platform/session",
    operationId: "getSession",
    summary: "Who is calling: the key, its role and permissions, and a session's CSRF token",
    description: [
      "Answers for an API key or for the browser sign-in session that Bull Board and the console share (the `opsdeck_board` cookie, started by signing in at /admin/queues/login).",
      "A session call to any `/api/v1/platform/*` route acts as the signed-in key, with its permissions, rate limits and quotas; it must come from this host (Origin, Referer or Sec-Fetch-Site), and a write must also carry `X-CSRF-Token` with the `csrf_token` given here (403 `csrf_token_required` otherwise).",
    ].join(" "),
    tags: ["keys"],
    access: { permission: "queues.read" },
    rateLimit: "read",
    response: { schema: SessionView, description: "The caller" },
    handler: ({ principal, req, deps }) => callerView(deps, principal, sessionOf(req)),
  }),
];
