// Log search, ingestion and export. Field names are those of the published
// System Monitoring API; fields it lacks are marked "addition".
import { z } from "zod";

import { QueueName } from "../queues";
import {
  IsoTime,
  JSON_MAX_DEPTH,
  JSON_MAX_ENTRIES,
  JsonObject,
  Limit,
  Offset,
  Pagination,
  QueryFlag,
  Text,
} from "./common";
import { JobId } from "./jobs";

export const LogLevel = z.enum(["error", "warning", "info", "debug"]);
export type LogLevel = z.infer<typeof LogLevel>;
export const LogExportFormat = z.enum(["csv", "json", "ndjson", "txt"]);
export type LogExportFormat = z.infer<typeof LogExportFormat>;
const LogExportStatus = z.enum(["queued", "processing", "completed", "failed", "expired"]);

/** Longest full-text `query`, characters. A regex is capped lower by the API (LOG_REGEX_MAX_LENGTH). */
export const LOG_QUERY_MAX = 500;
const Ident = Text.min(1).max(200);

/** The log filters, shared by search and export. */
const LogFilterFields = {
  query: Text.min(1)
    .max(LOG_QUERY_MAX)
    .optional()
    .describe('Full text (words, "phrase", prefix*, OR, -word) or, with regex=true, a POSIX regex'),
  regex: QueryFlag.describe("Treat query as a regular expression (addition)"),
  case_insensitive: QueryFlag.describe("Regex only: ignore case (addition; full text always does)"),
  level: LogLevel.optional(),
  service: Ident.optional().describe("Filter by service name"),
  start_time: IsoTime.optional().describe("ISO 8601, inclusive"),
  end_time: IsoTime.optional().describe("ISO 8601, inclusive"),
  request_id: Ident.optional(),
  user_id: Ident.optional(),
};

export const LogSearchQuery = z.strictObject({
  ...LogFilterFields,
  queue: QueueName.optional().describe("Lines a worker logged for a job of this queue (addition)"),
  job_id: JobId.optional().describe("Lines a worker logged for this job; needs queue (addition)"),
  limit: Limit,
  offset: Offset,
  cursor: z.string().min(1).max(100).optional().describe("next_cursor of the previous page (addition; keyset paging)"),
});
export type LogSearchQuery = z.infer<typeof LogSearchQuery>;

/** Most buckets a histogram may ask for. */
const LOG_HISTOGRAM_MAX_BUCKETS = 200;

/** GET /logs/histogram: the search filters (no paging) and how many buckets to cut the window into. */
export const LogHistogramQuery = z.strictObject({
  ...LogFilterFields,
  start_time: IsoTime.optional().describe("ISO 8601, inclusive; default end_time − 24 h"),
  end_time: IsoTime.optional().describe("ISO 8601, inclusive; default now"),
  buckets: z.coerce
    .number()
    .int()
    .min(1)
    .max(LOG_HISTOGRAM_MAX_BUCKETS)
    .default(60)
    .describe(`Equal slices of the window (default 60, max ${LOG_HISTOGRAM_MAX_BUCKETS})`),
});
export type LogHistogramQuery = z.infer<typeof LogHistogramQuery>;

export const LogHistogramResult = z.object({
  start_time: z.string().describe("Start of the first bucket, ISO 8601"),
  end_time: z.string().describe("End of the window (inclusive), ISO 8601"),
  bucket_seconds: z.number().describe("Width of each bucket, seconds"),
  buckets: z.array(z.object({ start: z.string().describe("ISO 8601"), count: z.number().int() })),
  total: z.number().int().describe("Matches in the window: the sum of the buckets"),
});

const LogEntry = z.object({
  id: z.string(),
  timestamp: z.string(),
  level: z.string(),
  service: z.string(),
  message: z.string(),
  request_id: z.string().nullable(),
  user_id: z.string().nullable(),
  queue: z.string().nullable().describe("The queue of the job the line was logged for (addition)"),
  job_id: z.string().nullable().describe("The job the line was logged for (addition)"),
  metadata: z.record(z.string(), z.unknown()),
});
type LogEntry = z.infer<typeof LogEntry>;

export const LogSearchResult = z.object({
  logs: z.array(LogEntry),
  pagination: Pagination.extend({
    /** Addition: true when `total` is the planner's estimate (more matches than the exact-count cap, counted or expected). */
    total_is_estimate: z.boolean(),
    /** Addition: pass as `cursor` for the next page; null on the last page. */
    next_cursor: z.string().nullable(),
  }),
});
export type LogSearchResult = z.infer<typeof LogSearchResult>;

/** Longest message accepted by ingestion, characters. */
const LOG_MESSAGE_MAX = 32_768;

