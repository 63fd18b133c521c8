// Log archives: before retention drops a day's partition, its rows are
// written as NDJSON gzip (one JSON object per line, as the ndjson export
// writes them, oldest first) to the configured storage, read back and checked
// (row count and SHA-256 of the stored bytes), recorded in log_archives, and
// only then is the partition dropped. A failed archive keeps its partition,
// is recorded as failed with a short reason, and is tried again next run.
import { createHash } from "node:crypto";
import { Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

import type { FileStore } from "../storage/fileStore";
import { withArchiveLock } from "./archiveLock";
import { COPY_OPTIONS, LOG_JSON_ROW, tap } from "./exportFile";
import { dropLogPartition, expiredLogPartitions } from "./partitions";

/** 'expired': the file was deleted after LOG_ARCHIVE_RETENTION_DAYS (archiveExpiry.ts); the row is kept as the record. */
type LogArchiveStatus = "archived" | "failed" | "expired";

export interface LogArchiveRecord {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  status: LogArchiveStatus;
  fileName: string | null;
  rowCount: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
  attempts: number;
  archivedAt: Date | null;
  /** When the file was deleted from the store (status expired). */
  expiredAt: Date | null;
  updatedAt: Date;
}

interface Row {
  day: string;
  status: LogArchiveStatus;
  file_name: string | null;
  row_count: string | null;
  size_bytes: string | null;
  sha256: string | null;
  error: string | null;
  attempts: number;
  archived_at: Date | null;
  expired_at: Date | null;
  updated_at: Date;
}

const toRecord = (r: Row): LogArchiveRecord => ({
  day: r.day,
  status: r.status,
  fileName: r.file_name,
  rowCount: r.row_count === null ? null : Number(r.row_count),
  sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  sha256: r.sha256,
  error: r.error,
  attempts: r.attempts,
  archivedAt: r.archived_at,
  expiredAt: r.expired_at,
  updatedAt: r.updated_at,
});

/** Statement timeout of one partition's count and copy, ms (a day of logs can be millions of rows). */
const ARCHIVE_TIMEOUT_MS = 3_600_000;

/** app_logs_p20261101 → { day: "2026-11-01", fileName: "log_archive_20261101.ndjson.gz" }. */
function namesOf(partition: string): { day: string; fileName: string } {
  const m = /^app_logs_p([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(partition);
  if (!m) throw new Error("not a log partition name");
  return { day: `${m[1]}-${m[2]}-${m[3]}`, fileName: `log_archive_${m[1]}${m[2]}${m[3]}.ndjson.gz` };
}

class ArchiveVerificationError extends Error {
  constructor(what: string) {
    super(`the archive read back does not match what was written: ${what}`);
    this.name = "ArchiveVerificationError";
  }
}

/** Streams the partition's rows into the store; returns what was counted in the same snapshot and written. */
async function writeArchive(pool: pg.Pool, store: FileStore, partition: string, fileName: string) {
  const client = await pool.connect();
  const upload = store.create(fileName);
  let committed = false;
  let failed = false;
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${ARCHIVE_TIMEOUT_MS}`,
    );
    const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${partition}"`);
    const rows = Number(counted.rows[0]?.n ?? 0);
    const t = tap(() => undefined, ARCHIVE_TIMEOUT_MS);
    const copy = client.query(
      copyTo(
        `COPY (SELECT ${LOG_JSON_ROW} FROM "${partition}" ORDER BY timestamp, id) TO STDOUT WITH (${COPY_OPTIONS.ndjson})`,
      ),
    );
    await pipeline([copy, createGzip({ level: 6 }), t.stream, upload.stream]);
    await client.query("COMMIT");
    await upload.commit();
    committed = true;
    if (copy.rowCount !== rows) throw new ArchiveVerificationError(`copied ${copy.rowCount} of ${rows} rows`);
    return { rows, ...t.result() };
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (!committed) await upload.abort().catch(() => undefined);
    client.release(failed);
  }
}

/** Reads the stored file back: its size and SHA-256, and the lines of its decompressed content. */
async function readBack(store: FileStore, fileName: string) {
  const file = await store.open(fileName);
  if (!file) throw new ArchiveVerificationError("the file is missing");
  const hash = createHash("sha256");
  let bytes = 0;
  let lines = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  const counting = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
      cb();
    },
  });
  await pipeline([file.stream, hashing, createGunzip(), counting]);
  return { bytes, sha256: hash.digest("hex"), lines };
}

