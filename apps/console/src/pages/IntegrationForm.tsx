// Create or edit an SMTP integration. Credentials are write-only: the API
// never returns them, so the form shows only whether some are set, and a
// password is sent only when typed into "replace" (with its user name).
import type { ApiBody } from "@opsdeck/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

import { api } from "../api";
import { ErrorState } from "../components/States";
import type { Integration } from "./Email";

const INTEGRATIONS = "/api/v1/platform/system/email/integrations";
type CreateBody = ApiBody<"post", typeof INTEGRATIONS>;
const TYPES = ["smtp", "ses", "sendgrid", "mailgun", "postmark", "sparkpost", "other"] as const;
const TLS = ["starttls", "tls", "none"] as const;

export function IntegrationForm({ existing, onDone }: { existing: Integration | null; onDone: () => void }) {
  const client = useQueryClient();
  const [f, setF] = useState({
    name: existing?.name ?? "",
    type: (existing?.type ?? "smtp") as CreateBody["type"],
    host: existing?.host ?? "",
    port: String(existing?.port ?? 587),
    tls_mode: (existing?.tls_mode ?? "starttls") as CreateBody["tls_mode"],
    allow_plaintext_auth: existing?.allow_plaintext_auth ?? false,
    sending_ips: existing?.sending_ips.join(", ") ?? "",
    weight: String(existing?.weight ?? 1),
    enabled: existing?.enabled ?? true,
    username: "",
    password: "",
    removeCredentials: false,
  });
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        name: f.name.trim(),
        type: f.type,
        host: f.host.trim(),
        port: Number(f.port),
        tls_mode: f.tls_mode,
        allow_plaintext_auth: f.allow_plaintext_auth,
        sending_ips: f.sending_ips
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        weight: Number(f.weight),
        enabled: f.enabled,
      };
      const credentials = f.password ? { username: f.username, password: f.password } : undefined;
      if (!existing) return api.post(INTEGRATIONS, { body: { ...fields, ...(credentials ? { credentials } : {}) } });
      return api.patch(`${INTEGRATIONS}/{integration_id}`, {
        params: { path: { integration_id: existing.id } },
        body: { ...fields, ...(credentials ? { credentials } : f.removeCredentials ? { credentials: null } : {}) },
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["integrations"] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = existing ? `Edit ${existing.name}` : "New integration";
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <div>
        <label htmlFor="int-name">Name</label>
        <input id="int-name" required maxLength={100} value={f.name} onChange={(e) => set({ name: e.target.value })} />
      </div>
      <div>
        <label htmlFor="int-type">Provider</label>
        <select id="int-type" value={f.type} onChange={(e) => set({ type: e.target.value as CreateBody["type"] })}>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="int-host">Host</label>
        <input id="int-host" required value={f.host} onChange={(e) => set({ host: e.target.value })} />
      </div>
      <div>
        <label htmlFor="int-port">Port</label>
        <input
          id="int-port"
          type="number"
          min={1}
          max={65535}
          required
          value={f.port}
          onChange={(e) => set({ port: e.target.value })}
        />
      </div>
      <div>
        <label htmlFor="int-tls">TLS</label>
        <select
          id="int-tls"
          value={f.tls_mode}
          onChange={(e) => set({ tls_mode: e.target.value as CreateBody["tls_mode"] })}
        >
          {TLS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="int-weight">Weight</label>
        <input
          id="int-weight"
          type="number"
          min={0}
          max={1000}
          required
          value={f.weight}
          onChange={(e) => set({ weight: e.target.value })}
        />
      </div>
      <div className="wide">
        <label htmlFor="int-ips">Sending IPs (comma-separated)</label>
        <input id="int-ips" value={f.sending_ips} onChange={(e) => set({ sending_ips: e.target.value })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={f.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={f.allow_plaintext_auth}
          onChange={(e) => set({ allow_plaintext_auth: e.target.checked })}
        />{" "}
        Allow credentials without TLS
      </label>
      <fieldset className="wide">
        <legend>
          Credentials{" "}
          <span className="muted">
            ({existing?.has_credentials ? "set; never shown" : "none set"}; leave empty to keep as they are)
          </span>
        </legend>
        <div>
          <label htmlFor="int-user">User name</label>
          <input
            id="int-user"
            autoComplete="off"
            value={f.username}
            onChange={(e) => set({ username: e.target.value })}
            required={!!f.password}
          />
        </div>
        <div>
          <label htmlFor="int-pass">{existing?.has_credentials ? "Replace password" : "Password"}</label>
          <input
            id="int-pass"
            type="password"
            autoComplete="new-password"
            value={f.password}
            onChange={(e) => set({ password: e.target.value })}
            required={!!f.username}
          />
        </div>
        {existing?.has_credentials && (
          <label className="check">
            <input
              type="checkbox"
              checked={f.removeCredentials}
              disabled={!!f.password}
              onChange={(e) => set({ removeCredentials: e.target.checked })}
            />{" "}
            Remove the stored credentials
          </label>
        )}
      </fieldset>
      {save.error ? <ErrorState error={save.error} /> : null}
      <div className="wide actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {existing ? "Save changes" : "Create integration"}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
