// Logs (/console/logs): the log search with every filter the API has (full
// text or regex, case, level, service, request id, user id, time window),
// all held in the URL; a histogram of matches over the window; result rows
// that expand to show their metadata, paged by the API's cursor; a "follow"
// mode that tails new entries; and exports (start, watch, download).
import { keepPreviousData, useInfiniteQuery, useIsFetching, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useMemo, useState } from "react";

import { api, can, type SessionInfo } from "../api";
import { Chart } from "../components/Chart";
import { Empty, ErrorState, Loading, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatCount, formatDateTime } from "../format";
import { defined, isoToLocal, localToIso, useUrlParams } from "../urlParams";
import { type LogEntry, LogExports, type LogFilters } from "./LogExports";
import { queued, retrySearch } from "./searchQueue";

const LOGS = "/api/v1/platform/system/logs";
const KEYS = [
  "q",
  "regex",
  "ci",
  "level",
  "service",
  "request_id",
  "user_id",
  "range",
  "start",
  "end",
  "follow",
] as const;
const RANGES: Record<string, { label: string; ms: number }> = {
  "15m": { label: "Last 15 minutes", ms: 15 * 60_000 },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "6h": { label: "Last 6 hours", ms: 6 * 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
};
const DEFAULT_RANGE = "1h";
/** Rows per page of results (the API's maximum is 100). */
const PAGE = 50;
/** Follow mode: how often new entries are asked for, ms, and how many tailed rows stay on screen. */
const FOLLOW_MS = 3_000;
const FOLLOW_KEEP = 500;
/** Buckets of the histogram (the API allows up to 200). */
const BUCKETS = 60;

type Params = Record<(typeof KEYS)[number], string>;

/** The API's filters for these URL params; a relative window ends at `anchor` (epoch ms). */
function filtersOf(p: Params, anchor: number): LogFilters {
  const range = RANGES[p.range || DEFAULT_RANGE];
  const custom = p.range === "custom";
  return {
    query: p.q || undefined,
    regex: p.regex === "1",
    case_insensitive: p.ci === "1",
    level: (p.level || undefined) as LogFilters["level"],
    service: p.service || undefined,
    request_id: p.request_id || undefined,
    user_id: p.user_id || undefined,
    start_time: custom ? p.start || undefined : new Date(anchor - (range?.ms ?? 3_600_000)).toISOString(),
    end_time: custom ? p.end || undefined : new Date(anchor).toISOString(),
  };
}

/** The GET form of the filters: flags as "true"/"false", unset ones left out. */
function searchQuery(f: LogFilters) {
  return {
    ...defined({
      query: f.query,
      level: f.level,
      service: f.service,
      request_id: f.request_id,
      user_id: f.user_id,
      start_time: f.start_time,
      end_time: f.end_time,
    }),
    regex: f.regex ? ("true" as const) : ("false" as const),
    case_insensitive: f.case_insensitive ? ("true" as const) : ("false" as const),
  };
}

function SearchForm({ params, set }: { params: Params; set: (p: Partial<Params>) => void }) {
  const [draft, setDraft] = useState(params);
  // The URL is the truth: back/forward or a pasted link resets the form to it.
  useEffect(() => setDraft(params), [JSON.stringify(params)]);
  const field = (k: keyof Params) => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }),
  });
  const flag = (k: keyof Params) => ({
    checked: draft[k] === "1",
    onChange: (e: { target: { checked: boolean } }) => setDraft({ ...draft, [k]: e.target.checked ? "1" : "" }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ ...draft, range: draft.range === DEFAULT_RANGE ? "" : draft.range });
  };
  const custom = draft.range === "custom";
  return (
    <form className="toolbar" onSubmit={submit} aria-label="Log search">
      <div className="grow">
        <label htmlFor="logs-q">{draft.regex === "1" ? "Regular expression (POSIX)" : "Search text"}</label>
        <input
          id="logs-q"
          type="search"
          {...field("q")}
          placeholder={draft.regex === "1" ? "timeout|refused" : 'payment -debug "mailbox full"'}
        />
      </div>
      <label className="check">
        <input type="checkbox" {...flag("regex")} /> Regex
      </label>
      <label className="check">
        <input type="checkbox" {...flag("ci")} disabled={draft.regex !== "1"} /> Ignore case
      </label>
      <div>
        <label htmlFor="logs-level">Level</label>
        <select id="logs-level" {...field("level")}>
          <option value="">Any</option>
          {["error", "warning", "info", "debug"].map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="logs-service">Service</label>
        <input id="logs-service" size={12} {...field("service")} />
      </div>
      <div>
        <label htmlFor="logs-request">Request id</label>
        <input id="logs-request" size={12} {...field("request_id")} />
      </div>
      <div>
        <label htmlFor="logs-user">User id</label>
        <input id="logs-user" size={12} {...field("user_id")} />
      </div>
      <div>
        <label htmlFor="logs-range">Window</label>
        <select
          id="logs-range"
          value={draft.range || DEFAULT_RANGE}
          onChange={(e) => setDraft({ ...draft, range: e.target.value })}
        >
          {Object.entries(RANGES).map(([k, r]) => (
            <option key={k} value={k}>
              {r.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </div>
      {custom && (
        <>
          <div>
            <label htmlFor="logs-start">From</label>
            <input
              id="logs-start"
              type="datetime-local"
              value={isoToLocal(draft.start)}
              onChange={(e) => setDraft({ ...draft, start: localToIso(e.target.value) })}
            />
          </div>
          <div>
            <label htmlFor="logs-end">To</label>
            <input
              id="logs-end"
              type="datetime-local"
              value={isoToLocal(draft.end)}
              onChange={(e) => setDraft({ ...draft, end: localToIso(e.target.value) })}
            />
          </div>
        </>
      )}
      <button type="submit" className="primary">
        Search
      </button>
    </form>
  );
}

function Histogram({ filters }: { filters: LogFilters }) {
  // The result rows come first (they are what people wait for); the histogram is asked for once they are in.
  const client = useQueryClient();
  const resultsBusy = useIsFetching({ queryKey: ["logs", filters] });
  const resultsAsked = client.getQueryState(["logs", filters]) !== undefined;
  const h = useQuery({
    enabled: resultsAsked && resultsBusy === 0,
    queryKey: ["logs-histogram", filters],
    queryFn: ({ signal }) =>
      queued(() =>
        api.get(`${LOGS}/histogram`, { params: { query: { ...searchQuery(filters), buckets: BUCKETS } }, signal }),
      ),
    placeholderData: keepPreviousData,
    ...retrySearch,
  });
  return (
    <section aria-labelledby="hist-h">
      <h2 id="hist-h">Matches over time</h2>
      <QueryState what="the histogram" query={h}>
        {(d) => (
          <>
            <Chart
              height={140}
              times={d.buckets.map((b) => Date.parse(b.start) / 1000)}
              series={[{ label: "matches", colorVar: "--chart-1", values: d.buckets.map((b) => b.count) }]}
              label={`${formatCount(d.total)} matching log entries between ${formatDateTime(d.start_time)} and ${formatDateTime(d.end_time)}, in buckets of ${formatCount(d.bucket_seconds)} seconds`}
            />
            <p className="muted">
              {formatCount(d.total)} matches · buckets of {formatCount(d.bucket_seconds)} s
            </p>
          </>
        )}
      </QueryState>
    </section>
  );
}

function LogRow({ entry }: { entry: LogEntry }) {
  const [open, setOpen] = useState(false);
  const detailsId = `log-${entry.id}`;
  return (
    <>
      <tr data-log={entry.id}>
        <td>
          <button
            type="button"
            className="link"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
            aria-label={`${open ? "Hide" : "Show"} details of the ${entry.level} entry at ${formatDateTime(entry.timestamp)}`}
          >
            {open ? "▾" : "▸"}
          </button>
        </td>
        <td>
          <time dateTime={entry.timestamp}>{formatDateTime(entry.timestamp)}</time>
        </td>
        <td>
          <StatusBadge status={entry.level} />
        </td>
        <td>{entry.service}</td>
        <td className="message">{entry.message}</td>
      </tr>
      {open && (
        <tr id={detailsId} className="details">
          <td />
          <td colSpan={4}>
            <dl className="facts">
              <dt>Id</dt>
              <dd>
                <code>{entry.id}</code>
              </dd>
              <dt>Request id</dt>
              <dd>{entry.request_id ?? "—"}</dd>
              <dt>User id</dt>
              <dd>{entry.user_id ?? "—"}</dd>
            </dl>
            <pre aria-label="Metadata">{JSON.stringify(entry.metadata, null, 2)}</pre>
          </td>
        </tr>
      )}
    </>
  );
}

function LogTable({ rows, label }: { rows: LogEntry[]; label: string }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="logs">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Details</span>
            </th>
            <th scope="col">Time</th>
            <th scope="col">Level</th>
            <th scope="col">Service</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <LogRow key={r.id} entry={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The search's pages, older ones loaded on demand through next_cursor. */
function Results({ filters }: { filters: LogFilters }) {
  const q = useInfiniteQuery({
    queryKey: ["logs", filters],
    queryFn: ({ pageParam, signal }) =>
      queued(() =>
        api.get(LOGS, {
          params: { query: { ...searchQuery(filters), limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    ...retrySearch,
    initialPageParam: "",
    getNextPageParam: (last) => last.pagination.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => q.data?.pages.flatMap((p) => p.logs) ?? [], [q.data]);
  useEffect(() => {
    // For the first-results benchmark: when this navigation first showed a result row.
    if (rows.length > 0 && performance.getEntriesByName("console:first-results").length === 0) {
      performance.mark("console:first-results");
    }
  }, [rows.length]);
  if (!q.data) return q.error ? <ErrorState error={q.error} retry={() => void q.refetch()} /> : <Loading what="logs" />;
  const first = q.data.pages[0]!.pagination;
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">
        Results{" "}
        <span className="muted">
          ({first.total_is_estimate ? "about " : ""}
          {formatCount(first.total)})
        </span>
      </h2>
      {q.error ? <ErrorState error={q.error} /> : null}
      {rows.length === 0 ? (
        <Empty>No log entries match these filters in this window.</Empty>
      ) : (
        <>
          <LogTable rows={rows} label="Matching log entries" />
          {q.hasNextPage && (
            <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
              {q.isFetchingNextPage ? "Loading…" : "Load older entries"}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Follow mode: every FOLLOW_MS, the entries at or after the newest one seen
 * (a since-cursor on start_time; ids already shown are dropped), newest on top.
 */
function Follow({ filters }: { filters: LogFilters }) {
  const [tail, setTail] = useState<LogEntry[]>([]);
  const [since, setSince] = useState(() => new Date().toISOString());
  const live = { ...filters, start_time: since, end_time: undefined };
  const q = useQuery({
    queryKey: ["logs-follow", live],
    queryFn: ({ signal }) =>
      queued(() => api.get(LOGS, { params: { query: { ...searchQuery(live), limit: 100 } }, signal })),
    refetchInterval: FOLLOW_MS,
    ...retrySearch,
  });
  useEffect(() => {
    if (!q.data) return;
    setTail((prev) => {
      const seen = new Set(prev.map((r) => r.id));
      const added = q.data.logs.filter((r) => !seen.has(r.id));
      if (added.length === 0) return prev;
      return [...added, ...prev].slice(0, FOLLOW_KEEP);
    });
    const newest = q.data.logs[0]?.timestamp;
    if (newest && newest > since) setSince(newest);
  }, [q.data]);
  return (
    <section aria-labelledby="follow-h">
      <h2 id="follow-h">
        Following <span className="muted">(new entries every {FOLLOW_MS / 1000} s)</span>
      </h2>
      {q.error ? <ErrorState error={q.error} /> : null}
      <p className="sr-only" aria-live="polite">
        {tail.length} new entries
      </p>
      {tail.length === 0 ? <Empty>Waiting for new entries…</Empty> : <LogTable rows={tail} label="New log entries" />}
    </section>
  );
}

export function Logs({ session }: { session: SessionInfo }) {
  const [params, set] = useUrlParams(KEYS);
  // The filters without the follow switch: turning follow on or off keeps the search and its window.
  const search = JSON.stringify({ ...params, follow: "" });
  // A relative window ends "now" when the filters were applied (or Refresh pressed), so one view is one query.
  // Re-anchored while rendering, not in an effect: an effect runs after the first render, so every page load
  // asked for a second, slightly later window and waited for the first search's slot to free up.
  const [view, setView] = useState(() => ({ search, anchor: Date.now() }));
  if (view.search !== search) setView({ search, anchor: Date.now() });
  const setAnchor = (at: number) => setView({ search, anchor: at });
  const filters = useMemo(() => filtersOf(params, view.anchor), [search, view.anchor]);
  const following = params.follow === "1";
  return (
    <>
      <h1>Logs</h1>
      <SearchForm params={params} set={set} />
      <div className="toolbar">
        <button type="button" onClick={() => setAnchor(Date.now())}>
          Refresh
        </button>
        <label className="check">
          <input type="checkbox" checked={following} onChange={(e) => set({ follow: e.target.checked ? "1" : "" })} />{" "}
          Follow new entries
        </label>
      </div>
      {following && <Follow key={search} filters={filters} />}
      <Histogram filters={filters} />
      <Results filters={filters} />
      {can(session, "logs.export") && <LogExports filters={filters} />}
    </>
  );
}
