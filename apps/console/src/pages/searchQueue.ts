// Log searches from this tab one at a time. The API runs at most
// LOG_SEARCH_MAX_CONCURRENT_PER_KEY searches per key (default 1) and answers
// the next with 429 too_many_searches, so the logs page's search, histogram
// and follow poll wait their turn here instead of refusing each other. Another
// tab or tool using the same key can still get a 429: `retrySearch` waits the
// API's Retry-After and tries again a few times.
import { OpsdeckApiError } from "@opsdeck/client";

let tail: Promise<unknown> = Promise.resolve();

/** Runs `search` after every search queued before it has settled. */
export function queued<T>(search: () => Promise<T>): Promise<T> {
  const run = tail.then(search, search);
  tail = run.catch(() => undefined);
  return run;
}

const isBusy = (err: unknown) => err instanceof OpsdeckApiError && err.status === 429;

/** TanStack Query's `retry` and `retryDelay` for searches: up to 3 more tries on 429 only. */
export const retrySearch = {
  retry: (count: number, err: unknown) => count < 3 && isBusy(err),
  // The API's Retry-After (seconds), at most 5 s here so a long hint does not freeze the page.
  retryDelay: (_count: number, err: unknown) =>
    Math.min(5, (err instanceof OpsdeckApiError ? err.retryAfter : undefined) ?? 1) * 1000,
};
