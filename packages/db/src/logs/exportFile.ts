// Streams the rows of a log search to a file in constant memory: Postgres
// formats each row (COPY … TO STDOUT), the bytes flow through optional gzip
// and a SHA-256/size tap into the store's temporary file, with backpressure
// end to end; only a complete file is renamed into place. Count and copy run
// in one REPEATABLE READ snapshot, so the file holds exactly the counted rows
// even while new logs arrive.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

import type { FileStore } from "../storage/fileStore";
import type { ExportFormat } from "./exportStore";
import { buildLogWhere, literalBinder, type LogFilter } from "./filter";

export class ExportTooLargeError extends Error {
  constructor(readonly maxRows: number) {
    super(`the export matches more than ${maxRows} rows; narrow the time window or add filters`);
    this.name = "ExportTooLargeError";
  }
}

const TS = `to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * Spreadsheets run a cell starting with = + - @ (or tab/CR before them) as a formula; a leading ' makes it
 * text. ascii() reads only the first character (no substring copy): = 61, + 43, - 45, @ 64, tab 9, CR 13.
 */
const neutral = (col: string) =>
  `CASE WHEN ascii(${col}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${col} ELSE ${col} END`;
export const LOG_JSON_ROW = `json_build_object('id', 'log_' || id, 'timestamp', ${TS}, 'level', level, 'service', service,
  'message', message, 'request_id', request_id, 'user_id', user_id, 'queue', queue, 'job_id', job_id,
  'metadata', metadata)::text`;

/** The SELECT whose rows an export holds, formatted by Postgres (exported for the benchmark's psql baseline). @public (used by bench/logs/run.js through the build) */
export function logExportSelectSql(format: ExportFormat, filter: LogFilter): string {
  const from = `FROM app_logs ${buildLogWhere(filter, literalBinder)} ORDER BY timestamp DESC, id DESC`;
  switch (format) {
    case "csv":
      return `SELECT 'log_' || id AS id, ${TS} AS timestamp, level, ${neutral("service")} AS service,
                ${neutral("message")} AS message, ${neutral("request_id")} AS request_id,
                ${neutral("user_id")} AS user_id, ${neutral("queue")} AS queue, ${neutral("job_id")} AS job_id,
                metadata::text AS metadata ${from}`;
    case "json":
    case "ndjson":
      return `SELECT ${LOG_JSON_ROW} ${from}`;
    case "txt":
      return `SELECT ${TS} || ' ' || rpad(upper(level), 7) || ' [' || service || '] ' || message
                || coalesce(' request_id=' || request_id, '') || coalesce(' user_id=' || user_id, '')
                || coalesce(' queue=' || queue, '') || coalesce(' job_id=' || job_id, '')
                || CASE WHEN metadata = '{}'::jsonb THEN '' ELSE ' ' || metadata::text END ${from}`;
  }
}

/**
 * COPY options per format. JSON text never holds a raw control character
 * (Postgres escapes them), so CSV mode with \x01 as quote and \x02 as
 * delimiter passes each JSON value through untouched, one per line. Text mode
 * escapes newlines, tabs and backslashes, so a txt entry is always one line.
 */
export const COPY_OPTIONS: Record<ExportFormat, string> = {
  csv: "FORMAT csv, HEADER true",
  json: "FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02'",
  ndjson: "FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02'",
  txt: "FORMAT text",
};

/** Turns NDJSON lines into one JSON array: "[\n" + lines joined by ",\n" + "\n]\n". */
function ndjsonToArray(): Transform {
  let held = false; // a row's closing "\n" whose comma depends on whether another row follows
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      const parts: Buffer[] = [];
      if (!started) {
        parts.push(Buffer.from("[\n"));
        started = true;
      }
      if (held && chunk.length > 0) parts.push(Buffer.from(",\n"));
      held = false;
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] !== 0x0a) continue;
        parts.push(chunk.subarray(start, i));
        if (i === chunk.length - 1) held = true;
        else parts.push(Buffer.from(",\n"));
        start = i + 1;
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
      cb(null, Buffer.concat(parts));
    },
    flush(cb) {
      cb(null, Buffer.from(started ? (held ? "\n]\n" : "]\n") : "[]\n"));
    },
  });
}

/** Counts bytes, lines and the SHA-256 of what passes; reports lines every `everyMs`. */
export function tap(onLines: (lines: number) => void, everyMs: number) {
  const hash = createHash("sha256");
  let bytes = 0;
  let lines = 0;
  let last = Date.now();
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
      if (Date.now() - last >= everyMs) {
        last = Date.now();
        onLines(lines);
      }
      cb(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest("hex") }) };
}

export interface WriteLogExportOptions {
  pool: pg.Pool;
  store: FileStore;
  fileName: string;
  filter: LogFilter;
  format: ExportFormat;
  gzip: boolean;
  maxRows: number;
  /** Called with rows written so far (approximate for CSV with multi-line cells) and the total. */
  onProgress?: (rows: number, total: number) => void;
  /** ms between progress calls. @defaultValue 1000 */
  progressEveryMs?: number;
  /** Statement timeout for the count and the copy, ms. @defaultValue 600000 */
  timeoutMs?: number;
}

export interface WrittenExport {
  rowCount: number;
  sizeBytes: number;
  sha256: string;
}

export async function writeLogExport(o: WriteLogExportOptions): Promise<WrittenExport> {
  const where = buildLogWhere(o.filter, literalBinder);
  const select = logExportSelectSql(o.format, o.filter);
  const client = await o.pool.connect();
  const upload = o.store.create(o.fileName);
  let committed = false;
  let failed = false;
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(o.timeoutMs ?? 600_000))}`,
    );
    const counted = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM app_logs ${where} LIMIT ${o.maxRows + 1}) s`,
    );
    const total = counted.rows[0]?.n ?? 0;
    if (total > o.maxRows) throw new ExportTooLargeError(o.maxRows);
    o.onProgress?.(0, total);

    const header = o.format === "csv" ? 1 : 0;
    const t = tap(
      (lines) => o.onProgress?.(Math.min(total, Math.max(0, lines - header)), total),
      o.progressEveryMs ?? 1_000,
    );
    const copy = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (${COPY_OPTIONS[o.format]})`));
    const stages: NodeJS.ReadWriteStream[] = [];
    if (o.format === "json") stages.push(ndjsonToArray());
    if (o.gzip) stages.push(createGzip({ level: 6 }));
    await pipeline([copy, ...stages, t.stream, upload.stream]);
    await client.query("COMMIT");
    const { bytes, sha256 } = t.result();
    await upload.commit();
    committed = true;
    o.onProgress?.(copy.rowCount, total);
    return { rowCount: copy.rowCount, sizeBytes: bytes, sha256 };
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (!committed) await upload.abort().catch(() => undefined);
    // A connection left mid-COPY cannot be reused: destroy it instead of returning it to the pool.
    client.release(failed);
  }
}
