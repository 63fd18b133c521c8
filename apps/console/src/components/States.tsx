// Every page shows one of these instead of a blank screen: loading, an error
// (the API's message and request id, so it can be quoted), or nothing to show.
import { OpsdeckApiError } from "@opsdeck/client";
import type { ReactNode } from "react";

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const api = error instanceof OpsdeckApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{api ? `Error ${api.status}` : "Error"}:</strong> {message}
      </p>
      {api?.code && <p className="muted">Code: {api.code}</p>}
      {api?.requestId && (
        <p className="muted">
          Request id: <code>{api.requestId}</code>
        </p>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** Loading, error or the content: the one pattern every query-backed block uses. */
export function QueryState<T>({
  what,
  query,
  children,
}: {
  what: string;
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  // Previous data stays on screen while a refetch runs or after a failed one (no flicker).
  if (query.data !== undefined) {
    return (
      <>
        {query.error ? <ErrorState error={query.error} /> : null}
        {children(query.data)}
      </>
    );
  }
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  return <Loading what={what} />;
}
