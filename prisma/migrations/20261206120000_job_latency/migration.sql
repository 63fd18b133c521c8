-- Job latency histograms: wait time (created -> processed) and processing
-- time (processed -> finished) of finished jobs, per queue and job name, at
-- minute, hour and day granularity. Percentiles cannot be merged from
-- percentiles or averages, so each row keeps a histogram: counts in fixed
-- log-spaced buckets of milliseconds (8 per doubling, bucket i holding
-- (2^((i-1)/8), 2^(i/8)] ms; the scheme is defined in
-- packages/db/src/metrics/latencyHistogram.ts). A histogram is an integer
-- array whose subscript is the bucket index + 1, trimmed to the span from
-- its first to its last non-empty bucket (Postgres arrays may start at any
-- subscript): a row holds and a sum walks only the buckets the row uses, not
-- the empty ones below them (a 100 ms job is in bucket 54). Hours and days are the
-- elementwise sums of their minutes and hours, so their percentiles carry
-- the same error bound as a minute's.
--
-- Names are bounded per (queue, bucket): the most frequent names keep their
-- own row and the rest are summed into one '(other)' row.
CREATE TABLE "job_latency_metrics" (
    "granularity"       TEXT             NOT NULL CHECK ("granularity" IN ('minute', 'hour', 'day')),
    "bucket"            TIMESTAMPTZ(3)   NOT NULL,
    "queue"             TEXT             NOT NULL,
    "name"              TEXT             NOT NULL,
    "jobs"              INTEGER          NOT NULL,
    "wait_sum_ms"       DOUBLE PRECISION NOT NULL,
    "processing_sum_ms" DOUBLE PRECISION NOT NULL,
    "wait_hist"         INTEGER[]        NOT NULL,
    "processing_hist"   INTEGER[]        NOT NULL,
    CONSTRAINT "job_latency_metrics_pkey" PRIMARY KEY ("granularity", "queue", "name", "bucket")
);
CREATE INDEX "job_latency_metrics_granularity_bucket_idx" ON "job_latency_metrics"("granularity", "bucket");

-- Per queue, the histograms of every hour compacted so far (up to `through`,
-- exclusive), so the Prometheus histograms can be these totals plus the
-- minute rows after `through`: cumulative, never going backwards, and the same
-- on every API replica. NUMERIC so years of a busy queue cannot overflow.
CREATE TABLE "job_latency_totals" (
    "queue"             TEXT             NOT NULL,
    "through"           TIMESTAMPTZ(3)   NOT NULL,
    "jobs"              BIGINT           NOT NULL,
    "wait_sum_ms"       DOUBLE PRECISION NOT NULL,
    "processing_sum_ms" DOUBLE PRECISION NOT NULL,
    "wait_hist"         NUMERIC[]        NOT NULL,
    "processing_hist"   NUMERIC[]        NOT NULL,
    "updated_at"        TIMESTAMPTZ(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_latency_totals_pkey" PRIMARY KEY ("queue")
);

-- Adds b into a, elementwise by subscript; the array grows to cover both
-- spans, and subscripts between the two spans are left NULL (they are
-- filled with 0 by latency_hist_fill). NULL is the empty histogram.
CREATE FUNCTION "latency_hist_accumulate"(a anycompatiblearray, b anycompatiblearray)
RETURNS anycompatiblearray LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF a IS NULL OR cardinality(a) = 0 THEN RETURN b; END IF;
  IF b IS NULL OR cardinality(b) = 0 THEN RETURN a; END IF;
  FOR i IN array_lower(b, 1) .. array_upper(b, 1) LOOP
    a[i] := COALESCE(a[i], 0) + b[i];
  END LOOP;
  RETURN a;
END
$$;

CREATE FUNCTION "latency_hist_fill"(h anycompatiblearray)
RETURNS anycompatiblearray LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_replace(h, NULL, 0)
$$;

-- latency_hist_sum(hist): the elementwise sum of a group's histograms.
CREATE AGGREGATE "latency_hist_sum"(anycompatiblearray) (
    SFUNC = "latency_hist_accumulate",
    STYPE = anycompatiblearray,
    FINALFUNC = "latency_hist_fill",
    PARALLEL = SAFE
);

-- latency_hist_add(a, b): the elementwise sum of two histograms. The result
-- has the type both coerce to, so INTEGER[] rows add into NUMERIC[] totals.
CREATE FUNCTION "latency_hist_add"(a anycompatiblearray, b anycompatiblearray)
RETURNS anycompatiblearray LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT latency_hist_fill(latency_hist_accumulate(a, b))
$$;

-- The same histogram with subscripts from 1 (bucket 0), zeros before its
-- span: what readers outside SQL get, since array text drops the subscripts.
CREATE FUNCTION "latency_hist_dense"(h anycompatiblearray)
RETURNS anycompatiblearray LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN array_lower(h, 1) > 1 THEN array_fill(0, ARRAY[array_lower(h, 1) - 1]) || h ELSE h END
$$;
