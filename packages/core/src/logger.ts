// One winston factory for every process. JSON lines to stdout in
// production, readable lines in development; every line passes through the
// redaction format, so keys, tokens, passwords and email addresses never land
// in a log. Child loggers carry scope: service, request_id, queue, job_id.
import winston from "winston";

import { redactString, redactValue } from "./redact";

export type Logger = winston.Logger;

export interface LoggerOptions {
  /** Process name, e.g. "api" or "worker". */
  service: string;
  /** winston level. @defaultValue "info" */
  level?: string;
  /** "json" for production, "pretty" for a terminal. @defaultValue "json" */
  format?: "json" | "pretty";
  /** Extra transports (e.g. the Postgres log transport). */
  transports?: winston.transport[];
  /** Silence stdout (tests). */
  silent?: boolean;
}

const redactFormat = winston.format((info) => {
  // `message` and every meta field; winston's own symbols are left alone.
  for (const key of Object.keys(info)) {
    if (key === "level" || key === "timestamp" || key === "service") continue;
    (info as Record<string, unknown>)[key] =
      key === "message" && typeof info.message === "string" ? redactString(info.message) : redactValue(info[key]);
  }
  return info;
});

export function createLogger(opts: LoggerOptions): Logger {
  const pretty = opts.format === "pretty";
  const console = new winston.transports.Console({
    silent: opts.silent ?? false,
    format: pretty
      ? winston.format.combine(
          winston.format.colorize(),
          winston.format.printf(({ level, message, timestamp, service, ...meta }) => {
            const rest = Object.keys(meta).length ? ` ${JSON.stringify(meta)}` : "";
            return `${String(timestamp)} ${String(service)} ${level}: ${String(message)}${rest}`;
          }),
        )
      : winston.format.json(),
  });
  return winston.createLogger({
    level: opts.level ?? "info",
    defaultMeta: { service: opts.service },
    format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.timestamp(), redactFormat()),
    transports: [console, ...(opts.transports ?? [])],
  });
}
