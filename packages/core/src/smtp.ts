// Nodemailer options for an SMTP integration and the live check (connect +
// EHLO, STARTTLS and AUTH when configured), shared by the API (POST …/test)
// and the worker (sending, scheduled checks). Plaintext credentials exist only
// in memory, for the life of a transport.
//
// Every connection, pooled or not, is opened by `getSocket` below: it resolves
// the host, checks the addresses (smtpDestination.ts), refuses to carry
// credentials unencrypted to anything but loopback unless the integration
// allows it, and connects to the checked address itself. Failures are reported
// as a small fixed vocabulary (SMTP_FAILURES), never with the peer's bytes.
import net from "node:net";

import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

import { type Keyring, openSmtpCredentials } from "./credentials";
import {
  bareHost,
  type CheckedAddress,
  type DestinationAllowList,
  isLoopback,
  resolveDestination,
  SmtpDestinationError,
} from "./smtpDestination";

export interface SmtpEndpoint {
  host: string;
  port: number;
  tls_mode: "none" | "starttls" | "tls";
  /** Send AUTH over an unencrypted connection to a non-loopback host. */
  allow_plaintext_auth: boolean;
}

export interface SmtpTimeouts {
  /** Connect and greeting deadline, ms. */
  connectMs: number;
  /** Inactivity deadline within a transaction, ms. */
  socketMs: number;
}

/** What a failed connection, check or send is reported as (API results, health.last_error). */
export const SMTP_FAILURES = [
  "destination_forbidden",
  "dns_failed",
  "connection_refused",
  "connection_failed",
  "timeout",
  "tls_failed",
  "plaintext_auth_refused",
  "auth_failed",
  "greeting_rejected",
  "rejected",
  "credentials_unreadable",
] as const;
export type SmtpFailureReason = (typeof SMTP_FAILURES)[number];

class SmtpConnectError extends Error {
  constructor(readonly reason: SmtpFailureReason) {
    super(reason);
    this.name = "SmtpConnectError";
  }
}

interface NodemailerError {
  code?: string;
  originalCode?: string;
  command?: string;
  responseCode?: number;
}

/** Sorts a nodemailer (or connect) error into the vocabulary; the error's text is never used. */
export function smtpFailureOf(err: unknown): SmtpFailureReason {
  if (err instanceof SmtpDestinationError || err instanceof SmtpConnectError) return err.reason;
  const e = (err ?? {}) as NodemailerError;
  const system = e.originalCode ?? e.code;
  if (e.code === "EDNS") return "dns_failed";
  if (e.code === "ETIMEDOUT" || system === "ETIMEDOUT") return "timeout";
  if (e.code === "ETLS" || e.code === "EREQUIRETLS") return "tls_failed";
  if (e.code === "EAUTH" || e.code === "ENOAUTH") return "auth_failed";
  if (system === "ECONNREFUSED") return "connection_refused";
  const command = (e.command ?? "").toUpperCase();
  if (command === "CONN" || command === "EHLO" || command === "HELO" || command === "LHLO") {
    return e.code === "EPROTOCOL" || typeof e.responseCode === "number" ? "greeting_rejected" : "connection_failed";
  }
  return typeof e.responseCode === "number" ? "rejected" : "connection_failed";
}

/** Whether credentials would go unencrypted to a non-loopback address the integration has not allowed them to. */
export function plaintextAuthRefused(
  e: Pick<SmtpEndpoint, "tls_mode" | "allow_plaintext_auth">,
  withCredentials: boolean,
  addresses: readonly CheckedAddress[],
): boolean {
  return (
    withCredentials &&
    e.tls_mode === "none" &&
    !e.allow_plaintext_auth &&
    !addresses.every((a) => isLoopback(a.address))
  );
}

