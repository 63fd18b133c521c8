-- The unique index on (queue, job_id, attempt, event) already serves lookups by
-- (queue, job_id) as its prefix; the second index only cost every event insert
-- (about 35 % of job_events insert CPU, measured with bench/queues/worker.js).
DROP INDEX IF EXISTS "job_events_queue_job_id_idx";
