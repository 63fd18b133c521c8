// Alerts (/console/alerts): open, acknowledged and resolved alerts over the
// chosen hours (state, severity and hours in the URL), acknowledged with one
// click by a key that may, and each linked to what it is about: a queue's
// page, the services on the overview, a sending IP on the email page, the logs.
import type { ApiData } from "@opsdeck/client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";

import { api, can, type SessionInfo } from "../api";
import { Empty, ErrorState, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime, formatRelative } from "../format";
import { HEALTH_MS } from "../poll";
import { useUrlParams } from "../urlParams";

const ALERTS = "/api/v1/platform/system/infrastructure/alerts";
const STATES = ["open", "acknowledged", "resolved"] as const;
type AlertState = (typeof STATES)[number];
type Alert = ApiData<"get", typeof ALERTS>["alerts"][number];

function fetchAlerts(hours: number, severity: string, signal: AbortSignal) {
  return api.get(ALERTS, {
    params: { query: { hours, ...(severity ? { severity: severity as "error" | "warning" | "info" } : {}) } },
    signal,
  });
}

function stateOf(a: Alert): AlertState {
  if (a.resolved_at) return "resolved";
  return a.acknowledged ? "acknowledged" : "open";
}

/** Services the health endpoint reports: their alerts are about a service, not a queue. */
const SERVICES = new Set(["API Server", "Workers", "SMTP Service", "OLTP Database", "Redis"]);

/** Where an alert's subject lives in the console. */
function SubjectLink({ alert }: { alert: Alert }) {
  const s = alert.subject;
  if (alert.rule === "ip_blacklisted") return <Link href={`/email?ip=${encodeURIComponent(s)}`}>IP {s}</Link>;
  if (alert.rule === "dropped_logs") return <Link href="/logs">Logs</Link>;
  if (alert.rule === "random_secret_with_replicas" || alert.rule === "replica_secret_mismatch") return <>Setting {s}</>;
  if (SERVICES.has(s)) return <Link href="/#health-h">Service {s}</Link>;
  return <Link href={`/queues/${encodeURIComponent(s)}`}>Queue {s}</Link>;
}

function Acknowledge({ alert }: { alert: Alert }) {
  const client = useQueryClient();
  const ack = useMutation({
    mutationFn: () => api.post(`${ALERTS}/{id}/acknowledge`, { params: { path: { id: alert.id } } }),
    onSettled: () => client.invalidateQueries({ queryKey: ["alerts"] }),
  });
  return (
    <>
      <button type="button" onClick={() => ack.mutate()} disabled={ack.isPending} aria-busy={ack.isPending}>
        Acknowledge <span className="sr-only">{alert.message}</span>
      </button>
      {ack.error ? <ErrorState error={ack.error} /> : null}
    </>
  );
}

export function Alerts({ session }: { session: SessionInfo }) {
  const [p, set] = useUrlParams(["state", "severity", "hours"] as const);
  const hours = Math.min(168, Math.max(1, Number(p.hours) || 24));
  const alerts = useQuery({
    queryKey: ["alerts", hours, p.severity],
    queryFn: ({ signal }) => fetchAlerts(hours, p.severity, signal),
    refetchInterval: HEALTH_MS,
    placeholderData: keepPreviousData,
  });
  const mayAck = can(session, "alerts.write");
  const shown = (p.state || "open") as AlertState | "all";
  return (
    <>
      <h1>Alerts</h1>
      <div className="toolbar" role="group" aria-label="Alert filters">
        <div>
          <label htmlFor="alerts-state">State</label>
          <select
            id="alerts-state"
            value={shown}
            onChange={(e) => set({ state: e.target.value === "open" ? "" : e.target.value })}
          >
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
            <option value="all">all</option>
          </select>
        </div>
        <div>
          <label htmlFor="alerts-severity">Severity</label>
          <select id="alerts-severity" value={p.severity} onChange={(e) => set({ severity: e.target.value })}>
            <option value="">Any</option>
            <option>error</option>
            <option>warning</option>
            <option>info</option>
          </select>
        </div>
        <div>
          <label htmlFor="alerts-hours">History</label>
          <select
            id="alerts-hours"
            value={String(hours)}
            onChange={(e) => set({ hours: e.target.value === "24" ? "" : e.target.value })}
          >
            <option value="1">1 hour</option>
            <option value="24">24 hours</option>
            <option value="72">3 days</option>
            <option value="168">7 days</option>
          </select>
        </div>
      </div>
      <QueryState what="alerts" query={alerts}>
        {(d) => {
          const counts = Object.fromEntries(STATES.map((s) => [s, d.alerts.filter((a) => stateOf(a) === s).length]));
          const rows = d.alerts.filter((a) => shown === "all" || stateOf(a) === shown);
          return (
            <>
              <p className="muted">
                {counts.open} open · {counts.acknowledged} acknowledged · {counts.resolved} resolved (last {hours} h)
              </p>
              {rows.length === 0 ? (
                <Empty>
                  No {shown === "all" ? "" : `${shown} `}alerts in the last {hours} hours.
                </Empty>
              ) : (
                <div className="table-wrap" tabIndex={0} role="region" aria-label="Alerts">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Severity</th>
                        <th scope="col">Alert</th>
                        <th scope="col">About</th>
                        <th scope="col">Opened</th>
                        <th scope="col">State</th>
                        <th scope="col">
                          <span className="sr-only">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((a) => {
                        const state = stateOf(a);
                        return (
                          <tr key={a.id} data-alert={a.id}>
                            <td>
                              <StatusBadge status={a.severity} />
                            </td>
                            <td className="message">
                              {a.message}
                              <div className="muted">
                                {a.rule} · last seen {formatRelative(a.last_seen_at)}
                              </div>
                            </td>
                            <td>
                              <SubjectLink alert={a} />
                            </td>
                            <td>
                              <time dateTime={a.timestamp} title={formatDateTime(a.timestamp)}>
                                {formatRelative(a.timestamp)}
                              </time>
                            </td>
                            <td>
                              {state}
                              {a.acknowledged_by && (
                                <div className="muted">
                                  by {a.acknowledged_by} {formatRelative(a.acknowledged_at)}
                                </div>
                              )}
                              {a.resolved_at && <div className="muted">resolved {formatRelative(a.resolved_at)}</div>}
                            </td>
                            <td>{mayAck && state === "open" && <Acknowledge alert={a} />}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
