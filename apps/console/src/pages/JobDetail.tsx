// One job (/console/queues/:queue/jobs/:id): its data, options, progress,
// return value, the stack trace of every failed attempt, its logs and the
// history timeline from Postgres; retry and delete for a key with jobs.write,
// with the API's answer shown as it is (a 409 says why the job cannot be
// retried or deleted now).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";

import { api, can, type SessionInfo } from "../api";
import { ActionButton, ActionError, useAction } from "../components/Confirm";
import { Empty, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatCount, formatDateTime, formatRelative } from "../format";
import { LIVE_MS } from "../poll";

const json = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v, null, 2));

export function JobDetail({ queue, id, session }: { queue: string; id: string; session: SessionInfo }) {
  const [, setLocation] = useLocation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const params = { path: { job_id: id }, query: { queue } };
  const job = useQuery({
    queryKey: ["job", queue, id],
    queryFn: ({ signal }) => api.get("/api/v1/platform/system/jobs/{job_id}", { params, signal }),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
  const retry = useAction(
    () => api.post("/api/v1/platform/system/jobs/{job_id}/retry", { params, body: { reset_attempts: true } }),
    [["job", queue, id], ["jobs"]],
  );
  const remove = useAction(async () => {
    const r = await api.delete("/api/v1/platform/system/jobs/{job_id}", { params });
    setLocation(`/jobs?queue=${encodeURIComponent(queue)}`);
    return r;
  }, [["jobs"], ["queues"]]);
  const writer = can(session, "jobs.write");

  return (
    <>
      <p>
        <Link href={`/queues/${encodeURIComponent(queue)}`}>← Queue {queue}</Link>
      </p>
      <h1>
        Job {id} <span className="muted">in {queue}</span>
      </h1>
      <QueryState what="the job" query={job}>
        {(j) => (
          <>
            <dl className="facts">
              <dt>Name</dt>
              <dd>{j.name}</dd>
              <dt>State</dt>
              <dd>
                <StatusBadge status={j.status} />
                {j.locked ? " (locked by a worker)" : ""}
              </dd>
              <dt>Attempts</dt>
              <dd>
                {formatCount(j.attempts_made)} of {formatCount(j.max_attempts)}
              </dd>
              <dt>Created</dt>
              <dd title={j.created_at}>
                {formatDateTime(j.created_at)} ({formatRelative(j.created_at)})
              </dd>
              <dt>Processed</dt>
              <dd>{formatDateTime(j.processed_at)}</dd>
              <dt>Finished</dt>
              <dd>{formatDateTime(j.finished_at)}</dd>
              <dt>Progress</dt>
              <dd>{json(j.progress)}</dd>
            </dl>
            {writer && (
              <div className="toolbar">
                <ActionButton kind="primary" onClick={() => retry.mutate()} pending={retry.isPending}>
                  Retry job
                </ActionButton>
                {confirmDelete ? (
                  <>
                    <ActionButton kind="danger" onClick={() => remove.mutate()} pending={remove.isPending}>
                      Confirm delete
                    </ActionButton>
                    <button type="button" onClick={() => setConfirmDelete(false)}>
                      Cancel
                    </button>
                  </>
                ) : (
                  <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
                    Delete job…
                  </button>
                )}
              </div>
            )}
            <ActionError error={retry.error} />
            <ActionError error={remove.error} />
            {retry.isSuccess && <p role="status">Retried: the job is queued again.</p>}
            {j.error && (
              <div className="state state-error">
                <p>
                  <strong>Error:</strong> {j.error.message}
                </p>
              </div>
            )}
            <h2>Data{j.data_truncated ? " (truncated)" : ""}</h2>
            <pre tabIndex={0}>{json(j.data)}</pre>
            <h2>Options</h2>
            <pre tabIndex={0}>{json(j.options)}</pre>
            <h2>Return value</h2>
            <pre tabIndex={0}>{json(j.return_value)}</pre>
            <h2>Stack traces</h2>
            {j.stacktrace.length === 0 ? (
              <Empty>No failed attempt.</Empty>
            ) : (
              j.stacktrace.map((s, i) => (
                <details key={i} open={i === j.stacktrace.length - 1}>
                  <summary>Failed attempt {i + 1}</summary>
                  <pre tabIndex={0}>{s}</pre>
                </details>
              ))
            )}
            <h2>Logs ({formatCount(j.logs.count)})</h2>
            {j.logs.lines.length === 0 ? (
              <Empty>No log lines.</Empty>
            ) : (
              <pre tabIndex={0}>{j.logs.lines.join("\n")}</pre>
            )}
            <h2>History</h2>
            {j.history.events.length === 0 ? (
              <Empty>No recorded events.</Empty>
            ) : (
              <ol className="timeline">
                {j.history.events.map((e, i) => (
                  <li key={i}>
                    <span title={e.at}>{formatDateTime(e.at)}</span> · attempt {e.attempt} · <strong>{e.event}</strong>
                    {e.detail ? <span className="muted"> — {e.detail}</span> : null}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
