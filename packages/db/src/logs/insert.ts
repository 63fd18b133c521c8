// Batched ingestion of application logs: one INSERT … SELECT FROM unnest()
// per batch (one round trip, nine bind parameters whatever the batch size).
// A row whose day has no partition yet (the maintenance job has not run, or a
// shipped log is back-dated) makes Postgres refuse the batch; we then create
// the partitions the batch needs and retry once.
import type { LogLevel } from "@opsdeck/core";
import type pg from "pg";

import { pgErrorKind } from "../errors";
import { ensureLogPartitionsBetween } from "./partitions";

export interface AppLogEntry {
  timestamp: Date;
  level: LogLevel;
  service: string;
  message: string;
  requestId?: string | null | undefined;
  userId?: string | null | undefined;
  /** The BullMQ queue and job id the line was logged for (a worker's per-job logger). */
  queue?: string | null | undefined;
  jobId?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
}

const INSERT = `INSERT INTO app_logs (timestamp, level, service, message, request_id, user_id, metadata, queue, job_id)
  SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[],
                       $8::text[], $9::text[])`;

/** Inserts `rows`; returns how many. */
export async function insertAppLogs(pool: pg.Pool, rows: AppLogEntry[]): Promise<number> {
  if (rows.length === 0) return 0;
  const params = [
    rows.map((r) => r.timestamp),
    rows.map((r) => r.level),
    rows.map((r) => r.service),
    // Postgres text cannot hold NUL; replace it rather than lose the line.
    rows.map((r) => r.message.replace(/\0/g, "\uFFFD")),
    rows.map((r) => r.requestId ?? null),
    rows.map((r) => r.userId ?? null),
    rows.map((r) => JSON.stringify(r.metadata ?? {}).replace(/\\u0000/g, "\\uFFFD")),
    rows.map((r) => r.queue ?? null),
    rows.map((r) => r.jobId ?? null),
  ];
  try {
    await pool.query(INSERT, params);
  } catch (err) {
    if (pgErrorKind(err) !== "missing_partition") throw err;
    let min = Infinity;
    let max = -Infinity;
    for (const r of rows) {
      min = Math.min(min, r.timestamp.getTime());
      max = Math.max(max, r.timestamp.getTime());
    }
    await ensureLogPartitionsBetween(pool, new Date(min), new Date(max));
    await pool.query(INSERT, params);
  }
  return rows.length;
}
