-- GET /jobs?q= finds a job by its exact id (through the (queue, job_id) key,
-- one probe per recorded queue) and by any fragment of its name or payload
-- (this trigram index). Job ids leave the trigram index: unique per row, they
-- were about a third of each record's index entries and ~20 % of a record
-- insert's Postgres CPU on the worker's write-back path (measured with
-- bench/queues/recordInserts.js), for matching fragments of ids, which ops do
-- not search for — they paste an id. The stored `search_text` copy of every
-- payload goes too: the index is built on an expression, so the text is not
-- kept twice.
--
-- search.ts must call job_record_search_text(name, payload) with the same
-- arguments for the planner to use the index; it is IMMUTABLE for that reason
-- (jsonb's text form depends on nothing but the value).
CREATE FUNCTION job_record_search_text(name TEXT, payload JSONB) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- Capped so one huge payload cannot bloat the index (characters).
    RETURN left(name || ' ' || coalesce(payload::text, ''), 4000);

DROP INDEX "job_records_search_text_trgm_idx";
ALTER TABLE "job_records" DROP COLUMN "search_text";
CREATE INDEX "job_records_search_trgm_idx" ON "job_records" USING GIN (job_record_search_text("name", "payload") gin_trgm_ops);
