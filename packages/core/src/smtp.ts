// Nodemailer options for an SMTP integration and the live check (connect +
// EHLO, STARTTLS and AUTH when configured), shared by the API (POST …/test)
// and the worker (sending, scheduled checks). Plaintext credentials exist only
// in memory, for the life of a transport.
import nodemailer from "nodemailer";
import type SMTPConnection from "nodemailer/lib/smtp-connection";

export interface SmtpEndpoint {
  host: string;
  port: number;
  tls_mode: "none" | "starttls" | "tls";
}

export interface SmtpTimeouts {
  /** Connect and greeting deadline, ms. */
  connectMs: number;
  /** Inactivity deadline within a transaction, ms. */
  socketMs: number;
}

export function smtpOptions(
  e: SmtpEndpoint,
  auth: { username: string; password: string } | null,
  t: SmtpTimeouts,
): SMTPConnection.Options {
  return {
    host: e.host,
    port: e.port,
    secure: e.tls_mode === "tls",
    requireTLS: e.tls_mode === "starttls",
    ignoreTLS: e.tls_mode === "none",
    ...(auth ? { auth: { user: auth.username, pass: auth.password } } : {}),
    connectionTimeout: t.connectMs,
    greetingTimeout: t.connectMs,
    socketTimeout: t.socketMs,
    dnsTimeout: t.connectMs,
    // Never write protocol transcripts (they would carry addresses and AUTH).
    logger: false,
    debug: false,
  };
}

export interface SmtpCheckResult {
  ok: boolean;
  /** ms */
  latencyMs: number;
  error: string | null;
  smtpCode: number | null;
}

/** Connects, greets (EHLO), upgrades and authenticates as configured, then quits; bounded by `timeoutMs`. */
export async function checkSmtp(
  e: SmtpEndpoint,
  auth: { username: string; password: string } | null,
  timeoutMs: number,
): Promise<SmtpCheckResult> {
  const started = Date.now();
  const transport = nodemailer.createTransport(smtpOptions(e, auth, { connectMs: timeoutMs, socketMs: timeoutMs }));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      transport.verify(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" })),
          timeoutMs,
        );
      }),
    ]);
    return { ok: true, latencyMs: Date.now() - started, error: null, smtpCode: null };
  } catch (err) {
    const e2 = err as { message?: string; code?: string; responseCode?: number };
    return {
      ok: false,
      latencyMs: Date.now() - started,
      error: `${e2.code ? `${e2.code}: ` : ""}${e2.message ?? String(err)}`.slice(0, 500),
      smtpCode: typeof e2.responseCode === "number" ? e2.responseCode : null,
    };
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
