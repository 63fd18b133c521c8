// The literal runs a log-search regex's matches must contain: which runs are
// taken (and which are left out as uncertain), and, in Postgres itself, that
// every message the regex matches also matches each run's LIKE / ILIKE
// condition as the count builds it — the conditions may narrow the index's
// candidates, never the matches.
import pg from "pg";

import { buildLogWhere, literalBinder } from "../../packages/db/src";
import { containsLikePattern, regexRequiredLiterals } from "../../packages/db/src/logs/regexLiterals";

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";

describe("regexRequiredLiterals", () => {
  it.each([
    ["cmp_49[0-9]{2} in [0-9]+ms", ["cmp_49"]],
    ["^SMTP .* [0-9]+s$", ["SMTP "]],
    ["batch [0-9]+ of", ["batch "]],
    ["timeout\\.retry", ["timeout.retry"]],
    ["colou?r scheme", ["colo", "r scheme"]],
    ["abcd*ef", ["abc"]],
    ["abcd+ef", ["abcd"]],
    ["abcx{0,2}def", ["abc", "def"]],
    ["abcx{2,3}yz", ["abcx"]],
  ])("%s -> %j", (pattern, runs) => {
    expect(regexRequiredLiterals(pattern)).toEqual(runs);
  });

  it.each([
    ["alternation anywhere", "payment failed|refund"],
    ["alternation in a group", "job (done|failed)"],
    ["embedded options", "(?i)payment failed"],
    ["a literal-string director", "***=payment"],
    ["two letters only", "ab.cd"],
    ["a letter class escape first", "\\dpayment"],
  ])("takes nothing when unsure (%s)", (_why, pattern) => {
    expect(regexRequiredLiterals(pattern)).toEqual([]);
  });

  it("stops at a group or an escape it would have to parse, keeping what came before", () => {
    expect(regexRequiredLiterals("webhook (sent)? to")).toEqual(["webhook "]);
    expect(regexRequiredLiterals("order\\x41bc")).toEqual(["order"]);
  });

  it("leaves non-ASCII characters out of the runs", () => {
    expect(regexRequiredLiterals("Zahlung für Auftrag")).toEqual(["Zahlung f", "r Auftrag"]);
  });

  it("escapes LIKE's own characters", () => {
    expect(containsLikePattern("50%_off\\now")).toBe("%50\\%\\_off\\\\now%");
  });
});

describe("the count's extra conditions keep every match (checked by Postgres)", () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: `${SERVER_URL}/postgres`, max: 1 });
  });
  afterAll(() => pool.end());

  const cases: [string, boolean, string[]][] = [
    ["cmp_49[0-9]{2} in [0-9]+ms", false, ["request completed for campaign cmp_4923 in 17ms", "cmp_4900 in 0ms"]],
    ["colou?r scheme", false, ["color scheme", "colour scheme"]],
    ["abcx{0,2}def", false, ["abcdef", "abcxxdef"]],
    ["abcd*ef", false, ["abcef", "abcdddef"]],
    ["50%_off\\.now", false, ["get 50%_off.now"]],
    ["Payment FAILED", true, ["payment failed for order 7", "PAYMENT FAILED"]],
    ["^SMTP .* [0-9]+s$", true, ["smtp relay took 3s"]],
  ];

  it.each(cases)("%s (case-insensitive: %s)", async (pattern, caseInsensitive, messages) => {
    const filter = { query: pattern, regex: true, caseInsensitive };
    const plain = buildLogWhere(filter, literalBinder).replace(/^WHERE /, "");
    const narrowed = buildLogWhere(filter, literalBinder, { regexLiterals: true }).replace(/^WHERE /, "");
    // The conditions were added, so the check below compares two different WHEREs.
    expect(narrowed.length).toBeGreaterThan(plain.length);
    for (const message of messages) {
      const { rows } = await pool.query<{ plain: boolean; narrowed: boolean }>(
        `SELECT (${plain}) AS plain, (${narrowed}) AS narrowed FROM (SELECT $1::text AS message) m`,
        [message],
      );
      expect(rows[0]).toEqual({ plain: true, narrowed: true });
    }
  });
});
