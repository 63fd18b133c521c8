// The latency histogram scheme: SQL's width_bucket over the stored bounds puts
// every whole millisecond where the TypeScript side (percentiles, Prometheus
// `le` counts) expects it, and a percentile read from any histogram is within
// the documented bound of the exact nearest-rank percentile of its samples.
import fc from "fast-check";
import type pg from "pg";

import {
  addHistograms,
  histogramPercentile,
  LATENCY_BUCKET_LOWER_BOUNDS,
  LATENCY_BUCKETS,
  latencyBucketOf,
  latencyBucketUpperMs,
} from "../../packages/db/src";
import { useTestDatabase } from "../helpers/testEnv";
import { expectWithinLatencyBound, histogramOf, nearestRank } from "./helpers";

let pool: pg.Pool;
useTestDatabase((p) => {
  pool = p;
});

it("buckets whole milliseconds in SQL exactly as the reads expect, with bounds at powers of two", async () => {
  const values = [
    0,
    1,
    2,
    3,
    4,
    5,
    7,
    8,
    11,
    12,
    13,
    100,
    999,
    1_000,
    1_024,
    1_025,
    65_536,
    2 ** 32,
    2 ** 32 + 1,
    1e12,
  ];
  for (let i = 0; i < 2_000; i++) values.push(Math.floor(Math.exp(Math.random() * 22)));
  const r = await pool.query<{ v: string; i: number }>(
    `SELECT v::text, width_bucket(v, $2::bigint[]) AS i FROM unnest($1::bigint[]) AS v`,
    [values, LATENCY_BUCKET_LOWER_BOUNDS],
  );
  for (const row of r.rows) expect([Number(row.v), row.i]).toEqual([Number(row.v), latencyBucketOf(Number(row.v))]);
  // Each power of two is the top of its bucket, so Prometheus `le` counts (powers of 4) are exact.
  for (let k = 0; k <= 32; k++) {
    const i = latencyBucketOf(2 ** k);
    expect(latencyBucketUpperMs(i)).toBe(2 ** k);
    expect(latencyBucketOf(2 ** k + 1)).toBeGreaterThan(i);
  }
  expect(latencyBucketOf(2 ** 32 + 1)).toBe(LATENCY_BUCKETS - 1);
  expect(latencyBucketUpperMs(LATENCY_BUCKETS - 1)).toBe(Infinity);
});

it("reads every percentile within 4.43 % (or 0.5 ms) of the exact nearest-rank value", () => {
  const ms = fc.oneof(
    fc.integer({ min: 0, max: 50 }),
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 0, max: 2 ** 32 }),
  );
  fc.assert(
    fc.property(
      fc.array(ms, { minLength: 1, maxLength: 300 }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      (xs, p) => {
        expectWithinLatencyBound(histogramPercentile(histogramOf(xs), p), nearestRank(xs, p));
      },
    ),
    { numRuns: 500 },
  );
  // Small times are exact: each whole ms from 2 to 14 has a bucket of its own.
  for (let v = 2; v <= 14; v++) expect(histogramPercentile(histogramOf([v]), 0.5)).toBeCloseTo(v, 9);
  expect(histogramPercentile([], 0.5)).toBeNull();
  expect(addHistograms([1, 2], [0, 0, 3])).toEqual([1, 2, 3]);
});
