// Log searches from this tab one at a time. The API runs at most
// LOG_SEARCH_MAX_CONCURRENT_PER_KEY searches per key (default 1) and answers
// the next with 429 too_many_searches, so the logs page's search, histogram
// and follow poll wait their turn here instead of refusing each other. Another
// tab or tool using the same key can still get a 429: `retrySearch` tries again
// a few times, never later than the API's Retry-After.
import { OpsdeckApiError } from "@opsdeck/client";

let tail: Promise<unknown> = Promise.resolve();

/** Runs `search` after every search queued before it has settled. */
export function queued<T>(search: () => Promise<T>): Promise<T> {
  const run = tail.then(search, search);
  tail = run.catch(() => undefined);
  return run;
}

const isBusy = (err: unknown) => err instanceof OpsdeckApiError && err.status === 429;

/**
 * TanStack Query's `retry` and `retryDelay` for searches: up to 5 more tries on
 * 429 only. A refusal costs the API nothing (it is answered before any SQL), and
 * a slot is usually held by this key's previous search that is just ending (a
 * reload, a changed filter), so the waits start short — 250 ms, doubling — and
 * never exceed the API's Retry-After.
 */
export const retrySearch = {
  retry: (count: number, err: unknown) => count < 5 && isBusy(err),
  retryDelay: (count: number, err: unknown) =>
    Math.min(250 * 2 ** count, ((err instanceof OpsdeckApiError ? err.retryAfter : undefined) ?? 1) * 1000),
};
