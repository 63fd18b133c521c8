// The job search's filters in Postgres (searchJobRecords): every field operator
// on numbers, text, nesting and absent fields; name, failure text and the
// created/finished ranges; and the plan for `eq`, which the payload GIN index serves.
import type pg from "pg";

import type { FieldFilter } from "../../packages/core/src";
import { type JobSearchFilter, searchFilter, searchJobRecords } from "../../packages/db/src";
import { useTestDatabase } from "../helpers/testEnv";

let pool: pg.Pool;
useTestDatabase((p) => (pool = p));

beforeAll(async () => {
  const rows: [string, string, string | null, unknown, string, string | null][] = [
    // id, name, failed_reason, payload, created_at, finished_at
    [
      "a",
      "send",
      "SMTP 421 deferred",
      { user: { plan: "pro", seats: 12 }, amount: 150, ref: "100" },
      "2026-01-01T00:00:00Z",
      "2026-01-01T00:01:00Z",
    ],
    [
      "b",
      "send",
      null,
      { user: { plan: "free", seats: 1 }, amount: 9, ref: 100 },
      "2026-01-02T00:00:00Z",
      "2026-01-02T00:01:00Z",
    ],
    [
      "c",
      "export",
      "timeout talking to S3",
      { user: { plan: "Pro" }, amount: "200", note: "a:b%c" },
      "2026-01-03T00:00:00Z",
      null,
    ],
    ["d", "export", null, null, "2026-01-04T00:00:00Z", null],
  ];
  for (const [id, name, reason, payload, created, finished] of rows) {
    await pool.query(
      `INSERT INTO job_records (queue, job_id, name, status, failed_reason, payload, created_at, finished_at)
       VALUES ('q', $1, $2, 'failed', $3, $4::jsonb, $5, $6)`,
      [id, name, reason, payload === null ? null : JSON.stringify(payload), created, finished],
    );
  }
});

const f = (path: string, op: FieldFilter["op"], value: string | null = null): FieldFilter => ({
  path: path.split("."),
  op,
  value,
});

async function ids(s: JobSearchFilter): Promise<string[]> {
  const r = await searchJobRecords(pool, s, { limit: 100, offset: 0 });
  expect(r.total).toBe(r.rows.length);
  return r.rows.map((x) => x.job_id).sort();
}

it.each<[string, FieldFilter[], string[]]>([
  ["eq text", [f("user.plan", "eq", "pro")], ["a"]], // case-sensitive: not "Pro"
  ["eq number matches the number and its text", [f("ref", "eq", "100")], ["a", "b"]],
  ["eq on a nested number", [f("user.seats", "eq", "12")], ["a"]],
  ["ne includes records without the field", [f("user.plan", "ne", "pro")], ["b", "c", "d"]],
  ["gt numeric: numbers only (the text '200' is not a number)", [f("amount", "gt", "100")], ["a"]],
  ["lte numeric", [f("amount", "lte", "150")], ["a", "b"]],
  ["gte with a text value compares text only", [f("amount", "gte", "1z")], ["c"]],
  ["lt text", [f("user.plan", "lt", "free")], ["c"]], // "Pro" < "free" (code points)
  ["contains is a case-insensitive substring, wildcards literal", [f("note", "contains", "B%C")], ["c"]],
  ["contains on a plan", [f("user.plan", "contains", "PR")], ["a", "c"]],
  ["exists", [f("user.seats", "exists")], ["a", "b"]],
  ["all filters must hold", [f("user.plan", "contains", "pr"), f("amount", "gte", "100")], ["a"]],
])("%s", async (_what, fields, expected) => {
  expect(await ids({ queue: "q", fields })).toEqual(expected);
});

it("filters by name, failure text and the created / finished ranges", async () => {
  expect(await ids({ name: "export" })).toEqual(["c", "d"]);
  expect(await ids({ failedReason: "smtp 4" })).toEqual(["a"]);
  expect(await ids({ failedReason: "%" })).toEqual([]);
  expect(await ids({ createdFrom: "2026-01-02T00:00:00Z", createdTo: "2026-01-04T00:00:00Z" })).toEqual(["b", "c"]);
  expect(await ids({ finishedFrom: "2026-01-01T12:00:00Z" })).toEqual(["b"]);
  expect(await ids({ finishedTo: "2026-01-01T12:00:00Z", name: "send" })).toEqual(["a"]);
});

it("serves eq from the payload GIN index", async () => {
  const { filter, args } = searchFilter({ fields: [f("user.plan", "eq", "pro")] });
  const client = await pool.connect();
  try {
    // Four rows make a sequential scan cheapest; take that choice away to see the index can serve it.
    await client.query("SET enable_seqscan = off");
    const plan = await client.query(`EXPLAIN SELECT job_id FROM job_records ${filter}`, args);
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("job_records_payload_path_idx");
  } finally {
    await client.query("RESET enable_seqscan");
    client.release();
  }
});
