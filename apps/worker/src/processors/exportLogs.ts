// Log export processor: streams the export's rows
// from Postgres straight into the configured storage (COPY, constant memory:
// a temporary file, or a multipart upload), reports progress, then commits the file and records row count, size and
// SHA-256. Each attempt starts from scratch: leftovers of a crashed attempt
// are deleted first, and the export is marked completed only after the file
// is complete, so a half file is never served. The count and the copy run
// under LOG_EXPORT_TIMEOUT_MS. A failure is recorded in words the export's
// owner can act on, never the error's own text (which can hold SQL, paths or
// internals): the full error goes to the worker's log.
import type { LogExportPayload } from "@opsdeck/core";
import {
  completeLogExport,
  exportFileName,
  ExportTooLargeError,
  failLogExport,
  fileStoreFor,
  isExportId,
  pgErrorKind,
  startLogExport,
  updateLogExportProgress,
  writeLogExport,
} from "@opsdeck/db";
import { UnrecoverableError } from "bullmq";

import type { Processor } from "./types";

/** ms between two progress writes (database row and job progress). */
const PROGRESS_EVERY_MS = 1_000;

/** What the owner is told about a failed attempt, and whether another attempt could do better. */
function failure(err: unknown, timeoutMs: number): { reason: string; permanent: boolean } {
  if (err instanceof ExportTooLargeError) return { reason: err.message, permanent: true };
  switch (pgErrorKind(err)) {
    case "timeout":
      return {
        reason: `the export ran longer than ${timeoutMs} ms and was stopped; narrow the time window or add filters`,
        permanent: true,
      };
    case "invalid_regex":
      return { reason: "the regular expression is not valid", permanent: true };
    case "unavailable":
      return { reason: "export failed: the database was unavailable", permanent: false };
    default: {
      // A short code (an errno such as ENOSPC, a SQLSTATE) helps whoever reads the worker's log; nothing more.
      const code = (err as { code?: unknown } | null)?.code;
      const known = typeof code === "string" && /^[A-Z0-9_]{1,16}$/.test(code);
      return { reason: `export failed: internal error${known ? ` (${code})` : ""}`, permanent: false };
    }
  }
}

export const exportLogs: Processor<LogExportPayload> = async (job, payload, ctx) => {
  const id = payload.export_id;
  const { pool } = ctx.db;
  if (!isExportId(id)) throw new UnrecoverableError(`'${id.slice(0, 64)}' is not an export id`);
  const record = await startLogExport(pool, id);
  if (!record) {
    // Completed, expired or deleted meanwhile (a duplicate run): nothing to do.
    ctx.log.info("log export not runnable; skipping", { export_id: id });
    return { skipped: true };
  }
  const fileName = exportFileName(id, record.format, record.gzip);
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    const store = fileStoreFor(ctx.config);
    await store.removeAll(id);
    const written = await writeLogExport({
      pool,
      store,
      fileName,
      filter: record.filters,
      format: record.format,
      gzip: record.gzip,
      maxRows: record.maxRows,
      timeoutMs: ctx.config.LOG_EXPORT_TIMEOUT_MS,
      progressEveryMs: PROGRESS_EVERY_MS,
      onProgress: (rows, total) => {
        const percent = total > 0 ? Math.round((rows / total) * 1000) / 10 : 100;
        // Progress is advisory: a failed write must not fail the export.
        void Promise.all([updateLogExportProgress(pool, id, rows, total), job.updateProgress({ rows, percent })]).catch(
          (err: unknown) => ctx.log.warn("export progress update failed", { err, export_id: id }),
        );
      },
    });
    if (!(await completeLogExport(pool, id, { ...written, fileName }))) {
      // Expired or removed while we wrote it: the file must not outlive its record.
      await store.remove(fileName);
      return { skipped: true };
    }
    ctx.log.info("log export completed", { export_id: id, rows: written.rowCount, bytes: written.sizeBytes });
    return { export_id: id, row_count: written.rowCount, size_bytes: written.sizeBytes, sha256: written.sha256 };
  } catch (err) {
    const { reason, permanent } = failure(err, ctx.config.LOG_EXPORT_TIMEOUT_MS);
    ctx.log.warn("log export attempt failed", { export_id: id, reason, err });
    await failLogExport(pool, id, reason, permanent || lastAttempt);
    if (permanent) throw new UnrecoverableError(reason);
    throw err;
  }
};
