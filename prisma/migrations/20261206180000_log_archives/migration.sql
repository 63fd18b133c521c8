-- One row per day of application logs archived (or tried) before retention
-- drops its partition. `day` is the partition's UTC day, YYYY-MM-DD. A row
-- is 'archived' only once the file was written and read back whole (row count
-- and SHA-256); 'failed' keeps the partition and says why, and the next
-- maintenance run tries again.
CREATE TABLE "log_archives" (
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "file_name" TEXT,
    "row_count" BIGINT,
    "size_bytes" BIGINT,
    "sha256" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "log_archives_pkey" PRIMARY KEY ("day"),
    CONSTRAINT "log_archives_day_check" CHECK ("day" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    CONSTRAINT "log_archives_status_check" CHECK ("status" IN ('archived', 'failed'))
);
