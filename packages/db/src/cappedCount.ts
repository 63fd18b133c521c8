// A search's total, exact up to a cap and the planner's estimate beyond it.
// The page of a search reads a few rows through an index whatever the data's
// size, but an exact count reads every match: at ten times the data a broad
// search's count is ten times slower and dominates the answer. Counting at
// most cap + 1 rows keeps that in check, but not flat: a GIN index (payload
// fields, full text, trigrams) has no ordered scan, so the count's bitmap
// holds every entry of the term before its LIMIT can stop it, and that grows
// with the data. So the planner's estimate comes first: where it expects
// ESTIMATE_TRUSTED_ABOVE times the cap or more, counting to the cap could only
// confirm what the estimate already says, and the count is not run. That holds
// only where the estimate stands on statistics (equalities, full text, payload
// containment, time ranges); a regex or a substring match is a guess that can
// be off a hundredfold, so the caller says when to trust it. Past the cap
// (counted or expected) the total is flagged as an estimate, never below
// cap + 1.

export interface CappedTotal {
  total: number;
  /** True when `total` is the planner's estimate: more than `cap` matches were counted or expected. */
  totalIsEstimate: boolean;
}

/** Runs one statement (a pool, a client, or a caller's wrapper with its own deadline). */
export type RunQuery = <R extends object>(sql: string, args: unknown[]) => Promise<{ rows: R[] }>;

export interface CountOf {
  /** A FROM … WHERE … clause, with `args` bound: what is counted. */
  fromWhere: string;
  /** The clause EXPLAIN estimates from, when it should differ (e.g. without conditions the planner would
   *  count twice); `fromWhere` by default. */
  estimateFromWhere?: string;
  args: unknown[];
  cap: number;
  /** Every condition is one the planner estimates from statistics: a far-past-the-cap estimate may stand in
   *  for the count. False for regexes, substring matches and other conditions it can only guess at. */
  estimateIsSound: boolean;
}

/**
 * How far past the cap the planner's estimate must be before the count is skipped (a multiple of cap + 1).
 * The planner's row estimates for these filters (column statistics, GIN and tsvector selectivity) are
 * usually within a factor of a few; ten keeps an overestimate from hiding an exact count that was within
 * reach, and bounds what a count that does run reads to about ten times the cap when the estimate is right.
 */
export const ESTIMATE_TRUSTED_ABOVE = 10;

/** The total of `SELECT 1 ${fromWhere}`, exact up to `cap` unless a sound estimate expects far more. */
export async function cappedCount(
  run: RunQuery,
  { fromWhere, estimateFromWhere, args, cap, estimateIsSound }: CountOf,
): Promise<CappedTotal> {
  const limit = Math.floor(cap) + 1;
  const estimateOf = async () => {
    const plan = await run<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 ${estimateFromWhere ?? fromWhere}`,
      args,
    );
    return Math.round(plan.rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  };
  // An estimate that could not stand in for the count is asked only past the cap: planning is not free (a
  // regex is turned into trigrams once per log partition), and within the cap it would be planned for nothing.
  const estimate = estimateIsSound ? await estimateOf() : null;
  if (estimate !== null && estimate >= ESTIMATE_TRUSTED_ABOVE * limit)
    return { total: estimate, totalIsEstimate: true };
  const exact = await run<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${limit}) s`,
    args,
  );
  const n = exact.rows[0]?.n ?? 0;
  if (n <= cap) return { total: n, totalIsEstimate: false };
  return { total: Math.max(limit, estimate ?? (await estimateOf())), totalIsEstimate: true };
}
