// The query strings of Bull Board's API, checked before Bull Board sees them.
// Bull Board hands its page size and page number to Redis as they come:
// jobsPerPage=100000 answered 30 MB, and a page number like 1e300 became a
// range Redis refused. Each of its routes that reads a query gets a strict
// schema here, with bounds its own UI stays within; every other route of its
// API takes no query at all. A bad value is a 400 listing every bad field,
// in Opsdeck's error shape.
import { ValidationError } from "@opsdeck/core";
import { z } from "zod";

import { toFieldIssues } from "../http/validate";

/** Pages past this are refused: at 100 jobs a page it is an offset of 10^9, far past any real queue. */
const PAGE_MAX = 10_000_000;
/** Bull Board's own range for a flow's depth and its children per node (its UI asks for 2 / 1000, or 10 / 20). */
const FLOW_DEPTH_MAX = 20;
const FLOW_CHILDREN_MAX = 1_000;
/** Queue names as the UI sends them: percent-encoded once more (Bull Board decodes them again). */
const QUEUE_NAME_MAX = 512;

/** Job states of Bull Board's status filter ("latest": the newest of every state). */
const STATUS = z.enum([
  "latest",
  "active",
  "waiting",
  "waiting-children",
  "prioritized",
  "completed",
  "failed",
  "delayed",
  "paused",
]);

/** A query value is one string; a repeated parameter (an array) is refused by the type. */
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const queueName = z
  .string()
  .min(1)
  .max(QUEUE_NAME_MAX)
  .refine((s) => {
    try {
      decodeURIComponent(s);
      return true;
    } catch {
      return false;
    }
  }, "must be a valid percent-encoded queue name");

const queuesQuery = (jobsPerPageMax: number) =>
  z.strictObject({
    activeQueue: queueName.optional(),
    status: STATUS.optional(),
    page: int(1, PAGE_MAX).optional(),
    jobsPerPage: int(1, jobsPerPageMax).optional(),
  });

const schedulersQuery = z.strictObject({ queueName: queueName.optional() });

const flowQuery = z.strictObject({
  root: z.literal("node").optional(),
  depth: int(1, FLOW_DEPTH_MAX).optional(),
  maxChildren: int(1, FLOW_CHILDREN_MAX).optional(),
});

const noQuery = z.strictObject({});

/** GET /api/queues/<queue>/<job>/flow, with each segment non-empty. */
const FLOW_PATH = /^\/api\/queues\/[^/]+\/[^/]+\/flow$/;

/**
 * A check of the query of one board API read (path relative to the board):
 * throws a ValidationError when it is not one the route takes.
 */
export function boardQueryCheck(jobsPerPageMax: number): (path: string, query: Record<string, unknown>) => void {
  const queues = queuesQuery(jobsPerPageMax);
  return (path, query) => {
    const schema =
      path === "/api/queues"
        ? queues
        : path === "/api/job-schedulers"
          ? schedulersQuery
          : FLOW_PATH.test(path)
            ? flowQuery
            : noQuery;
    // Bull Board reads an empty value as absent; so do we.
    const present = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ""));
    const r = schema.safeParse(present);
    if (!r.success) throw new ValidationError(toFieldIssues("query", r.error));
  };
}
