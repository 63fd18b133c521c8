// Which integration a message goes through: a weighted random
// choice among enabled integrations whose circuit is closed; once an open
// circuit's cool-down is over, one worker (the winner of a row update) sends
// a trial through it. Every worker reads the same Postgres state, refreshed
// every REFRESH_MS, and writes failures at once; attempts are summed in memory
// and flushed into the per-minute window every FLUSH_MS.
import { type EmailSettings, type Keyring, type Logger, openSmtpCredentials } from "@opsdeck/core";
import {
  claimCircuitTrial,
  listIntegrations,
  openCircuitsOnErrorRate,
  recordAttempts,
  recordIntegrationFailure,
  recordIntegrationSuccess,
  type SmtpIntegrationRow,
} from "@opsdeck/db";
import type { Transporter } from "nodemailer";
import type pg from "pg";

import { createPooledTransport, TransportCache } from "./transport";

/** How stale this process's view of the integrations may get, ms. */
const REFRESH_MS = 2_000;
/** Attempt counters flush period, ms. */
const FLUSH_MS = 1_000;
/** Transports unused this long are closed, ms. */
const IDLE_MS = 60_000;

export interface Target {
  row: SmtpIntegrationRow;
  transport: Transporter;
  /** The sending IP when the integration has exactly one; a pool of IPs is the provider's choice. */
  sendingIp: string | null;
}

export class IntegrationRouter {
  private rows: SmtpIntegrationRow[] = [];
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  private readonly counts = new Map<string, { attempts: number; failed: number }>();
  private readonly transports = new TransportCache(IDLE_MS);
  private readonly timer: NodeJS.Timeout;
  /** Set once close() starts: failures after that are our own doing. */
  private closing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly s: EmailSettings,
    /** Opens integrations' sealed credentials (built once by the runtime). */
    private readonly keyring: Keyring,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  /** Enabled integrations (refreshed when stale). */
  async enabled(): Promise<SmtpIntegrationRow[]> {
    if (Date.now() - this.loadedAt > REFRESH_MS) {
      this.loading ??= listIntegrations(this.pool, { enabledOnly: true })
        .then((rows) => {
          this.rows = rows;
          this.loadedAt = Date.now();
        })
        .finally(() => (this.loading = null));
      await this.loading;
    }
    return this.rows;
  }

  /** Picks an integration not in `exclude`; null when none can take a message now. */
  async pick(exclude: ReadonlySet<string>): Promise<Target | null> {
    const now = Date.now();
    const rows = (await this.enabled()).filter((r) => r.weight > 0 && !exclude.has(r.id));
    const closed = rows.filter((r) => r.circuit_state === "closed");
    let chosen = weightedChoice(closed);
    if (!chosen) {
      for (const r of rows.filter((x) => x.circuit_open_until && x.circuit_open_until.getTime() <= now)) {
        if (await claimCircuitTrial(this.pool, r.id, this.s.EMAIL_CIRCUIT_COOLDOWN_MS)) {
          r.circuit_state = "half_open";
          chosen = r;
          break;
        }
      }
    }
    if (!chosen) return null;
    const row = chosen;
    // Credentials are opened only when a transport is built (a new or changed integration), not per message.
    let transport = this.transports.lookup(row);
    if (!transport) {
      const auth = openSmtpCredentials(this.keyring, row);
      if (auth === undefined) {
        await this.failure(row.id, "credentials_unreadable");
        return this.pick(new Set([...exclude, row.id]));
      }
      transport = this.transports.put(
        row,
        createPooledTransport(row, auth, {
          connectMs: this.s.EMAIL_SMTP_CONNECT_TIMEOUT_MS,
          socketMs: this.s.EMAIL_SMTP_SOCKET_TIMEOUT_MS,
          maxConnections: this.s.EMAIL_POOL_MAX_CONNECTIONS,
          maxMessages: this.s.EMAIL_POOL_MAX_MESSAGES,
          allowed: this.s.EMAIL_ALLOWED_DESTINATIONS,
        }),
      );
    }
    return { row, transport, sendingIp: row.sending_ips.length === 1 ? (row.sending_ips[0] ?? null) : null };
  }

  /** The integration carried the transaction (whatever the recipient's fate). */
  async success(row: SmtpIntegrationRow): Promise<void> {
    this.count(row.id, false);
    if (row.consecutive_failures > 0 || row.circuit_state === "half_open") {
      row.consecutive_failures = 0;
      if (row.circuit_state === "half_open") row.circuit_state = "closed";
      await recordIntegrationSuccess(this.pool, row.id);
    }
  }

  /** An integration-level failure: counted now, and the circuit may open for every worker. */
  async failure(id: string, error: string): Promise<void> {
    // Sends cut by our own shutdown (pools closing under them) say nothing about the integration.
    if (this.closing) return;
    this.count(id, true);
    const r = await recordIntegrationFailure(this.pool, id, error, {
      consecutiveFailures: this.s.EMAIL_CIRCUIT_CONSECUTIVE_FAILURES,
      cooldownMs: this.s.EMAIL_CIRCUIT_COOLDOWN_MS,
    });
    const row = this.rows.find((x) => x.id === id);
    if (row && r) {
      row.consecutive_failures++;
      if (r.circuit_state === "open" && row.circuit_state !== "open") {
        this.log.warn("smtp integration circuit opened", { integration_id: id, error });
        row.circuit_state = "open";
        row.circuit_open_until = new Date(Date.now() + this.s.EMAIL_CIRCUIT_COOLDOWN_MS);
      }
    }
  }

  private count(id: string, failed: boolean): void {
    const c = this.counts.get(id) ?? { attempts: 0, failed: 0 };
    c.attempts++;
    if (failed) c.failed++;
    this.counts.set(id, c);
  }

  /** Writes the attempt counters into the window and opens circuits over the error-rate threshold. */
  async flush(): Promise<void> {
    this.transports.closeIdle();
    if (this.counts.size === 0) return;
    const rows = [...this.counts].map(([integrationId, c]) => ({ integrationId, ...c }));
    this.counts.clear();
    try {
      await recordAttempts(this.pool, rows);
      const opened = await openCircuitsOnErrorRate(
        this.pool,
        {
          windowSeconds: this.s.EMAIL_HEALTH_WINDOW_SECONDS,
          errorRate: this.s.EMAIL_CIRCUIT_ERROR_RATE,
          minAttempts: this.s.EMAIL_CIRCUIT_MIN_ATTEMPTS,
        },
        this.s.EMAIL_CIRCUIT_COOLDOWN_MS,
      );
      if (opened.length) this.log.warn("smtp integration circuit opened on error rate", { integration_ids: opened });
    } catch (err) {
      this.log.warn("cannot write smtp integration stats", { err });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    await this.flush();
    this.transports.closeAll();
  }
}

function weightedChoice(rows: SmtpIntegrationRow[]): SmtpIntegrationRow | undefined {
  const total = rows.reduce((n, r) => n + r.weight, 0);
  let x = Math.random() * total;
  for (const r of rows) {
    x -= r.weight;
    if (x < 0) return r;
  }
  return rows[rows.length - 1];
}
