// The log_exports table: one row per export, its status, progress and file.
// Status moves queued → processing → completed | failed, and any of them →
// expired. Every write is keyed by the export id and idempotent, because a
// BullMQ job can run more than once.
import type pg from "pg";

import type { FileStore } from "../storage/fileStore";
import { removeThenMark } from "../storage/removeThenMark";
import type { ExportFormat } from "./exportStore";
import type { LogFilter } from "./filter";

type ExportStatus = "queued" | "processing" | "completed" | "failed" | "expired";

export interface LogExportRecord {
  id: string;
  ownerKeyId: string | null;
  status: ExportStatus;
  format: ExportFormat;
  gzip: boolean;
  filters: LogFilter;
  maxRows: number;
  rowsWritten: number;
  totalRows: number | null;
  rowCount: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  fileName: string | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  expiresAt: Date;
}

interface Row {
  id: string;
  owner_key_id: string | null;
  status: ExportStatus;
  format: ExportFormat;
  gzip: boolean;
  filters: LogFilter;
  max_rows: number;
  rows_written: string;
  total_rows: string | null;
  row_count: string | null;
  size_bytes: string | null;
  sha256: string | null;
  file_name: string | null;
  error: string | null;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  expires_at: Date;
}

const num = (v: string | null) => (v === null ? null : Number(v));

function toRecord(r: Row): LogExportRecord {
  return {
    id: r.id,
    ownerKeyId: r.owner_key_id,
    status: r.status,
    format: r.format,
    gzip: r.gzip,
    filters: r.filters,
    maxRows: r.max_rows,
    rowsWritten: Number(r.rows_written),
    totalRows: num(r.total_rows),
    rowCount: num(r.row_count),
    sizeBytes: num(r.size_bytes),
    sha256: r.sha256,
    fileName: r.file_name,
    error: r.error,
    attempts: r.attempts,
    createdAt: r.created_at,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    expiresAt: r.expires_at,
  };
}

export interface NewLogExport {
  id: string;
  ownerKeyId: string | null;
  format: ExportFormat;
  gzip: boolean;
  filters: LogFilter;
  maxRows: number;
  expiresAt: Date;
}

/**
 * Inserts the export unless its owner already has `maxActive` exports queued
 * or processing (checked under a per-owner lock, so two concurrent requests
 * cannot both slip under the limit). Returns null when over the limit.
 */
export async function createLogExport(
  pool: pg.Pool,
  e: NewLogExport,
  maxActive: number,
): Promise<LogExportRecord | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('opsdeck_log_exports:' || $1::text))", [
      e.ownerKeyId ?? "",
    ]);
    const active = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM log_exports
        WHERE owner_key_id IS NOT DISTINCT FROM $1 AND status IN ('queued', 'processing')`,
      [e.ownerKeyId],
    );
    if ((active.rows[0]?.n ?? 0) >= maxActive) {
      await client.query("ROLLBACK");
      return null;
    }
    const r = await client.query<Row>(
      `INSERT INTO log_exports (id, owner_key_id, format, gzip, filters, max_rows, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [e.id, e.ownerKeyId, e.format, e.gzip, JSON.stringify(e.filters), e.maxRows, e.expiresAt],
    );
    await client.query("COMMIT");
    return toRecord(r.rows[0]!);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function getLogExport(pool: pg.Pool, id: string): Promise<LogExportRecord | null> {
  const r = await pool.query<Row>(`SELECT * FROM log_exports WHERE id = $1`, [id]);
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

/** Newest first; `ownerKeyId` undefined lists everyone's (ops). */
export async function listLogExports(
  pool: pg.Pool,
  q: { ownerKeyId?: string | undefined; limit: number; offset: number },
): Promise<{ rows: LogExportRecord[]; total: number }> {
  const where = q.ownerKeyId === undefined ? "" : "WHERE owner_key_id = $3";
  const params: unknown[] = [q.limit, q.offset];
  if (q.ownerKeyId !== undefined) params.push(q.ownerKeyId);
  const [rows, count] = await Promise.all([
    pool.query<Row>(`SELECT * FROM log_exports ${where} ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`, params),
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM log_exports ${where.replace("$3", "$1")}`,
      q.ownerKeyId === undefined ? [] : [q.ownerKeyId],
    ),
  ]);
  return { rows: rows.rows.map(toRecord), total: count.rows[0]?.n ?? 0 };
}

/** Marks an attempt as started; returns null when the export is no longer runnable (completed, expired, gone). */
export async function startLogExport(pool: pg.Pool, id: string): Promise<LogExportRecord | null> {
  const r = await pool.query<Row>(
    `UPDATE log_exports
        SET status = 'processing', attempts = attempts + 1, started_at = now(), updated_at = now(),
            rows_written = 0, error = NULL
      WHERE id = $1 AND status IN ('queued', 'processing', 'failed') RETURNING *`,
    [id],
  );
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

export async function updateLogExportProgress(pool: pg.Pool, id: string, rows: number, total: number | null) {
  await pool.query(
    `UPDATE log_exports SET rows_written = $2, total_rows = COALESCE($3, total_rows), updated_at = now()
      WHERE id = $1 AND status = 'processing'`,
    [id, rows, total],
  );
}

export async function completeLogExport(
  pool: pg.Pool,
  id: string,
  r: { rowCount: number; sizeBytes: number; sha256: string; fileName: string },
): Promise<boolean> {
  // The lifetime chosen at creation (expires_at - created_at) counts from completion.
  const u = await pool.query(
    `UPDATE log_exports
        SET status = 'completed', row_count = $2, rows_written = $2, total_rows = $2, size_bytes = $3,
            sha256 = $4, file_name = $5, expires_at = now() + (expires_at - created_at),
            completed_at = now(), updated_at = now(), error = NULL
      WHERE id = $1 AND status = 'processing'`,
    [id, r.rowCount, r.sizeBytes, r.sha256, r.fileName],
  );
  return (u.rowCount ?? 0) > 0;
}

/** Records why an attempt failed; `final` marks the export failed, else it stays processing for the retry. */
export async function failLogExport(pool: pg.Pool, id: string, error: string, final: boolean): Promise<void> {
  await pool.query(
    `UPDATE log_exports SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
      WHERE id = $1 AND status IN ('queued', 'processing')`,
    [id, error.slice(0, 1_000), final],
  );
}

/** Exports expired per maintenance run at most; the rest wait for the next run. */
const EXPIRE_BATCH = 500;

/**
 * Expires exports past `expires_at` (the maintenance job calls this): each
 * export's files are deleted first and the row is marked expired only once
 * they are gone (removeThenMark), so a failed delete (storage unreachable)
 * leaves the row as it was and the next run tries again. An export that
 * completes meanwhile gets a fresh `expires_at`, so it is not marked. Returns
 * how many were expired and the ids whose files could not be deleted.
 */
export async function deleteExpiredExports(
  pool: pg.Pool,
  store: FileStore,
  now = new Date(),
): Promise<{ expired: number; failed: string[] }> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM log_exports WHERE expires_at <= $1 AND status <> 'expired' ORDER BY expires_at LIMIT $2`,
    [now, EXPIRE_BATCH],
  );
  const r = await removeThenMark(
    rows.map((row) => row.id),
    (id) => store.removeAll(id),
    async (id) => {
      const u = await pool.query(
        `UPDATE log_exports SET status = 'expired', updated_at = now()
          WHERE id = $1 AND expires_at <= $2 AND status <> 'expired'`,
        [id, now],
      );
      return (u.rowCount ?? 0) > 0;
    },
  );
  return { expired: r.marked.length, failed: r.failed.map((f) => f.item) };
}
