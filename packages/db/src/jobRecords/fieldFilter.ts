// SQL for a search's payload field filters (@opsdeck/core FieldFilter), every
// value a bound parameter. `eq` is a containment test, payload @> '{"a":{"b":v}}',
// which the jsonb_path_ops GIN index of migration 20261206150000 serves; the
// other operators are evaluated on the rows the rest of the filter selects
// (docs/decisions.md, "Search by payload field").
import type { FieldFilter } from "@opsdeck/core";

import { likeEscape } from "../likeEscape";

/** A JSON number as the API reads one; anything else compares as text. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function numberOf(value: string): number | null {
  if (!NUMBER.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** {"a":{"b":leaf}} for path [a, b]. */
const nest = (path: string[], leaf: unknown): unknown =>
  path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf);

const JSONPATH_OP = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * The condition of one field filter; `param` binds a value and returns its placeholder. Path keys are
 * [A-Za-z0-9_-] (checked by the contract) and are quoted in the jsonpath all the same.
 */
export function fieldCondition(f: FieldFilter, param: (v: unknown) => string): string {
  const value = f.value ?? "";
  const n = numberOf(value);
  switch (f.op) {
    case "exists":
      return `(payload #> ${param(f.path)}::text[]) IS NOT NULL`;
    case "contains":
      return `(payload #>> ${param(f.path)}::text[]) ILIKE ${param(`%${likeEscape(value)}%`)}`;
    case "eq":
    case "ne": {
      // A number also matches its text: ids are often kept as strings. Each arm is one index lookup.
      const arms = [`payload @> ${param(JSON.stringify(nest(f.path, value)))}::jsonb`];
      if (n !== null) arms.push(`payload @> ${param(JSON.stringify(nest(f.path, n)))}::jsonb`);
      const eq = arms.length === 1 ? arms[0]! : `(${arms.join(" OR ")})`;
      // A record without a payload (NULL) has no such field: it is not equal.
      return f.op === "eq" ? eq : `NOT coalesce(${eq}, false)`;
    }
    default: {
      // jsonpath compares a number only with numbers and a string only with strings (others: no match).
      const path = `$${f.path.map((k) => `."${k}"`).join("")} ? (@ ${JSONPATH_OP[f.op]} $v)`;
      return `jsonb_path_exists(payload, ${param(path)}::jsonpath, ${param(JSON.stringify({ v: n ?? value }))}::jsonb)`;
    }
  }
}