/** A TCP connection to one of the checked `addresses` (several: tried in turn, as net does), bounded by `timeoutMs`. */
function connectTo(host: string, port: number, addresses: CheckedAddress[], timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const [first, ...rest] = addresses as [CheckedAddress, ...CheckedAddress[]];
    const socket =
      rest.length === 0
        ? net.connect({ host: first.address, port })
        : net.connect({
            host,
            port,
            autoSelectFamily: true,
            // The checked addresses stand in for DNS: nothing is resolved again between check and connect.
            lookup: (_name, opts, cb) => {
              if (opts.all) cb(null, addresses);
              else cb(null, first.address, first.family);
            },
          });
    const fail = (reason: SmtpFailureReason) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new SmtpConnectError(reason));
    };
    const timer = setTimeout(() => fail("timeout"), Math.max(timeoutMs, 1));
    socket.once("error", (err: NodeJS.ErrnoException) =>
      fail(
        err.code === "ECONNREFUSED" ? "connection_refused" : err.code === "ETIMEDOUT" ? "timeout" : "connection_failed",
      ),
    );
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      resolve(socket);
    });
  });
}

export function smtpOptions(
  e: SmtpEndpoint,
  auth: { username: string; password: string } | null,
  t: SmtpTimeouts,
  allowed: DestinationAllowList,
): SMTPTransport.Options {
  const host = bareHost(e.host);
  return {
    // Only names the server (TLS SNI and certificate checks, EHLO): getSocket makes the connection.
    host,
    port: e.port,
    secure: e.tls_mode === "tls",
    requireTLS: e.tls_mode === "starttls",
    ignoreTLS: e.tls_mode === "none",
    ...(auth ? { auth: { user: auth.username, pass: auth.password } } : {}),
    connectionTimeout: t.connectMs,
    greetingTimeout: t.connectMs,
    socketTimeout: t.socketMs,
    getSocket(_options, callback) {
      const started = Date.now();
      resolveDestination(host, allowed, t.connectMs)
        .then((addresses) => {
          if (plaintextAuthRefused(e, auth !== null, addresses)) throw new SmtpConnectError("plaintext_auth_refused");
          return connectTo(host, e.port, addresses, t.connectMs - (Date.now() - started));
        })
        .then(
          (connection) => callback(null, { connection }),
          (err: Error) => callback(err),
        );
    },
    // Never write protocol transcripts (they would carry addresses and AUTH).
    logger: false,
    debug: false,
  };
}

export interface SmtpCheckResult {
  ok: boolean;
  /** ms */
  latencyMs: number;
  error: SmtpFailureReason | null;
  smtpCode: number | null;
}

/** Connects, greets (EHLO), upgrades and authenticates as configured, then quits; bounded by `timeoutMs`. */
export async function checkSmtp(
  e: SmtpEndpoint,
  auth: { username: string; password: string } | null,
  timeoutMs: number,
  allowed: DestinationAllowList,
): Promise<SmtpCheckResult> {
  const started = Date.now();
  const transport = nodemailer.createTransport(
    smtpOptions(e, auth, { connectMs: timeoutMs, socketMs: timeoutMs }, allowed),
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      transport.verify(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new SmtpConnectError("timeout")), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Date.now() - started, error: null, smtpCode: null };
  } catch (err) {
    const e2 = err as NodemailerError;
    return {
      ok: false,
      latencyMs: Date.now() - started,
      error: smtpFailureOf(err),
      smtpCode: typeof e2.responseCode === "number" ? e2.responseCode : null,
    };
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

/**
 * A live check of a stored integration: its credentials opened (`credentials_unreadable` when they
 * cannot be), then checkSmtp. The API's test endpoint and the worker's scheduled checks both use it.
 */
export async function checkStoredIntegration(
  row: SmtpEndpoint & { id: string; credentials: string | null },
  ring: Keyring,
  s: { EMAIL_CHECK_TIMEOUT_MS: number; EMAIL_ALLOWED_DESTINATIONS: DestinationAllowList },
): Promise<SmtpCheckResult> {
  const auth = openSmtpCredentials(ring, row);
  if (auth === undefined) return { ok: false, latencyMs: 0, error: "credentials_unreadable", smtpCode: null };
  return checkSmtp(row, auth, s.EMAIL_CHECK_TIMEOUT_MS, s.EMAIL_ALLOWED_DESTINATIONS);
}