async function record(pool: pg.Pool, day: string, r: Partial<Row> & { status: Row["status"] }): Promise<void> {
  await pool.query(
    `INSERT INTO log_archives (day, status, file_name, row_count, size_bytes, sha256, error, attempts, archived_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, CASE WHEN $2 = 'archived' THEN now() END, now())
     ON CONFLICT (day) DO UPDATE SET status = $2, file_name = COALESCE($3, log_archives.file_name),
       row_count = COALESCE($4, log_archives.row_count), size_bytes = COALESCE($5, log_archives.size_bytes),
       sha256 = COALESCE($6, log_archives.sha256), error = $7, attempts = log_archives.attempts + 1,
       archived_at = CASE WHEN $2 = 'archived' THEN now() ELSE log_archives.archived_at END, expired_at = NULL,
       updated_at = now()`,
    [day, r.status, r.file_name ?? null, r.row_count ?? null, r.size_bytes ?? null, r.sha256 ?? null, r.error ?? null],
  );
}

/** What an archive failure is recorded as: no paths, SQL or endpoints, at most a short code. */
function reasonOf(err: unknown): string {
  if (err instanceof ArchiveVerificationError) return err.message;
  const code = (err as { code?: unknown; name?: unknown } | null)?.code ?? (err as { name?: unknown } | null)?.name;
  const known = typeof code === "string" && /^[A-Za-z0-9_]{1,32}$/.test(code);
  return `archive failed${known ? ` (${code})` : ""}; the partition is kept and retried next run`;
}

export interface ArchiveRun {
  archived: string[];
  dropped: string[];
  failed: { day: string; reason: string; err: unknown }[];
}

/**
 * Archives, verifies and then drops every partition past `retentionDays`
 * (the hourly maintenance step). Idempotent: an archive already recorded
 * is written again (same name, same rows) if its partition is still there,
 * which happens only when a run stopped between recording and dropping.
 */
export async function archiveExpiredLogPartitions(
  pool: pg.Pool,
  store: FileStore,
  retentionDays: number,
): Promise<ArchiveRun> {
  const run: ArchiveRun = { archived: [], dropped: [], failed: [] };
  // One archiver at a time (archiveLock.ts); a runner that finds the lock taken does nothing.
  await withArchiveLock(pool, async () => {
    for (const partition of await expiredLogPartitions(pool, retentionDays)) {
      if (await archiveOne(pool, store, partition, run)) {
        await dropLogPartition(pool, partition);
        run.dropped.push(partition);
      }
    }
  });
  return run;
}

/** Writes, reads back and records one partition's archive; false (recorded as failed) when any of it failed. */
async function archiveOne(pool: pg.Pool, store: FileStore, partition: string, run: ArchiveRun): Promise<boolean> {
  const { day, fileName } = namesOf(partition);
  try {
    const written = await writeArchive(pool, store, partition, fileName);
    const back = await readBack(store, fileName);
    if (back.sha256 !== written.sha256 || back.bytes !== written.bytes) {
      throw new ArchiveVerificationError("SHA-256 or size differs");
    }
    if (back.lines !== written.rows) throw new ArchiveVerificationError(`${back.lines} lines for ${written.rows} rows`);
    await record(pool, day, {
      status: "archived",
      file_name: fileName,
      row_count: String(written.rows),
      size_bytes: String(written.bytes),
      sha256: written.sha256,
    });
    run.archived.push(day);
    return true;
  } catch (err) {
    const reason = reasonOf(err);
    run.failed.push({ day, reason, err });
    await record(pool, day, { status: "failed", error: reason }).catch(() => undefined);
    return false;
  }
}

/** Days whose last archive attempt failed (their partitions are kept): the API's gauge. */
export async function countFailedLogArchives(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM log_archives WHERE status = 'failed'`);
  return r.rows[0]?.n ?? 0;
}

/** The archives the API lists: archived or failed days, not expired ones (their files are gone). */
export async function listLogArchives(
  pool: pg.Pool,
  o: { limit: number; offset: number },
): Promise<{ rows: (LogArchiveRecord & { status: "archived" | "failed" })[]; total: number }> {
  const [rows, total] = await Promise.all([
    pool.query<Row & { status: "archived" | "failed" }>(
      `SELECT * FROM log_archives WHERE status <> 'expired' ORDER BY day DESC LIMIT $1 OFFSET $2`,
      [o.limit, o.offset],
    ),
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM log_archives WHERE status <> 'expired'`),
  ]);
  return { rows: rows.rows.map((r) => ({ ...toRecord(r), status: r.status })), total: Number(total.rows[0]?.n ?? 0) };
}

export async function getLogArchive(pool: pg.Pool, day: string): Promise<LogArchiveRecord | null> {
  const r = await pool.query<Row>(`SELECT * FROM log_archives WHERE day = $1`, [day]);
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}
