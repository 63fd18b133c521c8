// The one lock every writer of log archives takes: the archiver (archive.ts)
// and archive expiry (archiveExpiry.ts). A maintenance tick can run twice at
// once (two workers); without it, a second archiver could see a partition the
// first drops mid-copy and record that day as failed, and expiry could delete
// a file the archiver is writing again. It is a session-level advisory lock on
// a connection of its own, released when `fn` ends.
import type pg from "pg";

/** The advisory lock's key (an arbitrary constant of this project's). */
const ARCHIVE_LOCK = 7_310_442_001;

/** Runs `fn` holding the lock; does nothing when another runner holds it. */
export async function withArchiveLock(pool: pg.Pool, fn: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  let locked = false;
  try {
    locked = (await lock.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1) AS ok`, [ARCHIVE_LOCK])).rows[0]!.ok;
    if (locked) await fn();
  } finally {
    if (locked) await lock.query(`SELECT pg_advisory_unlock($1)`, [ARCHIVE_LOCK]).catch(() => undefined);
    lock.release();
  }
}
