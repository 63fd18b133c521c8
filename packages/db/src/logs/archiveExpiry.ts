// Expiry of log archives (the worker's LOG_ARCHIVE_RETENTION_DAYS, when set):
// an archive whose day is older than the retention has its file deleted from
// the store first, and only then is its row marked 'expired' (removeThenMark,
// as exports expire). A delete that fails leaves the row 'archived', still
// listed and downloadable, and the next hourly run tries again; nothing is
// orphaned. The row is kept rather than deleted: it records that the day was
// archived (row count, SHA-256) and when its file was deleted, and lets a
// download of it say that it expired. The API no longer lists it.
import type pg from "pg";

import type { FileStore } from "../storage/fileStore";
import { removeThenMark } from "../storage/removeThenMark";
import { withArchiveLock } from "./archiveLock";

/** Archives expired per run at most (one delete request each); the rest wait for the next hourly run. */
const EXPIRE_BATCH = 200;

const DAY_MS = 86_400_000;

export interface ArchiveExpiryRun {
  /** Days whose files were deleted and whose rows are now 'expired'. */
  expired: string[];
  /** Days whose files could not be deleted: rows unchanged, retried next run. */
  failed: { day: string; err: unknown }[];
}

/**
 * Expires the archives whose day is older than `retentionDays` (day D
 * expires once D < today - retentionDays, UTC, as log partitions do), oldest
 * first, at most EXPIRE_BATCH per call. Holds the archiver's lock, so it never
 * runs beside an archiver or another expiry; a call that finds the lock taken
 * does nothing.
 */
export async function expireLogArchives(
  pool: pg.Pool,
  store: FileStore,
  retentionDays: number,
): Promise<ArchiveExpiryRun> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new Error("retentionDays must be a whole number ≥ 1");
  const cutoff = new Date(Date.now() - retentionDays * DAY_MS).toISOString().slice(0, 10);
  const run: ArchiveExpiryRun = { expired: [], failed: [] };
  await withArchiveLock(pool, async () => {
    // `day` is YYYY-MM-DD text, so it compares as dates do.
    const { rows } = await pool.query<{ day: string; file_name: string | null }>(
      `SELECT day, file_name FROM log_archives WHERE status = 'archived' AND day < $1 ORDER BY day LIMIT $2`,
      [cutoff, EXPIRE_BATCH],
    );
    const r = await removeThenMark(
      rows,
      async (a) => {
        // An archived row always names its file; without one there is nothing to delete.
        if (a.file_name) await store.remove(a.file_name);
      },
      async (a) => {
        const u = await pool.query(
          `UPDATE log_archives SET status = 'expired', expired_at = now(), updated_at = now()
            WHERE day = $1 AND status = 'archived'`,
          [a.day],
        );
        return (u.rowCount ?? 0) > 0;
      },
    );
    run.expired = r.marked.map((a) => a.day);
    run.failed = r.failed.map((f) => ({ day: f.item.day, err: f.err }));
  });
  return run;
}
