// The job latency histogram: counts of jobs in fixed, log-spaced millisecond
// buckets, 8 per doubling. Bucket 0 holds 0–1 ms; bucket i (1..256) holds
// (2^((i-1)/8), 2^(i/8)] ms; bucket 257 holds everything over 2^32 ms
// (49.7 days). Here a histogram is an array of counts indexed by bucket; in
// Postgres it is stored trimmed to its non-empty span, at subscripts bucket
// + 1 (20261206120000_job_latency). Histograms of the same scheme merge by
// elementwise addition (latency_hist_sum in SQL), so an hour's or a day's
// percentiles are as good as a minute's.
//
// Error bound: a percentile is reported as the geometric middle of the
// integer milliseconds its bucket can hold. Every value in bucket i lies
// within a factor 2^(1/8) of every other, so the estimate is within
// 2^(1/16) - 1 ≈ 4.43 % of the exact (nearest-rank) percentile, and exact
// where a bucket holds one whole ms (every time from 2 to 14 ms); 0–1 ms
// reads as 0.5 ms (±0.5 ms). Times over 2^32 ms read as 2^32 + 1 ms.
//
// Stored rows depend on this scheme: changing it needs a migration of the data.

/** Buckets per doubling of the time. */
const PER_DOUBLING = 8;
/** Index of the last regular bucket (upper bound 2^32 ms); the one after it is the overflow. */
const LAST = 32 * PER_DOUBLING;
/** Number of buckets, overflow included. */
export const LATENCY_BUCKETS = LAST + 2;

/** floor(2^(i/8)) for i in 0..LAST, exactly (integer 8th roots by bisection on BigInt). */
function integerUpperBounds(): number[] {
  const out: number[] = [];
  for (let i = 0; i <= LAST; i++) {
    const target = 2n ** BigInt(i);
    let lo = 1n;
    let hi = 2n ** 33n;
    while (lo < hi) {
      const mid = (lo + hi + 1n) / 2n;
      if (mid ** BigInt(PER_DOUBLING) <= target) lo = mid;
      else hi = mid - 1n;
    }
    out.push(Number(lo));
  }
  return out;
}

/** The largest whole ms each regular bucket holds: a duration d (ms, whole) is in the first bucket i with d <= UPPER[i]. */
const UPPER = integerUpperBounds();

/**
 * Lower bounds of buckets 1..257 for SQL width_bucket(ms, bounds), which returns 0 below the first and
 * i when bounds[i] <= ms < bounds[i+1]: bucket i starts one past bucket i-1's largest whole ms.
 */
export const LATENCY_BUCKET_LOWER_BOUNDS: readonly number[] = UPPER.map((u) => u + 1);

/** The value a bucket reports (ms): the geometric middle of the whole ms it can hold. */
function bucketEstimate(i: number): number {
  if (i <= 0) return 0.5;
  if (i > LAST) return (UPPER[LAST] as number) + 1; // a lower bound: the overflow has no top
  const lo = (UPPER[i - 1] as number) + 1;
  const hi = UPPER[i] as number;
  return Math.sqrt(lo * Math.max(lo, hi));
}

/** Whole ms → bucket index (the same as the SQL width_bucket over LATENCY_BUCKET_LOWER_BOUNDS). */
export function latencyBucketOf(ms: number): number {
  let lo = 0;
  let hi = LATENCY_BUCKET_LOWER_BOUNDS.length;
  // The number of lower bounds <= ms.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((LATENCY_BUCKET_LOWER_BOUNDS[mid] as number) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Upper bound (ms, inclusive) of bucket i, for cumulative ("le") counts; Infinity for the overflow. */
export function latencyBucketUpperMs(i: number): number {
  return i > LAST ? Infinity : (UPPER[i] as number);
}

/**
 * Nearest-rank percentile (p in (0, 1]) of a histogram: the estimate of the bucket holding the
 * ceil(p·n)-th smallest job. Null when the histogram is empty.
 */
export function histogramPercentile(hist: readonly number[], p: number): number | null {
  const n = hist.reduce((a, c) => a + c, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i] as number;
    if (seen >= rank) return bucketEstimate(i);
  }
  return bucketEstimate(hist.length - 1);
}

export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** p50, p95 and p99 of a histogram, ms (two decimals); null when it is empty. */
export function latencyPercentiles(hist: readonly number[]): LatencyPercentiles {
  return {
    p50: round2(histogramPercentile(hist, 0.5)),
    p95: round2(histogramPercentile(hist, 0.95)),
    p99: round2(histogramPercentile(hist, 0.99)),
  };
}

/** Elementwise sum (the JS twin of latency_hist_sum). */
export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  const out = a.length >= b.length ? [...a] : [...b];
  const other = a.length >= b.length ? b : a;
  for (let i = 0; i < other.length; i++) out[i] = (out[i] as number) + (other[i] as number);
  return out;
}
