// Rollup granularities: bucket sizes, how buckets are aligned (UTC) and how
// long each is kept. A bucket is named by its start.
export type Granularity = "minute" | "hour" | "day";

/** Bucket length, ms. */
export const BUCKET_MS: Record<Granularity, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Default retention per granularity, ms: minutes 48 h, hours 35 days, days 400 days. */
export const DEFAULT_RETENTION_MS: Record<Granularity, number> = {
  minute: 48 * 3_600_000,
  hour: 35 * 86_400_000,
  day: 400 * 86_400_000,
};

/** Start of the bucket holding `t` (UTC; every bucket size divides a day evenly). */
export function floorBucket(t: Date | number, g: Granularity): Date {
  const ms = typeof t === "number" ? t : t.getTime();
  return new Date(ms - (ms % BUCKET_MS[g]));
}

export function addBuckets(t: Date, g: Granularity, n: number): Date {
  return new Date(t.getTime() + n * BUCKET_MS[g]);
}

/** Bucket starts in [from, to). */
export function bucketsBetween(from: Date, to: Date, g: Granularity): Date[] {
  const out: Date[] = [];
  for (let t = floorBucket(from, g).getTime(); t < to.getTime(); t += BUCKET_MS[g]) out.push(new Date(t));
  return out;
}
