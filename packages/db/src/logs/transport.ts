// The winston transport that writes application logs to Postgres (searchable
// at GET /api/v1/platform/system/logs): `log()` only pushes onto a bounded in-memory buffer and returns,
// so a request or a job never waits on the database. Batches are written by
// insertAppLogs every `intervalMs` or once `batchSize` entries wait. When the
// buffer is full the entry is dropped and counted (a prom-client counter when
// a registry is given) and a warning goes out at most once per `warnEveryMs`.
// `shutdown()` flushes what is left.
//
// What these rows may carry: anyone with logs.read (viewers too) can search
// them, so a row holds the line's message and its context fields, and an
// error among them only as its class and code ({"name": "DatabaseError",
// "code": "22008"}): never an error's message or stack, which can hold SQL,
// file paths or another request's values. Operators read those on stdout,
// which gets the whole line.
import type { LogLevel } from "@opsdeck/core";
import { type BatchBuffer, coerceError, createBatchBuffer } from "@opsdeck/core";
import type pg from "pg";
import type { Registry } from "prom-client";
import { Counter, Gauge } from "prom-client";
import TransportStream from "winston-transport";

import { type AppLogEntry, insertAppLogs } from "./insert";

export interface PostgresLogTransportOptions {
  pool: pg.Pool;
  /** Service name for entries that carry none. */
  service: string;
  /** Most entries held in memory. @defaultValue 10000 */
  maxEntries?: number;
  /** Entries per INSERT. @defaultValue 500 */
  batchSize?: number;
  /** ms between flushes. @defaultValue 1000 */
  intervalMs?: number;
  /** Lowest winston level written. @defaultValue "info" */
  level?: string;
  /** Registers opsdeck_app_logs_dropped_total and opsdeck_app_logs_buffered here. */
  registry?: Registry;
  /** Where drop and flush-failure warnings go (not this transport: that would loop). @defaultValue process.emitWarning */
  warn?: (message: string, meta: Record<string, unknown>) => void;
  /** ms between two warnings of the same kind. @defaultValue 10000 */
  warnEveryMs?: number;
}

/** Longest message stored, characters; longer ones are cut and flagged. */
const MAX_MESSAGE = 32_768;
/** Largest metadata stored, characters of JSON; larger is replaced by a note. */
const MAX_METADATA = 16_384;
const OWN_KEYS = new Set(["level", "message", "timestamp", "service", "request_id", "requestId", "user_id", "userId"]);

/** winston levels → the four log levels. */
function toLogLevel(level: string): LogLevel {
  if (level === "error") return "error";
  if (level === "warn" || level === "warning") return "warning";
  if (level === "info") return "info";
  return "debug";
}

/** A thrown error, or what redaction made of one: anything carrying a stack. */
function isErrorLike(v: object): v is { name?: unknown; code?: unknown } {
  return v instanceof Error || typeof (v as { stack?: unknown }).stack === "string";
}

/** `value` as a row may hold it: errors as {name, code}, no stack anywhere. Depth-bounded (metadata is). */
function withoutErrorDetail(value: unknown, depth = 0): unknown {
  // Dates and the like serialize themselves (toJSON).
  if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return value;
  }
  if (depth >= 8) return "[truncated]";
  if (isErrorLike(value)) {
    const out: Record<string, unknown> = { name: typeof value.name === "string" ? value.name : "Error" };
    if (typeof value.code === "string" || typeof value.code === "number") out.code = value.code;
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => withoutErrorDetail(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "stack") out[k] = withoutErrorDetail(v, depth + 1);
  return out;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v.slice(0, 200) : typeof v === "number" ? String(v) : null;
}

