// The send path's suppression look-up: one statement per batch that probes
// the list by key for each address, whatever the list's size. Read as one
// pass over the list instead, it costs a batch time in proportion to every
// address ever suppressed.
import type pg from "pg";

import { suppressedAmong, suppressionKey } from "../../packages/db/src/email/suppressions";
import { useTestDatabase } from "../helpers/testEnv";

let pool: pg.Pool;
useTestDatabase((p) => (pool = p));

/** The statement suppressedAmong ran last, so a test can ask Postgres for its plan. */
let last: pg.QueryConfig | null = null;
const recording = () =>
  ({
    query: (config: pg.QueryConfig) => {
      last = config;
      return pool.query(config);
    },
  }) as unknown as pg.Pool;

const LIST = 100_000;

beforeAll(async () => {
  await pool.query(
    `INSERT INTO email_suppressions (address_key, address, reason, source)
     SELECT a, a, 'hard_bounce', 'send' FROM (SELECT 'gone' || g || '@list.example.com' AS a
     FROM generate_series(1, $1) g) s`,
    [LIST],
  );
  await pool.query(
    `INSERT INTO email_suppressions (address_key, address, reason, source, expires_at) VALUES
       ('lapsed@list.example.com', 'lapsed@list.example.com', 'soft', 'api', now() - interval '1 minute'),
       ('later@list.example.com', 'later@list.example.com', 'soft', 'api', now() + interval '1 hour')`,
  );
  await pool.query(`ANALYZE email_suppressions`);
}, 60_000);

it("finds the suppressed keys of a batch, expiry and domain case included", async () => {
  const batch = [
    "gone7@LIST.example.com",
    "Gone7@list.example.com", // the local part keeps its case: another address
    "fresh@list.example.com",
    "lapsed@list.example.com",
    "later@list.example.com",
    "gone99999@list.example.com",
  ].map(suppressionKey);
  const found = await suppressedAmong(pool, batch);
  expect([...found].sort()).toEqual(
    ["gone7@list.example.com", "gone99999@list.example.com", "later@list.example.com"].sort(),
  );
  expect(await suppressedAmong(pool, [])).toEqual(new Set());
});

it("probes the list by key for a batch of 1,000 rather than reading the whole list", async () => {
  const batch = Array.from({ length: 1_000 }, (_, i) => `user${i}@batch.example.com`);
  batch[500] = "gone500@list.example.com";
  const found = await suppressedAmong(recording(), batch);
  expect(found).toEqual(new Set(["gone500@list.example.com"]));
  const statement = last!;
  const plan = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.text}`, statement.values);
  const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
  expect(text).toMatch(/Index Scan using email_suppressions_pkey/);
  expect(text).not.toMatch(/Seq Scan on email_suppressions/);
});
