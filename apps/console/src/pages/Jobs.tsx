// Job search (/console/jobs?q=&queue=&state=&from=&to=&cursor=) over the
// Postgres job records: every filter and the page (a cursor from the API) live
// in the URL, so a search can be pasted into an incident channel as it is.
// The API's cursor only goes forward (older activity); "Previous page" is the
// page whose "Next page" led here, remembered in this tab, so it also matches
// the browser's back button. A pasted link to a later page has no previous
// page yet: it offers the newest first page instead.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";

import { api } from "../api";
import { Empty, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatCount, formatRelative } from "../format";
import { LIVE_MS } from "../poll";

const STATES = ["failed", "completed", "active", "waiting", "delayed", "prioritized", "waiting-children"];
const PAGE = 50;
/** The table scrolls sideways on a phone: a focusable, named region, so the keyboard can scroll it too. */
const TABLE_LABEL = "Matching jobs";

/** A datetime-local value (local time, no zone) from an ISO time, and back. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

interface Filters {
  q: string;
  queue: string;
  state: string;
  from: string;
  to: string;
}

/**
 * For each page reached by "Next page" in this tab: the cursor of the page it came from ("" for the first).
 * Keyed by filters and cursor. At most PAGES_KEPT entries (the oldest are dropped), 0.2 KB each.
 */
const cameFrom = new Map<string, string>();
const PAGES_KEPT = 1_000;
const pageKey = (f: Filters, cursor: string) => JSON.stringify([f.q, f.queue, f.state, f.from, f.to, cursor]);

function remember(f: Filters, next: string, from: string): void {
  cameFrom.delete(pageKey(f, next));
  cameFrom.set(pageKey(f, next), from);
  if (cameFrom.size > PAGES_KEPT) cameFrom.delete(cameFrom.keys().next().value!);
}

function linkTo(f: Partial<Filters> & { cursor?: string | null }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  const s = p.toString();
  return `/jobs${s ? `?${s}` : ""}`;
}

export function Jobs() {
  const params = new URLSearchParams(useSearch());
  const [, setLocation] = useLocation();
  const filters: Filters = {
    q: params.get("q") ?? "",
    queue: params.get("queue") ?? "",
    state: params.get("state") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const cursor = params.get("cursor");
  const [draft, setDraft] = useState(filters);
  const queues = useQuery({
    queryKey: ["queues"],
    queryFn: ({ signal }) => api.get("/api/v1/platform/system/queues", { signal }),
  });
  const tooShort = filters.q.length === 1;
  const search = useQuery({
    queryKey: ["jobs", filters, cursor],
    queryFn: ({ signal }) =>
      api.get("/api/v1/platform/system/jobs", {
        params: {
          query: {
            q: filters.q || undefined,
            queue: filters.queue || undefined,
            status: filters.state || undefined,
            start_time: filters.from || undefined,
            end_time: filters.to || undefined,
            limit: PAGE,
            cursor: cursor ?? undefined,
          },
        },
        signal,
      }),
    enabled: !tooShort,
    refetchInterval: LIVE_MS * 2,
    placeholderData: keepPreviousData,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocation(linkTo({ ...draft, cursor: null }));
  };
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  return (
    <>
      <h1>Jobs</h1>
      <form className="toolbar" role="search" onSubmit={submit}>
        <div>
          <label htmlFor="f-q">Id, name or payload text</label>
          <input id="f-q" type="search" value={draft.q} onChange={set("q")} minLength={2} maxLength={200} />
        </div>
        <div>
          <label htmlFor="f-queue">Queue</label>
          <select id="f-queue" value={draft.queue} onChange={set("queue")}>
            <option value="">Any queue</option>
            {queues.data?.queues.map((q) => (
              <option key={q.name} value={q.name}>
                {q.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-state">State</label>
          <select id="f-state" value={draft.state} onChange={set("state")}>
            <option value="">Any state</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from">Updated from</label>
          <input
            id="f-from"
            type="datetime-local"
            value={toLocalInput(draft.from)}
            onChange={(e) => setDraft({ ...draft, from: fromLocalInput(e.target.value) ?? "" })}
          />
        </div>
        <div>
          <label htmlFor="f-to">to</label>
          <input
            id="f-to"
            type="datetime-local"
            value={toLocalInput(draft.to)}
            onChange={(e) => setDraft({ ...draft, to: fromLocalInput(e.target.value) ?? "" })}
          />
        </div>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {tooShort ? (
        <Empty>Type at least two characters to search by text.</Empty>
      ) : (
        <QueryState what="jobs" query={search}>
          {(r) =>
            r.jobs.length === 0 ? (
              <Empty>No job records match{cursor ? " on this page" : ""}.</Empty>
            ) : (
              <>
                <p className="muted" role="status">
                  {r.pagination.total_is_estimate ? "About " : ""}
                  {formatCount(r.pagination.total)} matching job records, newest activity first.
                </p>
                <div className="table-wrap" tabIndex={0} role="region" aria-label={TABLE_LABEL}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Job</th>
                        <th scope="col">Queue</th>
                        <th scope="col">Name</th>
                        <th scope="col">State</th>
                        <th scope="col" className="num">
                          Attempts
                        </th>
                        <th scope="col">Failed reason</th>
                        <th scope="col">Updated</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.jobs.map((j) => (
                        <tr key={`${j.queue}/${j.id}`} data-job={`${j.queue}/${j.id}`}>
                          <th scope="row">
                            <Link href={`/queues/${encodeURIComponent(j.queue)}/jobs/${encodeURIComponent(j.id)}`}>
                              {j.id}
                            </Link>
                          </th>
                          <td>{j.queue}</td>
                          <td>{j.name}</td>
                          <td>
                            <StatusBadge status={j.status} />
                          </td>
                          <td className="num">{formatCount(j.attempts)}</td>
                          <td className="clip">{j.failed_reason ?? ""}</td>
                          <td title={j.updated_at}>{formatRelative(j.updated_at)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {/* While another page loads, the rows (and their next cursor) shown are the previous page's. */}
                {!search.isPlaceholderData && (
                  <Pages filters={filters} cursor={cursor} next={r.pagination.next_cursor} />
                )}
              </>
            )
          }
        </QueryState>
      )}
    </>
  );
}

function Pages({ filters, cursor, next }: { filters: Filters; cursor: string | null; next: string | null }) {
  if (next) remember(filters, next, cursor ?? "");
  const previous = cursor ? cameFrom.get(pageKey(filters, cursor)) : undefined;
  return (
    <nav aria-label="Pages" className="toolbar">
      {previous !== undefined && <Link href={linkTo({ ...filters, cursor: previous || null })}>Previous page</Link>}
      {cursor && previous !== "" && <Link href={linkTo(filters)}>Newest first page</Link>}
      {next && <Link href={linkTo({ ...filters, cursor: next })}>Next page</Link>}
    </nav>
  );
}
