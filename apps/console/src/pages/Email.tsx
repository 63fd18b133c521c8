// Email (/console/email): SMTP integrations with their health, circuit
// state and share of traffic (the worker sends through a weighted random
// choice among enabled integrations whose circuit is closed, and fails over
// to another when a send fails); create, edit, disable and live-test them;
// and the sending IPs' reputation with their DNSBL listings (?ip= picks one).
import type { ApiData } from "@opsdeck/client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, can, type SessionInfo } from "../api";
import { Empty, ErrorState, QueryState } from "../components/States";
import { StatusBadge } from "../components/StatusBadge";
import { formatCount, formatDateTime, formatMs, formatRatio, formatRelative } from "../format";
import { HEALTH_MS } from "../poll";
import { useUrlParams } from "../urlParams";
import { IntegrationForm } from "./IntegrationForm";

const INTEGRATIONS = "/api/v1/platform/system/email/integrations";
const REPUTATION = "/api/v1/platform/system/infrastructure/ip-reputation";
export type Integration = ApiData<"get", typeof INTEGRATIONS>["integrations"][number];

/** Each integration's share of new messages now: weight over the weights that can take traffic. */
function shares(list: Integration[]): Map<string, number> {
  const live = list.filter((i) => i.enabled && i.weight > 0 && i.health.circuit_state === "closed");
  const total = live.reduce((n, i) => n + i.weight, 0);
  return new Map(live.map((i) => [i.id, total ? i.weight / total : 0]));
}

function Actions({ integration, onEdit }: { integration: Integration; onEdit: () => void }) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ["integrations"] });
  const path = { params: { path: { integration_id: integration.id } } };
  const test = useMutation({
    mutationFn: () => api.post(`${INTEGRATIONS}/{integration_id}/test`, path),
    onSettled: done,
  });
  const toggle = useMutation({
    mutationFn: () =>
      integration.enabled
        ? api.post(`${INTEGRATIONS}/{integration_id}/disable`, path)
        : api.patch(`${INTEGRATIONS}/{integration_id}`, { ...path, body: { enabled: true } }),
    onSettled: done,
  });
  return (
    <div className="actions">
      <button type="button" onClick={() => test.mutate()} disabled={test.isPending} aria-busy={test.isPending}>
        {test.isPending ? "Testing…" : "Test"} <span className="sr-only">{integration.name}</span>
      </button>
      <button type="button" onClick={onEdit}>
        Edit <span className="sr-only">{integration.name}</span>
      </button>
      <button
        type="button"
        className={integration.enabled ? "danger" : undefined}
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
      >
        {integration.enabled ? "Disable" : "Enable"} <span className="sr-only">{integration.name}</span>
      </button>
      {test.data && (
        <span role="status" className={test.data.ok ? "ok" : "bad"}>
          {test.data.ok ? `OK in ${formatMs(test.data.latency_ms)}` : `Failed: ${test.data.error ?? "unknown"}`}
          {test.data.smtp_code ? ` (SMTP ${test.data.smtp_code})` : ""}
        </span>
      )}
      {test.error ? <ErrorState error={test.error} /> : null}
      {toggle.error ? <ErrorState error={toggle.error} /> : null}
    </div>
  );
}

