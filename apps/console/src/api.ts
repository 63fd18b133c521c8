// The console's one way to the API: the typed @opsdeck/client in session mode
// (the sign-in cookie, same origin, X-CSRF-Token on writes), so every call is a
// public, documented route checked by the contract's types. The CSRF token
// comes from GET /api/v1/platform/session (useSession) and is kept here; on
// first load the API has already put that answer in the page (a <meta> tag),
// so the first data call need not wait for it.
import { type ApiData, createOpsdeckClient, OpsdeckApiError } from "@opsdeck/client";
import { useQuery } from "@tanstack/react-query";

let csrf: string | undefined;

export const api = createOpsdeckClient({
  baseUrl: window.location.origin,
  session: { csrfToken: () => csrf },
});

export type SessionInfo = ApiData<"get", "/api/v1/platform/session">;

/** The session answer the page came with, read once (the tag is removed so it is never reused). */
function embeddedSession(): SessionInfo | undefined {
  const tag = document.querySelector<HTMLMetaElement>('meta[name="opsdeck-session"]');
  if (!tag) return undefined;
  tag.remove();
  try {
    const s = JSON.parse(tag.content) as SessionInfo;
    csrf = s.csrf_token ?? undefined;
    return s;
  } catch {
    return undefined;
  }
}
const embedded = embeddedSession();

/** Who is signed in; an OpsdeckApiError with status 401 means nobody (the sign-in page). */
export function useSession() {
  return useQuery({
    initialData: embedded,
    queryKey: ["session"],
    queryFn: async () => {
      const s = await api.get("/api/v1/platform/session");
      csrf = s.csrf_token ?? undefined;
      return s;
    },
    retry: false,
    staleTime: 60_000,
  });
}

export function isSignedOut(err: unknown): boolean {
  return err instanceof OpsdeckApiError && err.status === 401;
}

/** Whether the signed-in key may make changes of this kind (the server checks again). */
export function can(session: SessionInfo | undefined, permission: string): boolean {
  return session?.permissions.includes(permission as SessionInfo["permissions"][number]) ?? false;
}