/** One winston `info` object → one row. */
function toAppLogEntry(info: Record<string, unknown>, service: string): AppLogEntry {
  const ts = typeof info.timestamp === "string" ? new Date(info.timestamp) : new Date();
  let message = typeof info.message === "string" ? info.message : JSON.stringify(info.message ?? "");
  const metadata: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(info)) {
    // A top-level stack is winston's errors format at work: the line was logged with an Error.
    if (!OWN_KEYS.has(k) && k !== "stack" && v !== undefined) metadata[k] = withoutErrorDetail(v);
  }
  if (message.length > MAX_MESSAGE) {
    message = message.slice(0, MAX_MESSAGE);
    metadata.message_truncated = true;
  }
  let meta = metadata;
  const json = JSON.stringify(metadata);
  if (json.length > MAX_METADATA) meta = { metadata_truncated: true, metadata_bytes: json.length };
  return {
    timestamp: Number.isNaN(ts.getTime()) ? new Date() : ts,
    level: toLogLevel(typeof info.level === "string" ? info.level : "info"),
    service: str(info.service) ?? service,
    message,
    requestId: str(info.request_id) ?? str(info.requestId),
    userId: str(info.user_id) ?? str(info.userId),
    // A worker's per-job logger carries both (apps/worker JobContext); they stay in the metadata too, so
    // exports and readers of metadata see what they always saw.
    queue: str(info.queue),
    jobId: str(info.job_id),
    metadata: meta,
  };
}

export class PostgresLogTransport extends TransportStream {
  readonly buffer: BatchBuffer<AppLogEntry>;
  private readonly service: string;
  private readonly dropCounter: Counter | undefined;
  private readonly warnAt = { drop: 0, flush: 0 };

  constructor(private readonly opts: PostgresLogTransportOptions) {
    super({ level: opts.level ?? "info" });
    this.service = opts.service;
    const registers = opts.registry ? [opts.registry] : [];
    this.dropCounter = opts.registry
      ? new Counter({
          name: "opsdeck_app_logs_dropped_total",
          help: "Application log entries dropped because the Postgres log buffer was full",
          registers,
        })
      : undefined;
    if (opts.registry) {
      const buffered = () => this.buffer.size;
      new Gauge({
        name: "opsdeck_app_logs_buffered",
        help: "Application log entries waiting to be written to Postgres",
        registers,
        collect() {
          this.set(buffered());
        },
      });
    }
    this.buffer = createBatchBuffer<AppLogEntry>({
      write: async (batch) => {
        await insertAppLogs(opts.pool, batch);
      },
      maxEntries: opts.maxEntries ?? 10_000,
      batchSize: opts.batchSize ?? 500,
      intervalMs: opts.intervalMs ?? 1_000,
      onDrop: (dropped, reason) => {
        this.dropCounter?.inc();
        // Lines logged after shutdown are still on stdout; only a full buffer deserves a warning.
        if (reason === "full") {
          this.warnOnce("drop", "application log buffer full; dropping entries", { dropped_total: dropped });
        }
      },
      onError: (err, pending) =>
        this.warnOnce("flush", "writing application logs to Postgres failed; will retry", {
          error: coerceError(err).message,
          pending,
        }),
    });
  }

  /** Entries dropped since start. */
  get dropped(): number {
    return this.buffer.dropped;
  }

  private warnOnce(kind: "drop" | "flush", message: string, meta: Record<string, unknown>) {
    const now = Date.now();
    if (now - this.warnAt[kind] < (this.opts.warnEveryMs ?? 10_000)) return;
    this.warnAt[kind] = now;
    if (this.opts.warn) this.opts.warn(message, meta);
    else process.emitWarning(`${message} ${JSON.stringify(meta)}`, "OpsdeckLogTransport");
  }

  override log(info: Record<string, unknown>, next: () => void): void {
    this.buffer.push(toAppLogEntry(info, this.service));
    next();
  }

  /** Writes what is buffered, waiting at most `timeoutMs`. Call on shutdown, after the last log line. */
  shutdown(timeoutMs = 5_000): Promise<void> {
    return this.buffer.close(timeoutMs);
  }

  override close(): void {
    void this.shutdown();
  }
}

export function createPostgresLogTransport(opts: PostgresLogTransportOptions): PostgresLogTransport {
  return new PostgresLogTransport(opts);
}
