// The filters of a job search (GET /jobs) and of an action over what a search
// found (POST /job-actions): one shape, so an action acts on exactly what the
// same search lists. Field filters name a payload field by path and compare it:
// `field=data.user.plan:eq:pro` (repeat `field` for several; all must hold).
import { z } from "zod";

import { QueueName } from "../queues";
import { IsoTime } from "./common";

const FIELD_OPS = ["eq", "ne", "gt", "gte", "lt", "lte", "contains", "exists"] as const;
type FieldOp = (typeof FIELD_OPS)[number];

/** Deepest payload path a field filter may name (segments after `data`). */
const FIELD_PATH_MAX_DEPTH = 8;
/** Most field filters in one search. */
const FIELD_FILTERS_MAX = 5;
/** Longest value a field filter compares with, characters. */
const FIELD_VALUE_MAX = 200;

/** A parsed field filter: the path inside the payload (without `data`), the operator, the value (null for exists). */
export interface FieldFilter {
  path: string[];
  op: FieldOp;
  value: string | null;
}

// `data`, then 1..8 segments of [A-Za-z0-9_-] joined by '.', then ':' op, then ':' value (which may hold ':').
const FIELD_SYNTAX = new RegExp(
  `^data((?:\\.[A-Za-z0-9_-]{1,64}){1,${FIELD_PATH_MAX_DEPTH}}):(${FIELD_OPS.join("|")})(?::([\\s\\S]*))?$`,
);

const FIELD_DESCRIPTION =
  "A payload field filter, `<path>:<op>[:<value>]`; repeat the parameter for several (at most " +
  `${FIELD_FILTERS_MAX}, all must hold). \`<path>\` is \`data\` (the job's payload) then 1 to ${FIELD_PATH_MAX_DEPTH} ` +
  "object keys of letters, digits, `_` and `-`, joined by `.`: `data.user.plan`. `<op>`: `eq`, `ne`, `gt`, `gte`, " +
  "`lt`, `lte`, `contains`, `exists`. The value is everything after the second `:` (it may hold `:`; URL-encode " +
  "`&`, `#`, `+` and `%`); `exists` takes none. A value that parses as a number compares numerically with " +
  "numbers (`eq`/`ne` also match the same text, e.g. an id kept as a string), any other value as text. " +
  "`contains` is a case-insensitive substring of the field's text. `ne` also matches a job without the field. " +
  "Examples: `data.user.plan:eq:pro`, `data.amount:gte:100`, `data.email:contains:@example.com`, `data.retry_of:exists`. " +
  "Payloads over 64 KiB are recorded as a text preview and match no field filter. `eq` is served by an index; " +
  "the other operators narrow what the other filters (and `eq`) select.";

/** One `field` value, parsed; bad syntax is a 400 naming the filter. */
const FieldFilterText = z
  .string()
  .max(600)
  .transform((text, ctx): FieldFilter => {
    const m = FIELD_SYNTAX.exec(text);
    if (!m) {
      ctx.addIssue({
        code: "custom",
        message: `'${text.slice(0, 80)}' is not <path>:<op>[:<value>] with a path data.<key>[.<key>…] (at most ${FIELD_PATH_MAX_DEPTH} keys of [A-Za-z0-9_-]) and op one of ${FIELD_OPS.join(", ")}`,
      });
      return z.NEVER;
    }
    const op = m[2] as FieldOp;
    const value = m[3] ?? null;
    if (op === "exists" && value !== null) {
      ctx.addIssue({ code: "custom", message: "exists takes no value" });
      return z.NEVER;
    }
    if (op !== "exists" && value === null) {
      ctx.addIssue({ code: "custom", message: `${op} needs a value: <path>:${op}:<value>` });
      return z.NEVER;
    }
    if (value !== null && (value.length > FIELD_VALUE_MAX || value.includes("\u0000"))) {
      ctx.addIssue({ code: "custom", message: `a value is at most ${FIELD_VALUE_MAX} characters, without NUL` });
      return z.NEVER;
    }
    if (op === "contains" && value === "") {
      ctx.addIssue({ code: "custom", message: "contains needs a non-empty value" });
      return z.NEVER;
    }
    return { path: (m[1] as string).slice(1).split("."), op, value };
  });

/** `field` once is a string in the query, several times an array (Express 5's simple parser); a body sends an array. */
const FieldFilters = z.preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z.array(FieldFilterText).max(FIELD_FILTERS_MAX).describe(FIELD_DESCRIPTION),
);

const Status = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z-]+$/);

/** Every filter of a job search, without paging. */
export const JobFilterFields = {
  q: z
    .string()
    .min(2)
    .max(200)
    .optional()
    .describe("A job id (exact match), or text in the job name or payload (case-insensitive)"),
  queue: QueueName.optional(),
  status: Status.optional().describe("Recorded status (the job's state as last recorded), e.g. failed"),
  name: z.string().min(1).max(200).optional().describe("Job name, exact"),
  failed_reason: z
    .string()
    .min(2)
    .max(200)
    .optional()
    .describe("Text in the failure reason (case-insensitive substring)"),
  field: FieldFilters.optional(),
  start_time: IsoTime.optional().describe("Last updated at or after (ISO 8601)"),
  end_time: IsoTime.optional().describe("Last updated before (ISO 8601)"),
  created_from: IsoTime.optional().describe("Created at or after (ISO 8601)"),
  created_to: IsoTime.optional().describe("Created before (ISO 8601)"),
  finished_from: IsoTime.optional().describe("Finished at or after (ISO 8601)"),
  finished_to: IsoTime.optional().describe("Finished before (ISO 8601)"),
};

/** The filter an action acts on: the search's filters, at least one of them. */
export const JobFilter = z
  .strictObject(JobFilterFields)
  .refine((f) => Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)), {
    message: "name at least one filter: an action never runs over every job record",
  });
export type JobFilter = z.infer<typeof JobFilter>;

/** A parsed field filter back in its query syntax (what an action shows it was asked for). */
export function fieldFilterText(f: FieldFilter): string {
  return `data.${f.path.join(".")}:${f.op}${f.value === null ? "" : `:${f.value}`}`;
}
