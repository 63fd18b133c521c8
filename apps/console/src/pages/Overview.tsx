// Overview (/console/): every queue with the status the API gives it (never
// re-derived here), its counts, oldest waiting age and workers, plus a
// last-hour sparkline of throughput and failure rate from the minute rollups;
// open alerts; and the health of every service. Polled live, keeping the
// previous data on screen while a refetch runs.
import type { ApiData } from "@opsdeck/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";

import { api } from "../api";
import { Chart } from "../components/Chart";
import { Empty, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatCount, formatDuration, formatRatio, formatRelative } from "../format";
import { HEALTH_MS, LIVE_MS, ROLLUP_MS } from "../poll";

const QUEUES = "/api/v1/platform/system/queues";
/** The table scrolls sideways on a phone: a focusable, named region, so the keyboard can scroll it too. */
const TABLE_LABEL = "Queues table";

type QueuesHistory = ApiData<"get", "/api/v1/platform/metrics/history/queues">;

function QueueSparks({ queue, history }: { queue: string; history: QueuesHistory | undefined }) {
  if (!history) return <span className="muted">…</span>;
  const times = history.periods.map((p) => Date.parse(p) / 1000);
  // A queue that finished nothing in the hour is not in the answer: a flat line at zero.
  const zeros = history.periods.map(() => 0);
  const row = history.queues.find((q) => q.queue === queue);
  const messages = row?.messages ?? zeros;
  const errors = row?.errors ?? zeros;
  const finished = messages.reduce((n, m) => n + m, 0);
  const failed = errors.reduce((n, e) => n + e, 0);
  return (
    <div className="sparks">
      <Chart
        spark
        width={120}
        height={28}
        times={times}
        series={[{ label: "finished per minute", colorVar: "--chart-1", values: messages }]}
        label={`${queue}: ${formatCount(finished)} jobs finished in the last hour`}
      />
      <Chart
        spark
        width={120}
        height={28}
        times={times}
        series={[
          {
            label: "failure rate",
            colorVar: "--chart-2",
            values: messages.map((m, i) => (m ? (errors[i] ?? 0) / m : 0)),
          },
        ]}
        label={`${queue}: failure rate ${formatRatio(finished ? failed / finished : 0)} in the last hour`}
      />
    </div>
  );
}

function Queues() {
  const queues = useQuery({
    queryKey: ["queues"],
    queryFn: ({ signal }) => api.get(QUEUES, { signal }),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
  // Every queue's last hour in one call (not one per row).
  const history = useQuery({
    queryKey: ["history", "1h", "queues"],
    queryFn: ({ signal }) =>
      api.get("/api/v1/platform/metrics/history/queues", { params: { query: { range: "1h" } }, signal }),
    refetchInterval: ROLLUP_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="queues-h">
      <h2 id="queues-h">Queues</h2>
      <QueryState what="queues" query={queues}>
        {(d) =>
          d.queues.length === 0 ? (
            <Empty>No queues yet: none in the catalog or under the queue prefix.</Empty>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={TABLE_LABEL}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Waiting
                    </th>
                    <th scope="col" className="num">
                      Active
                    </th>
                    <th scope="col" className="num">
                      Failed
                    </th>
                    <th scope="col" className="num">
                      Delayed
                    </th>
                    <th scope="col" className="num">
                      Oldest waiting
                    </th>
                    <th scope="col" className="num">
                      Workers
                    </th>
                    <th scope="col">Last hour: finished · failure rate</th>
                  </tr>
                </thead>
                <tbody>
                  {d.queues.map((q) => (
                    <tr key={q.name} data-queue={q.name}>
                      <th scope="row">
                        <Link href={`/queues/${encodeURIComponent(q.name)}`}>{q.name}</Link>
                        {q.paused && <span className="tag">paused</span>}
                      </th>
                      <td>
                        <StatusBadge status={q.status} />
                      </td>
                      <td className="num">{formatCount(q.waiting_jobs)}</td>
                      <td className="num">{formatCount(q.active_jobs)}</td>
                      <td className="num">{formatCount(q.failed_jobs)}</td>
                      <td className="num">{formatCount(q.delayed_jobs)}</td>
                      <td className="num">{formatDuration(q.oldest_waiting_age_seconds)}</td>
                      <td className="num">{formatCount(q.workers)}</td>
                      <td>
                        {history.error && !history.data ? (
                          <span className="muted">no history</span>
                        ) : (
                          <QueueSparks queue={q.name} history={history.data} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function Alerts() {
  const alerts = useQuery({
    queryKey: ["alerts", 24],
    queryFn: ({ signal }) =>
      api.get("/api/v1/platform/system/infrastructure/alerts", { params: { query: { hours: 24 } }, signal }),
    refetchInterval: HEALTH_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="alerts-h">
      <h2 id="alerts-h">Open alerts</h2>
      <QueryState what="alerts" query={alerts}>
        {(d) => {
          const open = d.alerts.filter((a) => a.resolved_at === null);
          return open.length === 0 ? (
            <Empty>No open alerts.</Empty>
          ) : (
            <ul className="alerts">
              {open.map((a) => (
                <li key={a.id} className={`alert alert-${a.severity}`}>
                  <StatusBadge status={a.severity} /> <strong>{a.service}</strong>: {a.message}{" "}
                  <span className="muted">
                    since {formatRelative(a.timestamp)}
                    {a.acknowledged ? " · acknowledged" : ""}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

function Health() {
  const health = useQuery({
    queryKey: ["health"],
    queryFn: ({ signal }) => api.get("/api/v1/platform/system/infrastructure/health", { signal }),
    refetchInterval: HEALTH_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="health-h">
      <h2 id="health-h">Infrastructure</h2>
      <QueryState what="health" query={health}>
        {(d) => (
          <>
            <ul className="services">
              {d.services.map((s) => (
                <li key={s.name}>
                  <StatusBadge status={s.status} /> <span>{s.name}</span>
                  {s.reason && <span className="muted"> — {s.reason}</span>}
                </li>
              ))}
            </ul>
            <p className="muted">Checked {formatRelative(d.checked_at)}</p>
          </>
        )}
      </QueryState>
    </section>
  );
}

export function Overview() {
  return (
    <>
      <h1>Overview</h1>
      <Queues />
      <div className="two">
        <Alerts />
        <Health />
      </div>
    </>
  );
}
