-- A job's log lines: the worker's per-job child logger carries the job's
-- queue and id, stored in columns of their own so a job's timeline and the
-- log search's queue= / job_id= filters read an index, not the metadata.
-- Added on the partitioned parent, so every daily partition (existing and
-- future) gets the columns and the index. Nullable, no default: adding them
-- rewrites nothing.
ALTER TABLE "app_logs" ADD COLUMN "queue" TEXT, ADD COLUMN "job_id" TEXT;
CREATE INDEX "app_logs_queue_job_id_idx" ON "app_logs" ("queue", "job_id", "timestamp") WHERE "queue" IS NOT NULL;
