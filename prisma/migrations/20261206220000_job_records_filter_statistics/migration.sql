-- Job search asks the planner how many records a filter matches before it
-- counts them, and skips the count where the estimate is ten times the
-- exact-count cap or more (packages/db/src/cappedCount.ts). Two things made
-- those estimates poor enough to matter:
--
-- Queue, status and job name are filtered together and are far from
-- independent (a queue has its own job names and its own failure rate);
-- multiplied as if they were, the estimate of `queue = … AND status = 'failed'`
-- can be several times too low, and a broad search then runs the count it did
-- not need. Multi-column statistics (their most common combinations and
-- functional dependencies, kept by ANALYZE and autovacuum) give the planner
-- the combined frequency.
CREATE STATISTICS IF NOT EXISTS job_records_queue_status_name_stats (mcv, dependencies)
  ON queue, status, name FROM job_records;

-- A payload filter (`payload @> …`) is estimated by testing it against the
-- column's sampled values: with the default 100 samples a field value held by
-- 1 record in 50 was estimated anywhere from 0.5 to 1.5 times its share from one
-- ANALYZE to the next (measured on 1,000,000 records), with 1,000 within about
-- a fifth. The price: ANALYZE of this table samples 300,000 rows (about 6 s at
-- 1,000,000 records, in autovacuum), and planning a payload filter takes about
-- 1.5 ms more.
ALTER TABLE job_records ALTER COLUMN payload SET STATISTICS 1000;
