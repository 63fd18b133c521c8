// Sorting an SMTP send failure (nodemailer error) into what happens next:
//  - recipient-level, permanent (5xx to RCPT TO, or to the message after DATA):
//    the message is 'bounced' and the batch goes on;
//  - recipient-level, temporary (4xx other than 421): 'deferred', retried with the job;
//  - integration-level (cannot connect, timeouts, TLS/AUTH failures, 421 at any
//    stage, a refused greeting, EHLO or MAIL FROM): the integration is at fault,
//    the message goes to another integration (failover) or waits for a retry.
import { smtpFailureOf, type SmtpFailureReason } from "@opsdeck/core";

type FailureKind = "bounce" | "defer" | "integration";

export interface SmtpFailure {
  kind: FailureKind;
  code: number | null;
  /** Server reply or error text (no addresses added by us). */
  response: string;
  /** The failure's name, without the server's words: what an integration's last_error says. */
  reason: SmtpFailureReason;
}

interface NodemailerError {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  rejectedErrors?: NodemailerError[];
}

export function classifySendError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as NodemailerError;
  // With one recipient per message, a refused RCPT TO arrives as EENVELOPE with the per-recipient error inside.
  const inner = e.rejectedErrors?.[0];
  const code = inner?.responseCode ?? e.responseCode ?? null;
  const response = (inner?.response ?? e.response ?? e.message ?? String(err)).slice(0, 2_000);
  const command = (inner?.command ?? e.command ?? "").toUpperCase();
  const failure = (kind: FailureKind): SmtpFailure => ({ kind, code, response, reason: smtpFailureOf(inner ?? err) });
  // Refused by nodemailer before any SMTP (an address it cannot encode): the message itself is at fault.
  if (code === null && command === "API" && (e.code === "EENVELOPE" || e.code === "EMESSAGE")) {
    return failure("bounce");
  }
  if (code === 421 || code === null) return failure("integration");
  const recipientStage = command.startsWith("RCPT") || command === "DATA";
  if (!recipientStage) return failure("integration");
  if (code >= 500) return failure("bounce");
  if (code >= 400) return failure("defer");
  return failure("integration");
}

/** The SMTP code at the start of a success reply ("250 2.0.0 Ok: queued as X"). */
export function replyCode(response: string | undefined): number | null {
  const m = /^(\d{3})/.exec(response ?? "");
  return m ? Number(m[1]) : null;
}
