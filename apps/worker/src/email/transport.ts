// Nodemailer pooled SMTP transports, one per integration per process, with
// the end-of-data gate: a message's last bytes (after which the server may
// accept it) are released only once `commit()` has recorded, in Postgres,
// that this worker still holds the message's claim. Until then the SMTP
// transaction can be abandoned without the server accepting anything
// (RFC 5321 §4.1.1.4: a message is accepted only after the final ".").
import { Readable } from "node:stream";

import { smtpOptions, type SmtpTimeouts } from "@opsdeck/core";
import type { SmtpIntegrationRow } from "@opsdeck/db";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

/** Thrown into the SMTP stream when the claim was lost: the transaction is dropped before its end. */
export class ClaimLostError extends Error {
  readonly claimLost = true;
  constructor() {
    super("message claim lost to another worker; transaction abandoned before the end of data");
  }
}

export type Gate = () => Promise<boolean>;
export type GatedMail = Mail.Options & { opsdeckGate?: Gate };

/** Passes the message through, holding back its end until `commit` resolves true. */
function gated(input: Readable, commit: Gate): Readable {
  let started = false;
  const out: Readable = new Readable({
    read() {
      if (started) {
        input.resume();
        return;
      }
      started = true;
      input.on("data", (chunk: Buffer) => {
        if (!out.push(chunk)) input.pause();
      });
      input.once("end", () => {
        commit().then(
          (held) => (held ? out.push(null) : out.destroy(new ClaimLostError())),
          (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
        );
      });
    },
    destroy(err, cb) {
      input.destroy();
      cb(err);
    },
  });
  input.once("error", (err) => out.destroy(err));
  return out;
}

export interface PoolSettings extends SmtpTimeouts {
  maxConnections: number;
  maxMessages: number;
}

export interface CachedTransport {
  transport: Transporter;
  /** updated_at of the integration it was built from; a newer row replaces it. */
  version: number;
  lastUsed: number;
}

export function createPooledTransport(
  row: SmtpIntegrationRow,
  auth: { username: string; password: string } | null,
  s: PoolSettings,
): Transporter {
  const transport = nodemailer.createTransport({
    ...smtpOptions(row, auth, s),
    pool: true,
    maxConnections: s.maxConnections,
    maxMessages: s.maxMessages,
  });
  transport.use("stream", (mail, done) => {
    const gate = (mail.data as GatedMail).opsdeckGate;
    if (gate) mail.message.processFunc((input) => gated(input, gate));
    done();
  });
  return transport;
}

/** Transports by integration id; rebuilt when the integration changes, closed when idle. */
export class TransportCache {
  private readonly byId = new Map<string, CachedTransport>();

  constructor(private readonly idleMs: number) {}

  get(row: SmtpIntegrationRow, build: () => Transporter): Transporter {
    const version = row.updated_at.getTime();
    const hit = this.byId.get(row.id);
    if (hit && hit.version === version) {
      hit.lastUsed = Date.now();
      return hit.transport;
    }
    hit?.transport.close();
    const transport = build();
    this.byId.set(row.id, { transport, version, lastUsed: Date.now() });
    return transport;
  }

  /** Closes transports unused for `idleMs` (their pooled connections go with them). */
  closeIdle(now = Date.now()): void {
    for (const [id, t] of this.byId) {
      if (now - t.lastUsed > this.idleMs) {
        t.transport.close();
        this.byId.delete(id);
      }
    }
  }

  closeAll(): void {
    for (const t of this.byId.values()) t.transport.close();
    this.byId.clear();
  }
}
