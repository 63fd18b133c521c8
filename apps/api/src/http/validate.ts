// Turns zod issues into the error body's `details` list: one entry per bad
// field, named by where it was (params, query, body) and its path.
import type { FieldIssue } from "@opsdeck/core";
import type { z } from "zod";

function fieldName(location: string, path: PropertyKey[]): string {
  let out = location;
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return out;
}

export function toFieldIssues(location: "params" | "query" | "body", error: z.ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const i of error.issues) {
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) {
        issues.push({
          field: fieldName(location, [...i.path, k]),
          code: "unknown_field",
          message: location === "query" ? "unknown query parameter" : "unknown field",
        });
      }
    } else {
      issues.push({ field: fieldName(location, i.path), code: i.code, message: i.message });
    }
  }
  return issues;
}

/**
 * Path and query parameters holding U+0000, which no route means to take and Postgres cannot store or
 * search (bodies say so field by field: contracts' Text).
 */
function nulParameters(location: "params" | "query", value: unknown): FieldIssue[] {
  if (value === null || typeof value !== "object") return [];
  const issues: FieldIssue[] = [];
  for (const [k, v] of Object.entries(value)) {
    if ((Array.isArray(v) ? v : [v]).some((x) => typeof x === "string" && x.includes("\u0000"))) {
      issues.push({ field: fieldName(location, [k]), code: "nul_character", message: "must not contain U+0000 (NUL)" });
    }
  }
  return issues;
}

/** Parses `value` with `schema`; collects issues instead of throwing. */
export function parsePart<T extends z.ZodType>(
  location: "params" | "query" | "body",
  schema: T | undefined,
  value: unknown,
  issues: FieldIssue[],
): z.infer<T> | undefined {
  if (!schema) return undefined;
  if (location !== "body") {
    const nul = nulParameters(location, value);
    if (nul.length) {
      issues.push(...nul);
      return undefined;
    }
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  issues.push(...toFieldIssues(location, r.error));
  return undefined;
}
