// Log export processor: streams the export's rows
// from Postgres straight to a temporary file (COPY, constant memory), reports
// progress, then renames the file into place and records row count, size and
// SHA-256. Each attempt starts from scratch: leftovers of a crashed attempt
// are deleted first, and the export is marked completed only after the file
// is complete, so a half file is never served.
import type { LogExportPayload } from "@opsdeck/core";
import { coerceError } from "@opsdeck/core";
import {
  completeLogExport,
  createLocalExportStore,
  exportFileName,
  ExportTooLargeError,
  failLogExport,
  isExportId,
  startLogExport,
  updateLogExportProgress,
  writeLogExport,
} from "@opsdeck/db";
import { UnrecoverableError } from "bullmq";

import type { Processor } from "./types";

/** ms between two progress writes (database row and job progress). */
const PROGRESS_EVERY_MS = 1_000;

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
    const store = createLocalExportStore(ctx.config.EXPORT_DIR);
    await store.removeAll(id);
    const written = await writeLogExport({
      pool,
      store,
      fileName,
      filter: record.filters,
      format: record.format,
      gzip: record.gzip,
      maxRows: record.maxRows,
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
    const permanent = err instanceof ExportTooLargeError;
    const reason = permanent ? err.message : `export failed: ${coerceError(err).message}`;
    await failLogExport(pool, id, reason, permanent || lastAttempt);
    if (permanent) throw new UnrecoverableError(reason);
    throw err;
  }
};
