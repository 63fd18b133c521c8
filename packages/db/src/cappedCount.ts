// A search's total, exact up to a cap and the planner's estimate beyond it.
// The page of a search reads a few rows through an index whatever the data's
// size, but an exact count reads every match: at ten times the data a broad
// search's count is ten times slower and dominates the answer. Counting at
// most cap + 1 rows keeps it flat; past the cap the total is flagged as an
// estimate (EXPLAIN's row estimate, never below cap + 1).

export interface CappedTotal {
  total: number;
  /** True when there are more than `cap` matches and `total` is the planner's estimate. */
  totalIsEstimate: boolean;
}

/** Runs one statement (a pool, a client, or a caller's wrapper with its own deadline). */
export type RunQuery = <R extends object>(sql: string, args: unknown[]) => Promise<{ rows: R[] }>;

export interface CountOf {
  /** A FROM … WHERE … clause, with `args` bound: what is counted. */
  fromWhere: string;
  /** The clause EXPLAIN estimates from past the cap, when it should differ (e.g. without conditions the
   *  planner would count twice); `fromWhere` by default. */
  estimateFromWhere?: string;
  args: unknown[];
  cap: number;
}

/** The total of `SELECT 1 ${fromWhere}`, exact up to `cap`. */
export async function cappedCount(
  run: RunQuery,
  { fromWhere, estimateFromWhere, args, cap }: CountOf,
): Promise<CappedTotal> {
  const limit = Math.floor(cap) + 1;
  const exact = await run<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${limit}) s`,
    args,
  );
  const n = exact.rows[0]?.n ?? 0;
  if (n <= cap) return { total: n, totalIsEstimate: false };
  const plan = await run<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 ${estimateFromWhere ?? fromWhere}`,
    args,
  );
  const estimate = Math.round(plan.rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  return { total: Math.max(limit, estimate), totalIsEstimate: true };
}
