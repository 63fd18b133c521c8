// A queue (/console/queues/:name): its counts now, charts of finished and
// failed jobs and of latency over 24h / 7d / 30d from the rollups (the range is
// in the URL), pause/resume, and bulk retry / clean / promote — each previewed
// with the API's dry_run (how many jobs it would touch) before the confirmation
// that runs it. Write controls only for a key that holds queues.write; the API
// refuses anyone else anyway.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearch } from "wouter";

import { api, can, type SessionInfo } from "../api";
import { Chart } from "../components/Chart";
import { ActionButton, ActionError, useAction } from "../components/Confirm";
import { QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatCount, formatDuration, formatMs, formatRelative } from "../format";
import { LIVE_MS, ROLLUP_MS } from "../poll";

const RANGES = ["24h", "7d", "30d"] as const;
type Range = (typeof RANGES)[number];
const CLEAN_STATES = ["completed", "failed", "delayed", "wait", "paused", "prioritized"] as const;

function useRange(): Range {
  const r = new URLSearchParams(useSearch()).get("range");
  return (RANGES as readonly string[]).includes(r ?? "") ? (r as Range) : "24h";
}

function Charts({ queue }: { queue: string }) {
  const here = `/queues/${encodeURIComponent(queue)}`;
  const range = useRange();
  const history = useQuery({
    queryKey: ["history", range, queue],
    queryFn: ({ signal }) =>
      api.get("/api/v1/platform/metrics/history", { params: { query: { range, queue } }, signal }),
    refetchInterval: ROLLUP_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">History</h2>
      <nav aria-label="Time range" className="toolbar">
        {RANGES.map((r) => (
          <Link key={r} href={`${here}?range=${r}`} aria-current={r === range ? "page" : undefined}>
            {r}
          </Link>
        ))}
      </nav>
      <QueryState what="history" query={history}>
        {(h) => {
          const times = h.metrics.map((p) => Date.parse(p.timestamp) / 1000);
          return (
            <>
              <Chart
                height={220}
                times={times}
                label={`Jobs finished and failed per ${h.granularity} over ${h.timeRange}`}
                series={[
                  { label: "finished", colorVar: "--chart-1", values: h.metrics.map((p) => p.messages) },
                  { label: "failed", colorVar: "--chart-2", values: h.metrics.map((p) => p.errors) },
                ]}
              />
              <Chart
                height={220}
                times={times}
                label={`p95 wait and processing time per ${h.granularity} over ${h.timeRange}, ms`}
                series={[
                  { label: "p95 wait (ms)", colorVar: "--chart-3", values: h.metrics.map((p) => p.wait_time_ms.p95) },
                  {
                    label: "p95 processing (ms)",
                    colorVar: "--chart-1",
                    values: h.metrics.map((p) => p.processing_time_ms.p95),
                  },
                ]}
              />
              <p className="muted">
                Over {h.timeRange}: {formatCount(h.latency.timed_jobs)} timed jobs, p95 wait{" "}
                {formatMs(h.latency.wait_time_ms.p95)}, p95 processing {formatMs(h.latency.processing_time_ms.p95)}.
              </p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

type Bulk = "retry" | "clean" | "promote";

function BulkActions({ queue }: { queue: string }) {
  const [kind, setKind] = useState<Bulk>("retry");
  const [state, setState] = useState<string>("failed");
  const [limit, setLimit] = useState(1000);
  const [preview, setPreview] = useState<{ matched: number; key: string } | null>(null);
  const key = `${kind}|${state}|${limit}`;
  const path = { params: { path: { queue_name: queue } } };
  const run = (dry_run: boolean) => {
    if (kind === "retry") {
      return api.post("/api/v1/platform/system/queues/{queue_name}/retry", {
        ...path,
        body: { state: state as "failed" | "completed", limit, dry_run, reset_attempts: true },
      });
    }
    if (kind === "clean") {
      return api.post("/api/v1/platform/system/queues/{queue_name}/clean", {
        ...path,
        body: { state: state as (typeof CLEAN_STATES)[number], limit, dry_run, grace_seconds: 0 },
      });
    }
    return api.post("/api/v1/platform/system/queues/{queue_name}/promote", { ...path, body: { limit, dry_run } });
  };
  const dry = useAction(async () => {
    const r = await run(true);
    setPreview({ matched: r.matched, key });
    return r;
  }, []);
  const real = useAction(async () => {
    const r = await run(false);
    setPreview(null);
    return r;
  }, [["queue", queue], ["queues"]]);
  const states = kind === "retry" ? ["failed", "completed"] : kind === "clean" ? [...CLEAN_STATES] : [];
  const verb = kind === "retry" ? "Retry" : kind === "clean" ? "Delete" : "Promote";
  const done = real.data as { retried?: number; deleted?: number; promoted?: number } | undefined;
  return (
    <section aria-labelledby="bulk-h" className="panel">
      <h2 id="bulk-h">Bulk actions</h2>
      <div className="toolbar">
        <div>
          <label htmlFor="bulk-kind">Action</label>
          <select
            id="bulk-kind"
            value={kind}
            onChange={(e) => {
              const k = e.target.value as Bulk;
              setKind(k);
              setState(k === "retry" ? "failed" : "completed");
            }}
          >
            <option value="retry">Retry</option>
            <option value="clean">Clean (delete)</option>
            <option value="promote">Promote delayed</option>
          </select>
        </div>
        {states.length > 0 && (
          <div>
            <label htmlFor="bulk-state">Jobs in state</label>
            <select id="bulk-state" value={state} onChange={(e) => setState(e.target.value)}>
              {states.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="bulk-limit">At most</label>
          <input
            id="bulk-limit"
            type="number"
            min={1}
            max={100000}
            value={limit}
            onChange={(e) => setLimit(Math.max(1, Math.min(100_000, Number(e.target.value) || 1)))}
          />
        </div>
        <ActionButton onClick={() => dry.mutate()} pending={dry.isPending}>
          Preview
        </ActionButton>
      </div>
      <ActionError error={dry.error} />
      {preview && preview.key === key && (
        <div role="status" className="preview">
          <p>
            {verb} would touch <strong>{formatCount(preview.matched)}</strong> job{preview.matched === 1 ? "" : "s"}
            {kind !== "promote" ? ` in state ${state}` : " (delayed)"}.
          </p>
          {preview.matched > 0 && (
            <ActionButton kind="danger" onClick={() => real.mutate()} pending={real.isPending}>
              Confirm: {verb.toLowerCase()} {formatCount(preview.matched)} jobs
            </ActionButton>
          )}
        </div>
      )}
      <ActionError error={real.error} />
      {done && (
        <p role="status">
          Done: {formatCount(done.retried ?? done.deleted ?? done.promoted ?? 0)} jobs{" "}
          {kind === "retry" ? "retried" : kind === "clean" ? "deleted" : "promoted"}.
        </p>
      )}
    </section>
  );
}

export function QueuePage({ name, session }: { name: string; session: SessionInfo }) {
  const detail = useQuery({
    queryKey: ["queue", name],
    queryFn: ({ signal }) =>
      api.get("/api/v1/platform/system/queues/{queue_name}", { params: { path: { queue_name: name } }, signal }),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
  const pause = useAction(
    () =>
      api.post(
        detail.data?.paused
          ? "/api/v1/platform/system/queues/{queue_name}/resume"
          : "/api/v1/platform/system/queues/{queue_name}/pause",
        { params: { path: { queue_name: name } } },
      ),
    [["queue", name], ["queues"]],
  );
  const writer = can(session, "queues.write");
  return (
    <>
      <h1>Queue {name}</h1>
      <p>
        <a href={`/admin/queues/queue/${encodeURIComponent(name)}`}>Open in Bull Board</a>
        {" · "}
        <Link href={`/jobs?queue=${encodeURIComponent(name)}`}>Search its jobs</Link>
      </p>
      <QueryState what="the queue" query={detail}>
        {(q) => (
          <>
            <p>
              <StatusBadge status={q.status} /> {q.paused ? <strong>Paused</strong> : "Running"} ·{" "}
              {formatCount(q.workers)} workers · oldest waiting {formatDuration(q.oldest_waiting_age_seconds)} ·{" "}
              {formatCount(q.stalled_jobs)} stalled
            </p>
            {writer && (
              <p>
                <ActionButton
                  kind={q.paused ? "primary" : "danger"}
                  onClick={() => pause.mutate()}
                  pending={pause.isPending}
                >
                  {q.paused ? "Resume queue" : "Pause queue"}
                </ActionButton>
              </p>
            )}
            <ActionError error={pause.error} />
            <div className="counts" aria-label="Jobs by state">
              {Object.entries(q.counts).map(([state, n]) => (
                <div key={state}>
                  <span className="muted">{state}</span>
                  <strong>{formatCount(n)}</strong>
                </div>
              ))}
            </div>
            {q.schedulers.total > 0 && (
              <p className="muted">
                {formatCount(q.schedulers.total)} job schedulers; next run{" "}
                {formatRelative(q.schedulers.items[0]?.next_run_at)}.
              </p>
            )}
          </>
        )}
      </QueryState>
      <Charts queue={name} />
      {writer && <BulkActions queue={name} />}
    </>
  );
}
