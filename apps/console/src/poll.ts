// How often each kind of data is polled, ms. Polling (not SSE) because the API
// runs as several stateless replicas behind proxies: a plain GET works through
// any of them, costs one indexed read, and stops when the tab is hidden
// (TanStack Query pauses refetchInterval in background tabs).
/** Queue counts: they move every second on a busy system. */
export const LIVE_MS = 5_000;
/** Health and alerts: probes and rules run every few seconds to a minute. */
export const HEALTH_MS = 15_000;
/** Rollups: the scheduled tick writes minute buckets once a minute. */
export const ROLLUP_MS = 30_000;
