// A search's total: exact up to the cap, the planner's estimate past it, and
// no count at all where the planner expects far more than the cap (the count
// could only confirm it, and over a GIN index it reads every entry of the term).
import type pg from "pg";

import { cappedCount, ESTIMATE_TRUSTED_ABOVE } from "../../packages/db/src/cappedCount";
import { useTestDatabase } from "../helpers/testEnv";

let pool: pg.Pool;
useTestDatabase((p) => (pool = p));

const CAP = 100;
// Statements run, so a test can tell a skipped count from a run one.
let ran: string[] = [];
const run = <R extends object>(sql: string, args: unknown[]) => {
  ran.push(sql.startsWith("EXPLAIN") ? "estimate" : "count");
  return pool.query<R>(sql, args) as Promise<{ rows: R[] }>;
};
const count = (k: number, estimateIsSound = true) =>
  cappedCount(run, { fromWhere: "FROM capped_t WHERE k = $1", args: [k], cap: CAP, estimateIsSound });

beforeAll(async () => {
  // k = 1: far past the cap; k = 3: past it, but not by ESTIMATE_TRUSTED_ABOVE; k = 2: within it.
  const broad = ESTIMATE_TRUSTED_ABOVE * (CAP + 1) * 3;
  await pool.query(`CREATE TABLE capped_t (k int NOT NULL)`);
  await pool.query(
    `INSERT INTO capped_t SELECT 1 FROM generate_series(1, $1)
     UNION ALL SELECT 3 FROM generate_series(1, 400) UNION ALL SELECT 2 FROM generate_series(1, 40)`,
    [broad],
  );
  await pool.query(`CREATE INDEX ON capped_t (k)`);
  await pool.query(`ANALYZE capped_t`);
});
beforeEach(() => (ran = []));

it("is exact within the cap", async () => {
  expect(await count(2)).toEqual({ total: 40, totalIsEstimate: false });
  expect(await count(4)).toEqual({ total: 0, totalIsEstimate: false });
  expect(ran).toEqual(["estimate", "count", "estimate", "count"]);
});

it("counts to the cap and then gives the estimate when the planner does not expect far more", async () => {
  const r = await count(3);
  expect(r.totalIsEstimate).toBe(true);
  expect(r.total).toBeGreaterThanOrEqual(CAP + 1);
  expect(r.total).toBeLessThan(ESTIMATE_TRUSTED_ABOVE * (CAP + 1));
  expect(ran).toEqual(["estimate", "count"]);
});

it("does not count where the planner expects ten times the cap or more", async () => {
  const r = await count(1);
  expect(r).toEqual({ total: expect.any(Number), totalIsEstimate: true });
  expect(r.total).toBeGreaterThanOrEqual(ESTIMATE_TRUSTED_ABOVE * (CAP + 1));
  expect(ran).toEqual(["estimate"]);
});

it("counts anyway where the estimate is a guess (a regex, a substring match), and asks it only past the cap", async () => {
  const r = await count(1, false);
  expect(r.totalIsEstimate).toBe(true);
  expect(r.total).toBeGreaterThanOrEqual(ESTIMATE_TRUSTED_ABOVE * (CAP + 1));
  expect(ran).toEqual(["count", "estimate"]);
  ran = [];
  expect(await count(2, false)).toEqual({ total: 40, totalIsEstimate: false });
  expect(ran).toEqual(["count"]);
});
