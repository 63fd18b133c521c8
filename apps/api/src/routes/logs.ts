// Log search and ingestion.
import {
  AppError,
  type FieldIssue,
  LOG_QUERY_MAX,
  LogHistogramQuery,
  LogHistogramResult,
  LogIngestBody,
  LogIngestResult,
  LogSearchQuery,
  LogSearchResult,
  ValidationError,
} from "@opsdeck/core";
import {
  type AppLogEntry,
  decodeTimeIdCursor,
  encodeTimeIdCursor,
  insertAppLogs,
  logHistogram,
  SEARCH_DEADLINE_GRACE_MS,
  searchLogs,
} from "@opsdeck/db";

import { defineRoute } from "../http/route";
import { toLogFilter } from "../logs/filters";
import { REGEX_MAX_STATES } from "../logs/regexCost";
import { logQueryError } from "../logs/searchErrors";

const BASE = "/api/v1/platform/system/logs";
const TAGS = ["logs"];
/** The histogram's default window when start_time is not given, ms (24 h). */
const HISTOGRAM_DEFAULT_WINDOW_MS = 86_400_000;

export const logRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "searchLogs",
    summary: "Search application logs, newest first",
    description:
      `query is full text by default (words, "phrase", prefix*, OR, -word); with regex=true a POSIX regex ` +
      `(case_insensitive=true to ignore case), at most LOG_REGEX_MAX_LENGTH characters (full text: ${LOG_QUERY_MAX}). ` +
      "Refused with 400 before it runs: back-references (regex_backreference), lookahead/lookbehind " +
      `(regex_lookaround), and patterns whose counted repetitions x{m,n} unroll to more than ${REGEX_MAX_STATES} states ` +
      "(regex_too_complex, e.g. (a{1,100}){1,100}). " +
      "queue and job_id find the lines a worker logged while running one job (job_id needs queue). " +
      "Page deep with cursor=next_cursor; offset is capped. total is exact up to LOG_COUNT_CAP, then an estimate " +
      "(total_is_estimate), given without counting where the planner expects ten times LOG_COUNT_CAP or more (never for a regex, whose estimate is a guess). A search that runs past its statement timeout is a 400 search_timeout: narrow the window. " +
      "At most LOG_SEARCH_MAX_CONCURRENT searches run at once per server and LOG_SEARCH_MAX_CONCURRENT_PER_KEY per " +
      "key; another answers 429 too_many_searches with Retry-After.",
    tags: TAGS,
    access: { permission: "logs.read" },
    rateLimit: "read",
    query: LogSearchQuery,
    response: { schema: LogSearchResult, description: "A page of logs" },
    async handler({ query, deps, principal }) {
      const issues: FieldIssue[] = [];
      let before: { timestamp: string; id: string } | undefined;
      if (query.cursor !== undefined) {
        before = decodeTimeIdCursor(query.cursor) ?? undefined;
        if (!before)
          issues.push({ field: "query.cursor", code: "invalid_cursor", message: "not a cursor issued by this API" });
        if (query.offset > 0) {
          issues.push({ field: "query.offset", code: "offset_with_cursor", message: "use either cursor or offset" });
        }
      }
      if (query.job_id !== undefined && query.queue === undefined) {
        // Job ids are per queue, and the index is (queue, job_id, timestamp): without the queue it could not be used.
        issues.push({ field: "query.job_id", code: "job_id_needs_queue", message: "give queue with job_id" });
      }
      const filter = { ...toLogFilter(query, deps.config, issues), queue: query.queue, jobId: query.job_id };
      const timeoutMs = deps.config.LOG_SEARCH_TIMEOUT_MS;
      const release = deps.logSearch.slots.take(principal.keyId);
      const r = await searchLogs(deps.logSearch.pool, filter, {
        limit: query.limit,
        offset: query.offset,
        before,
        countCap: deps.config.LOG_COUNT_CAP,
        timeoutMs,
      })
        .catch((err: unknown) => {
          throw logQueryError(err, timeoutMs);
        })
        .finally(release);
      const last = r.rows.at(-1);
      return {
        logs: r.rows.map((row) => ({
          id: `log_${row.id}`,
          timestamp: row.timestamp.toISOString(),
          level: row.level,
          service: row.service,
          message: row.message,
          request_id: row.request_id,
          user_id: row.user_id,
          queue: row.queue,
          job_id: row.job_id,
          metadata: row.metadata,
        })),
        pagination: {
          total: r.total,
          limit: query.limit,
          offset: query.offset,
          total_is_estimate: r.totalIsEstimate,
          next_cursor: r.hasMore && last ? encodeTimeIdCursor(last) : null,
        },
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/histogram`,
    operationId: "logHistogram",
    summary: "How many logs a search matches over time, in equal buckets",
    description:
      "The same filters as the search (and the same 400s for a bad or explosive regex or an inverted window), " +
      "without paging. The window defaults to the 24 h before end_time (default now) and is cut into `buckets` " +
      "equal slices, oldest first, empty ones as 0. It runs under the search's statement timeout (400 " +
      "search_timeout) and takes one of the search slots (429 too_many_searches).",
    tags: TAGS,
    access: { permission: "logs.read" },
    rateLimit: "read",
    query: LogHistogramQuery,
    response: { schema: LogHistogramResult, description: "Matches per bucket" },
    async handler({ query, deps, principal }) {
      const end = query.end_time ? Date.parse(query.end_time) : Date.now();
      const start = query.start_time ? Date.parse(query.start_time) : end - HISTOGRAM_DEFAULT_WINDOW_MS;
      const filter = toLogFilter(
        { ...query, start_time: new Date(start).toISOString(), end_time: new Date(end).toISOString() },
        deps.config,
      );
      const timeoutMs = deps.config.LOG_SEARCH_TIMEOUT_MS;
      const release = deps.logSearch.slots.take(principal.keyId);
      const h = await logHistogram(
        deps.logSearch.pool,
        filter,
        { start, end, buckets: query.buckets },
        { timeoutMs, graceMs: SEARCH_DEADLINE_GRACE_MS },
      )
        .catch((err: unknown) => {
          throw logQueryError(err, timeoutMs);
        })
        .finally(release);
      return {
        start_time: new Date(start).toISOString(),
        end_time: new Date(end).toISOString(),
        bucket_seconds: h.bucketMs / 1000,
        buckets: h.counts.map((count, i) => ({ start: new Date(start + i * h.bucketMs).toISOString(), count })),
        total: h.counts.reduce((a, b) => a + b, 0),
      };
    },
  }),
  defineRoute({
    method: "post",
    path: BASE,
    operationId: "ingestLogs",
    summary: "Ship a batch of log entries from another service of the platform",
    description:
      "At most LOG_INGEST_MAX_ENTRIES entries and LOG_INGEST_MAX_BYTES of JSON per request; timestamps within the " +
      "retention period and at most 1 h ahead. Written before the response (201).",
    tags: TAGS,
    access: { permission: "logs.write" },
    rateLimit: "write",
    body: LogIngestBody,
    errors: [413],
    response: { status: 201, schema: LogIngestResult, description: "How many entries were stored" },
    async handler({ body, deps }) {
      const c = deps.config;
      if (body.logs.length > c.LOG_INGEST_MAX_ENTRIES) {
        throw new AppError(413, "too_many_entries", `At most ${c.LOG_INGEST_MAX_ENTRIES} entries per request.`);
      }
      const bytes = Buffer.byteLength(JSON.stringify(body.logs));
      if (bytes > c.LOG_INGEST_MAX_BYTES) {
        throw new AppError(
          413,
          "batch_too_large",
          `The entries total ${bytes} bytes; at most ${c.LOG_INGEST_MAX_BYTES}.`,
        );
      }
      const now = Date.now();
      const oldest = now - c.LOG_RETENTION_DAYS * 86_400_000;
      const newest = now + 3_600_000;
      const issues: FieldIssue[] = [];
      const rows: AppLogEntry[] = body.logs.map((e, i) => {
        const ts = e.timestamp ? new Date(e.timestamp) : new Date(now);
        if (ts.getTime() < oldest || ts.getTime() > newest) {
          issues.push({
            field: `body.logs[${i}].timestamp`,
            code: "outside_retention",
            message: `must be within the last ${c.LOG_RETENTION_DAYS} days and at most 1 h ahead`,
          });
        }
        if (e.metadata && JSON.stringify(e.metadata).length > 16_384) {
          issues.push({
            field: `body.logs[${i}].metadata`,
            code: "too_large",
            message: "at most 16384 characters of JSON",
          });
        }
        return {
          timestamp: ts,
          level: e.level,
          service: e.service,
          message: e.message,
          requestId: e.request_id ?? null,
          userId: e.user_id ?? null,
          queue: e.queue ?? null,
          jobId: e.job_id ?? null,
          metadata: e.metadata ?? {},
        };
      });
      if (issues.length) throw new ValidationError(issues.slice(0, 50));
      return { accepted: await insertAppLogs(deps.db.pool, rows) };
    },
  }),
];
