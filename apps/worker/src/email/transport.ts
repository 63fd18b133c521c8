// Nodemailer pooled SMTP transports, one per integration per process, with
// the end-of-data gate: a message's last bytes (after which the server may
// accept it) are released only once its mark has recorded, in Postgres,
// that this worker still holds the message's claim. Until then the SMTP
// transaction can be abandoned without the server accepting anything
// (RFC 5321 §4.1.1.4: a message is accepted only after the final ".").
import { Readable } from "node:stream";

import { type DestinationAllowList, smtpOptions, type SmtpTimeouts } from "@opsdeck/core";
import type { SmtpIntegrationRow } from "@opsdeck/db";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

/** Thrown into the SMTP stream when the claim was lost: the transaction is dropped before its end. */
class ClaimLostError extends Error {
  readonly claimLost = true;
  constructor() {
    super("message claim lost to another worker; transaction abandoned before the end of data");
  }
}

/** A message's end-of-data gate: its mark, and word that its end went out. */
export interface Gate {
  /** Records in Postgres that the end may go out; false when the claim is no longer ours. */
  mark(): Promise<boolean>;
  /** Called as the end of data is released, after a mark that returned true. */
  released(): void;
}
export type GatedMail = Mail.Options & { opsdeckGate?: Gate };

/**
 * A message up to this size is held in memory until the gate opens and then
 * handed to the SMTP stream as one chunk, bytes. nodemailer's composer yields
 * a small message as ~8 chunks (headers, boundaries, parts), and each chunk is
 * one socket write (one syscall, one wake-up of the server): one write instead
 * of eight is most of the client-side CPU of a small message. Larger messages
 * (attachments) stream as before, so memory per transaction stays bounded.
 */
const HOLD_MAX_BYTES = 256 * 1024;

/**
 * Passes the message through, holding back its end until the gate's mark
 * resolves true. Only the end is decisive (nothing is accepted before the
 * final "."), so holding back earlier bytes as well changes nothing about what
 * a crash can leave behind.
 *
 * The mark starts at the first read, which comes once the server has answered
 * the envelope (nodemailer pipes the message after DATA's 354), and runs while
 * the message is produced; the end goes out once both are done. Starting it
 * earlier would hide more of its round trip, but a transaction held in its
 * envelope (a server slow to answer RCPT) would then be marked, and a crash
 * there would leave a message never sent as 'unconfirmed' instead of sendable.
 */
function gated(input: Readable, gate: Gate): Readable {
  let started = false;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let streaming = false;
  let produced = false;
  let marked = false;
  const finish = () => {
    // Destroyed meanwhile (the connection failed, the claim was lost): the end never goes out.
    if (!produced || !marked || out.destroyed) return;
    gate.released();
    if (held.length > 0) out.push(held.length === 1 ? held[0] : Buffer.concat(held));
    held = [];
    out.push(null);
  };
  const out: Readable = new Readable({
    read() {
      if (started) {
        input.resume();
        return;
      }
      started = true;
      gate.mark().then(
        (ok) => {
          if (!ok) return out.destroy(new ClaimLostError());
          marked = true;
          finish();
        },
        (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
      );
      input.on("data", (data: Buffer | string) => {
        const chunk = typeof data === "string" ? Buffer.from(data) : data;
        if (!streaming && heldBytes + chunk.length <= HOLD_MAX_BYTES) {
          held.push(chunk);
          heldBytes += chunk.length;
          return;
        }
        // Too big to hold: what is held goes out now, the rest streams with backpressure.
        const next = streaming ? chunk : Buffer.concat([...held, chunk]);
        streaming = true;
        held = [];
        if (!out.push(next)) input.pause();
      });
      input.once("end", () => {
        produced = true;
        finish();
      });
    },
    destroy(err, cb) {
      held = [];
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
  /** Non-public addresses the pool may still connect to (each connection checks its destination). */
  allowed: DestinationAllowList;
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
    ...smtpOptions(row, auth, s, s.allowed),
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

  /** The transport built from this version of the integration, if there is one. */
  lookup(row: SmtpIntegrationRow): Transporter | undefined {
    const hit = this.byId.get(row.id);
    if (!hit || hit.version !== row.updated_at.getTime()) return undefined;
    hit.lastUsed = Date.now();
    return hit.transport;
  }

  /** Keeps `transport` as the integration's, closing the one built from an older version. */
  put(row: SmtpIntegrationRow, transport: Transporter): Transporter {
    const old = this.byId.get(row.id);
    if (old && old.transport !== transport) old.transport.close();
    this.byId.set(row.id, { transport, version: row.updated_at.getTime(), lastUsed: Date.now() });
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
