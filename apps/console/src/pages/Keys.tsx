// Keys (/console/keys, ops only: the nav shows it to keys.admin holders and
// the API refuses anyone else): every key (revoked ones with ?revoked=1),
// create one, rotate, revoke. A new or rotated key's secret is in the API's
// answer only, so it is shown once here with a copy button and never again.
import type { ApiData } from "@opsdeck/client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

import { api, can, type SessionInfo } from "../api";
import { Empty, ErrorState, QueryState } from "../components/States";
import { formatDateTime, formatRelative } from "../format";
import { localToIso, useUrlParams } from "../urlParams";

const KEYS = "/api/v1/platform/keys";
type Key = ApiData<"get", typeof KEYS>["keys"][number];
const ROLES = ["viewer", "ops", "integration"] as const;

/** The raw key, once: select-all text plus a copy button (the clipboard may be refused; the text stays). */
function ShownOnce({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied("yes"),
      () => setCopied("no"),
    );
  return (
    <div className="panel" role="region" aria-labelledby="new-key-h">
      <h2 id="new-key-h">New key for {name}</h2>
      <p>
        <strong>Copy it now: it is shown only once.</strong> Opsdeck keeps only its hash.
      </p>
      <p>
        <code className="secret" data-secret>
          {secret}
        </code>
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy key
        </button>
        <button type="button" onClick={onClose}>
          I have stored it
        </button>
        <span role="status">
          {copied === "yes" ? "Copied." : copied === "no" ? "The browser refused the clipboard: select the key." : ""}
        </span>
      </div>
    </div>
  );
}

function CreateKey({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("viewer");
  const [expires, setExpires] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api.post(KEYS, {
        body: { name: name.trim(), role, ...(expires ? { expires_at: localToIso(expires) } : {}) },
      }),
    onSuccess: (k) => {
      onCreated(k.name, k.key);
      setName("");
      setExpires("");
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["keys"] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="toolbar" onSubmit={submit} aria-label="Create a key">
      <div>
        <label htmlFor="key-name">Name</label>
        <input id="key-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div>
        <label htmlFor="key-role">Role</label>
        <select id="key-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="key-expires">Expires (optional)</label>
        <input id="key-expires" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>
        Create key
      </button>
      {create.error ? <ErrorState error={create.error} /> : null}
    </form>
  );
}

/** Rotate or revoke, each asking once more in place before it acts. */
function KeyActions({ k, onRotated }: { k: Key; onRotated: (name: string, secret: string) => void }) {
  const client = useQueryClient();
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  const path = { params: { path: { key_id: k.id } } };
  const act = useMutation({
    mutationFn: async (what: "rotate" | "revoke") => {
      if (what === "revoke") return void (await api.post(`${KEYS}/{key_id}/revoke`, path));
      const r = await api.post(`${KEYS}/{key_id}/rotate`, path);
      onRotated(r.key.name, r.key.key);
    },
    onSettled: () => {
      setConfirm(null);
      return client.invalidateQueries({ queryKey: ["keys"] });
    },
  });
  if (k.status !== "active") return null;
  return (
    <div className="actions">
      {confirm === null ? (
        <>
          <button type="button" onClick={() => setConfirm("rotate")}>
            Rotate <span className="sr-only">{k.name}</span>
          </button>
          <button type="button" className="danger" onClick={() => setConfirm("revoke")}>
            Revoke <span className="sr-only">{k.name}</span>
          </button>
        </>
      ) : (
        <>
          <span>
            {confirm === "revoke"
              ? `Revoke ${k.name}? It stops working at once.`
              : `Rotate ${k.name}? The old key keeps working for the grace period.`}
          </span>
          <button
            type="button"
            className={confirm === "revoke" ? "danger" : "primary"}
            onClick={() => act.mutate(confirm)}
            disabled={act.isPending}
          >
            {confirm === "revoke" ? "Confirm revoke" : "Confirm rotate"}
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </>
      )}
      {act.error ? <ErrorState error={act.error} /> : null}
    </div>
  );
}

export function Keys({ session }: { session: SessionInfo }) {
  // Without keys.admin the list below shows the API's refusal, and no control is offered.
  const admin = can(session, "keys.admin");
  const [p, set] = useUrlParams(["revoked"] as const);
  const withRevoked = p.revoked === "1";
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const keys = useQuery({
    queryKey: ["keys", withRevoked],
    queryFn: ({ signal }) =>
      api.get(KEYS, { params: { query: { include_revoked: withRevoked ? "true" : "false" } }, signal }),
    placeholderData: keepPreviousData,
  });
  const reveal = (name: string, secret: string) => setShown({ name, secret });
  return (
    <>
      <h1>API keys</h1>
      {shown && <ShownOnce name={shown.name} secret={shown.secret} onClose={() => setShown(null)} />}
      {admin && <CreateKey onCreated={reveal} />}
      <label className="check">
        <input type="checkbox" checked={withRevoked} onChange={(e) => set({ revoked: e.target.checked ? "1" : "" })} />{" "}
        Show revoked keys
      </label>
      <QueryState what="keys" query={keys}>
        {(d) =>
          d.keys.length === 0 ? (
            <Empty>No keys.</Empty>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="API keys">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.keys.map((k) => (
                    <tr key={k.id} data-key={k.id} data-key-name={k.name}>
                      <th scope="row">
                        {k.name}
                        <div className="muted">
                          <code>
                            {k.prefix}…{k.last4}
                          </code>
                          {k.narrowed ? " · narrowed" : ""}
                        </div>
                      </th>
                      <td>{k.role}</td>
                      <td>{k.status}</td>
                      <td title={formatDateTime(k.created_at)}>{formatRelative(k.created_at)}</td>
                      <td>{k.last_used_at ? formatRelative(k.last_used_at) : "never"}</td>
                      <td>{k.expires_at ? formatDateTime(k.expires_at) : "never"}</td>
                      <td>{admin && <KeyActions k={k} onRotated={reveal} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
