-- Archives expire after LOG_ARCHIVE_RETENTION_DAYS (when set): the worker
-- deletes the file from the store first and only then marks the row
-- 'expired' with the time, so a failed delete leaves the row 'archived' and
-- the next run tries again. The row stays as the record of what was archived
-- (row count, SHA-256) and when its file was deleted; the API no longer lists
-- it, and a download of it is a 404 that says it expired.
ALTER TABLE "log_archives" DROP CONSTRAINT "log_archives_status_check";
ALTER TABLE "log_archives" ADD CONSTRAINT "log_archives_status_check" CHECK ("status" IN ('archived', 'failed', 'expired'));
ALTER TABLE "log_archives" ADD COLUMN "expired_at" TIMESTAMPTZ(3);