function Integrations({ session }: { session: SessionInfo }) {
  const list = useQuery({
    queryKey: ["integrations"],
    queryFn: ({ signal }) => api.get(INTEGRATIONS, { signal }),
    refetchInterval: HEALTH_MS,
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<Integration | "new" | null>(null);
  const mayWrite = can(session, "email.write");
  return (
    <section aria-labelledby="integrations-h">
      <h2 id="integrations-h">Integrations</h2>
      <p className="muted">
        New messages go to a weighted random choice among enabled integrations with a closed circuit; a failed send
        fails over to another. An open circuit takes a trial message after its cool-down.
      </p>
      {mayWrite && editing === null && (
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          Add integration
        </button>
      )}
      {editing !== null && (
        <IntegrationForm
          key={editing === "new" ? "new" : editing.id}
          existing={editing === "new" ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <QueryState what="integrations" query={list}>
        {(d) => {
          if (d.integrations.length === 0) return <Empty>No SMTP integrations configured.</Empty>;
          const share = shares(d.integrations);
          const ordered = [...d.integrations].sort((a, b) => (share.get(b.id) ?? -1) - (share.get(a.id) ?? -1));
          return (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Integrations">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Integration</th>
                    <th scope="col">Health</th>
                    <th scope="col">Circuit</th>
                    <th scope="col" className="num">
                      Share of traffic
                    </th>
                    <th scope="col" className="num">
                      Error rate
                    </th>
                    <th scope="col">Last check</th>
                    <th scope="col">Credentials</th>
                    {mayWrite && (
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {ordered.map((i) => (
                    <tr key={i.id} data-integration={i.id}>
                      <th scope="row">
                        {i.name}
                        <div className="muted">
                          {i.type} · {i.host}:{i.port} · {i.tls_mode} · weight {i.weight}
                        </div>
                      </th>
                      <td>
                        <StatusBadge status={i.health.status} />
                        {i.health.last_error && <div className="muted clip">{i.health.last_error}</div>}
                      </td>
                      <td>
                        {i.health.circuit_state.replace("_", "-")}
                        {i.health.circuit_open_until && (
                          <div className="muted">until {formatDateTime(i.health.circuit_open_until)}</div>
                        )}
                      </td>
                      <td className="num">{share.has(i.id) ? formatRatio(share.get(i.id)) : "—"}</td>
                      <td className="num">
                        {formatRatio(i.health.error_rate)}
                        <div className="muted">{formatCount(i.health.attempts)} attempts</div>
                      </td>
                      <td>
                        {i.health.last_check_at ? (
                          <>
                            {i.health.last_check_ok ? "passed" : "failed"} {formatRelative(i.health.last_check_at)}
                          </>
                        ) : (
                          "never"
                        )}
                      </td>
                      <td>{i.has_credentials ? "set (write-only)" : "none"}</td>
                      {mayWrite && (
                        <td>
                          <Actions integration={i} onEdit={() => setEditing(i)} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}

function Reputation({ ip }: { ip: string }) {
  const rep = useQuery({
    queryKey: ["ip-reputation"],
    queryFn: ({ signal }) => api.get(REPUTATION, { signal }),
    refetchInterval: HEALTH_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="reputation-h">
      <h2 id="reputation-h">Sending IP reputation</h2>
      <QueryState what="IP reputation" query={rep}>
        {(d) => {
          const rows = ip ? d.ips.filter((r) => r.ip_address === ip) : d.ips;
          if (rows.length === 0)
            return <Empty>{ip ? `No sending IP ${ip} is known.` : "No sending IPs known yet."}</Empty>;
          return (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Sending IPs">
              <table>
                <thead>
                  <tr>
                    <th scope="col">IP</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Score
                    </th>
                    <th scope="col">DNSBL listings</th>
                    <th scope="col" className="num">
                      Sent today
                    </th>
                    <th scope="col" className="num">
                      Last 7 days: sent · bounced · complaints · deferred
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.ip_address} data-ip={r.ip_address}>
                      <th scope="row">
                        {r.ip_address}
                        <div className="muted">{r.provider}</div>
                      </th>
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td className="num">{r.reputation_score}</td>
                      <td>
                        {r.blacklists.length ? r.blacklists.join(", ") : "none"}
                        <div className="muted">checked {formatRelative(r.dnsbl_checked_at)}</div>
                      </td>
                      <td className="num">{formatCount(r.daily_volume)}</td>
                      <td className="num">
                        {formatCount(r.last_7_days.messages)} · {formatCount(r.last_7_days.bounced)} ·{" "}
                        {formatCount(r.last_7_days.complaints)} · {formatCount(r.last_7_days.deferred)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}

export function Email({ session }: { session: SessionInfo }) {
  const [p, set] = useUrlParams(["ip"] as const);
  return (
    <>
      <h1>Email</h1>
      <Integrations session={session} />
      {p.ip && (
        <p>
          Showing sending IP <code>{p.ip}</code>.{" "}
          <button type="button" className="link" onClick={() => set({ ip: "" })}>
            Show every IP
          </button>
        </p>
      )}
      <Reputation ip={p.ip} />
    </>
  );
}