const LogIngestEntry = z.strictObject({
  timestamp: IsoTime.optional().describe("Defaults to the time of receipt"),
  level: LogLevel,
  service: Ident,
  message: z.string().min(1).max(LOG_MESSAGE_MAX),
  request_id: Ident.nullable().optional(),
  user_id: Ident.nullable().optional(),
  queue: QueueName.nullable().optional().describe("The queue of the job the line is about (addition)"),
  job_id: JobId.nullable().optional().describe("The job the line is about (addition)"),
  metadata: JsonObject.optional().describe(
    `Free-form JSON object: at most ${JSON_MAX_DEPTH} levels deep, ${JSON_MAX_ENTRIES} keys and array elements ` +
      "in all, 16384 characters of JSON",
  ),
});

export const LogIngestBody = z.strictObject({
  logs: z.array(LogIngestEntry).min(1).max(1_000).describe("At most 1000 entries (and LOG_INGEST_MAX_BYTES in all)"),
});
export type LogIngestBody = z.infer<typeof LogIngestBody>;

export const LogIngestResult = z.object({ accepted: z.number().int() });

/** GET /logs/export: the search filters plus format and gzip. */
export const LogExportQuery = z.strictObject({
  ...LogFilterFields,
  format: LogExportFormat.default("csv"),
  gzip: QueryFlag.describe("Compress the file with gzip (addition)"),
});
export type LogExportQuery = z.infer<typeof LogExportQuery>;

/** POST /logs/exports: the same, as JSON. */
export const LogExportBody = z.strictObject({
  query: LogFilterFields.query,
  regex: z.boolean().default(false),
  case_insensitive: z.boolean().default(false),
  level: LogLevel.optional(),
  service: Ident.optional(),
  start_time: IsoTime.optional(),
  end_time: IsoTime.optional(),
  request_id: Ident.optional(),
  user_id: Ident.optional(),
  format: LogExportFormat.default("csv"),
  gzip: z.boolean().default(false),
});
export type LogExportBody = z.infer<typeof LogExportBody>;

/** 202 body, (an asynchronous job started). */
export const LogExportCreated = z.object({
  export_id: z.string(),
  status: z.literal("processing"),
  download_url: z.null(),
});

export const LogExportIdParams = z.strictObject({
  export_id: z.string().min(1).max(64).describe("e.g. export_logs_abc"),
});

/**
 * The filters an export was made with, named as the request names them; null
 * when not given. The window is always set: it is frozen when the export is
 * asked for.
 */
export const LogExportFilters = z.object({
  query: z.string().nullable(),
  regex: z.boolean(),
  case_insensitive: z.boolean(),
  level: LogLevel.nullable(),
  service: z.string().nullable(),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
  request_id: z.string().nullable(),
  user_id: z.string().nullable(),
});
export type LogExportFilters = z.infer<typeof LogExportFilters>;

export const LogExportView = z.object({
  export_id: z.string(),
  status: LogExportStatus,
  format: LogExportFormat,
  gzip: z.boolean(),
  progress: z.object({ rows: z.number().int(), percent: z.number() }),
  row_count: z.number().int().nullable(),
  size_bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  /** Signed, short-lived; null until completed. */
  download_url: z.string().nullable(),
  expires_at: z.string(),
  error: z.string().nullable(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  owner_key_id: z.string().nullable(),
  filters: LogExportFilters,
});
export type LogExportView = z.infer<typeof LogExportView>;

export const LogExportList = z.object({ exports: z.array(LogExportView), pagination: Pagination });

export const LogExportListQuery = z.strictObject({ limit: Limit, offset: Offset });

export const LogDownloadQuery = z.strictObject({
  expires: z
    .string()
    .regex(/^\d{1,12}$/)
    .describe("Epoch seconds"),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
});

/** A day of logs archived before retention dropped it (or an attempt that failed and keeps the day's logs). */
export const LogArchiveView = z.object({
  /** UTC day, YYYY-MM-DD. */
  day: z.string(),
  status: z.enum(["archived", "failed"]),
  row_count: z.number().int().nullable(),
  size_bytes: z.number().int().nullable(),
  /** SHA-256 of the file as stored (gzip bytes), hex. */
  sha256: z.string().nullable(),
  /** Why the last attempt failed; null once archived. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  archived_at: z.string().nullable(),
  /** Signed, short-lived; null unless archived. */
  download_url: z.string().nullable(),
});
export type LogArchiveView = z.infer<typeof LogArchiveView>;

export const LogArchiveList = z.object({ archives: z.array(LogArchiveView), pagination: Pagination });

export const LogArchiveListQuery = z.strictObject({ limit: Limit, offset: Offset });

export const LogArchiveDayParams = z.strictObject({
  day: z
    .string()
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, "a UTC day, YYYY-MM-DD")
    .describe("e.g. 2026-11-01"),
});
