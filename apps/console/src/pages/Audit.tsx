// Audit (/console/audit): who changed what, newest first, filtered by actor
// (a key), action, target (exact or prefix), queue, outcome and time, all in
// the URL; older events are loaded through the API's keyset cursor, so pages
// do not shift while new events arrive. Ops only: the API requires keys.admin.
import type { ApiQuery } from "@opsdeck/client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useMemo, useState } from "react";

import { api } from "../api";
import { Empty, ErrorState, Loading } from "../components/States";
import { formatCount, formatDateTime } from "../format";
import { defined, isoToLocal, localToIso, useUrlParams } from "../urlParams";

const AUDIT = "/api/v1/platform/system/audit";
const KEYS = ["actor", "action", "target", "prefix", "queue", "outcome", "start", "end"] as const;
/** Events per page (the API's maximum is 100). */
const PAGE = 50;
type Params = Record<(typeof KEYS)[number], string>;

function Filters({ params, set }: { params: Params; set: (p: Partial<Params>) => void }) {
  const [draft, setDraft] = useState(params);
  useEffect(() => setDraft(params), [JSON.stringify(params)]);
  // Keys (revoked ones too: their events stay on record) to pick an actor by name.
  const keys = useQuery({
    queryKey: ["keys", true],
    queryFn: ({ signal }) =>
      api.get("/api/v1/platform/keys", { params: { query: { include_revoked: "true" } }, signal }),
  });
  const field = (k: keyof Params) => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set(draft);
  };
  return (
    <form className="toolbar" onSubmit={submit} aria-label="Audit filters">
      <div>
        <label htmlFor="audit-actor">Actor</label>
        <select id="audit-actor" {...field("actor")}>
          <option value="">Anyone</option>
          {keys.data?.keys.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name} ({k.role}
              {k.status === "active" ? "" : `, ${k.status}`})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-action">Action</label>
        <input id="audit-action" size={16} placeholder="queue.pause" {...field("action")} />
      </div>
      <div>
        <label htmlFor="audit-target">Target</label>
        <input id="audit-target" size={22} placeholder="job:email-sending/42" {...field("target")} />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.prefix === "1"}
          onChange={(e) => setDraft({ ...draft, prefix: e.target.checked ? "1" : "" })}
        />{" "}
        Target starts with
      </label>
      <div>
        <label htmlFor="audit-queue">Queue</label>
        <input id="audit-queue" size={14} {...field("queue")} />
      </div>
      <div>
        <label htmlFor="audit-outcome">Outcome</label>
        <select id="audit-outcome" {...field("outcome")}>
          <option value="">Any</option>
          <option>success</option>
          <option>failure</option>
        </select>
      </div>
      <div>
        <label htmlFor="audit-start">From</label>
        <input
          id="audit-start"
          type="datetime-local"
          value={isoToLocal(draft.start)}
          onChange={(e) => setDraft({ ...draft, start: localToIso(e.target.value) })}
        />
      </div>
      <div>
        <label htmlFor="audit-end">To</label>
        <input
          id="audit-end"
          type="datetime-local"
          value={isoToLocal(draft.end)}
          onChange={(e) => setDraft({ ...draft, end: localToIso(e.target.value) })}
        />
      </div>
      <button type="submit" className="primary">
        Filter
      </button>
    </form>
  );
}

export function Audit() {
  const [params, set] = useUrlParams(KEYS);
  const search = JSON.stringify(params);
  const query = useMemo(
    () =>
      defined({
        actor_key_id: params.actor,
        action: params.action,
        target: params.prefix === "1" ? "" : params.target,
        target_prefix: params.prefix === "1" ? params.target : "",
        queue: params.queue,
        outcome: params.outcome as "success" | "failure" | "",
        start_time: params.start,
        end_time: params.end,
      }),
    [search],
  );
  const q = useInfiniteQuery({
    queryKey: ["audit", query],
    queryFn: ({ pageParam, signal }) =>
      api.get(AUDIT, {
        params: {
          query: { ...query, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } as ApiQuery<
            "get",
            typeof AUDIT
          >,
        },
        signal,
      }),
    initialPageParam: "",
    getNextPageParam: (last) => last.pagination.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <>
      <h1>Audit trail</h1>
      <Filters params={params} set={set} />
      {!q.data ? (
        q.error ? (
          <ErrorState error={q.error} retry={() => void q.refetch()} />
        ) : (
          <Loading what="the audit trail" />
        )
      ) : (
        <>
          <p className="muted">{formatCount(q.data.pages[0]!.pagination.total)} events match</p>
          {q.error ? <ErrorState error={q.error} /> : null}
          {events.length === 0 ? (
            <Empty>No audit events match these filters.</Empty>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit events">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Parameters</th>
                    <th scope="col">Request</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.id} data-audit={e.id}>
                      <td>
                        <time dateTime={e.timestamp}>{formatDateTime(e.timestamp)}</time>
                      </td>
                      <td>{e.actor}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td className="clip" title={e.target}>
                        {e.target}
                      </td>
                      <td>
                        {/* The badge classes' colours: success as completed, failure as failed. */}
                        <span className={`badge badge-${e.outcome === "success" ? "completed" : "failed"}`}>
                          {e.outcome}
                        </span>
                        {e.error && <div className="muted">{e.error}</div>}
                      </td>
                      <td>
                        <code className="clip params">{JSON.stringify(e.parameters)}</code>
                      </td>
                      <td className="muted">
                        {e.request_id ?? "—"}
                        {e.ip_address && <div>{e.ip_address}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {q.hasNextPage && (
            <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
              {q.isFetchingNextPage ? "Loading…" : "Load older events"}
            </button>
          )}
        </>
      )}
    </>
  );
}
