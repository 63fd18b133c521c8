-- GET /audit filters by exact target, by target prefix (target_prefix, and
-- queue=, which is queue:<name> or a job:<name>/ or scheduler:<name>/ prefix),
-- newest first. text_pattern_ops lets a LIKE 'prefix%' use the index whatever
-- the database's collation; equality uses it too.
CREATE INDEX "audit_events_target_timestamp_idx" ON "audit_events" ("target" text_pattern_ops, "timestamp" DESC);
