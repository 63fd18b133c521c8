// Log archives: the days of logs the worker archived before retention
// dropped them (or tried to: a failed attempt is listed with its reason and
// its day's logs are kept). Listed to keys that may export logs; each file is
// fetched through a signed, short-lived link and streamed through the API,
// like an export's. Archives the worker expired (LOG_ARCHIVE_RETENTION_DAYS)
// are not listed, and a link to one is a 404 saying so.
import {
  AppError,
  LogArchiveDayParams,
  LogArchiveList,
  LogArchiveListQuery,
  type LogArchiveView,
  LogDownloadQuery,
  NotFoundError,
} from "@opsdeck/core";
import { fileStoreFor, getLogArchive, listLogArchives, type LogArchiveRecord } from "@opsdeck/db";

import type { AppDeps } from "../deps";
import { applyRateLimit } from "../http/mount";
import { defineRawRoute, defineRoute } from "../http/route";
import { archiveDownloadUrl, verifyDownload } from "../logs/downloadLink";
import { openStoredFile, sendStoredFile } from "../logs/sendStoredFile";

const BASE = "/api/v1/platform/system/logs/archives";
const TAGS = ["logs"];

/** A listed archive (listLogArchives leaves out expired ones). */
function view(a: LogArchiveRecord & { status: LogArchiveView["status"] }, deps: AppDeps): LogArchiveView {
  const c = deps.config;
  return {
    day: a.day,
    status: a.status,
    row_count: a.rowCount,
    size_bytes: a.sizeBytes,
    sha256: a.sha256,
    error: a.error,
    attempts: a.attempts,
    archived_at: a.archivedAt?.toISOString() ?? null,
    download_url:
      a.status === "archived"
        ? archiveDownloadUrl(
            { baseUrl: c.publicUrl, secret: c.downloadSigningSecret, ttlSeconds: c.DOWNLOAD_URL_TTL_SECONDS },
            a.day,
          )
        : null,
  };
}

export const logArchiveRoutes = [
  defineRoute({
    method: "get",
    path: BASE,
    operationId: "listLogArchives",
    summary: "Archived days of logs, newest first, with signed download links",
    description:
      "Before retention drops a day of logs, the worker writes it as NDJSON gzip to the export storage, reads it " +
      "back (row count, SHA-256) and only then drops it. A failed attempt is listed with its reason; that day's " +
      "logs are kept and tried again on the next hourly run. Archives past the worker's LOG_ARCHIVE_RETENTION_DAYS " +
      "(when set) are deleted and no longer listed.",
    tags: TAGS,
    access: { permission: "logs.export" },
    rateLimit: "read",
    query: LogArchiveListQuery,
    response: { schema: LogArchiveList, description: "Archives" },
    async handler({ query, deps }) {
      const r = await listLogArchives(deps.db.pool, { limit: query.limit, offset: query.offset });
      return {
        archives: r.rows.map((a) => view(a, deps)),
        pagination: { total: r.total, limit: query.limit, offset: query.offset },
      };
    },
  }),
  defineRawRoute({
    method: "get",
    path: `${BASE}/{day}/download`,
    operationId: "downloadLogArchive",
    summary: "Download a day's archive (NDJSON gzip) through its signed link",
    description:
      "The link (from GET /logs/archives) is the credential; a tampered or expired link is a 403. Downloads count " +
      "against the caller's IP under the read policy. An archive deleted since (LOG_ARCHIVE_RETENTION_DAYS) is a 404.",
    tags: TAGS,
    access: "public",
    rateLimit: "read",
    rateLimitSubject: "handler",
    params: LogArchiveDayParams,
    query: LogDownloadQuery,
    errors: [403, 404, 503],
    response: {
      contentType: ["application/gzip"],
      description: "The archive, streamed: one JSON object per line, oldest first, gzip-compressed",
    },
    async handler({ params, query, deps, req, res }) {
      await applyRateLimit(deps, req, res, { policy: "read" }, null);
      const check = verifyDownload(
        deps.config.downloadSigningSecret,
        params.day,
        Number(query.expires),
        null,
        query.signature,
        "log-archive",
      );
      if (check === "bad_signature")
        throw new AppError(403, "invalid_download_link", "This download link is not valid.");
      if (check === "expired") {
        throw new AppError(403, "invalid_download_link", "This download link has expired; list the archives again.");
      }
      const a = await getLogArchive(deps.db.pool, params.day);
      if (a?.status === "expired") {
        // Its file was deleted (file first, then this row), so there is nothing left to stream.
        throw new NotFoundError(
          "archive_not_available",
          `The archive of ${params.day} expired and was deleted on ${a.expiredAt?.toISOString().slice(0, 10) ?? "an earlier run"}.`,
        );
      }
      if (!a || a.status !== "archived" || !a.fileName) {
        throw new NotFoundError("archive_not_available", `No archive of ${params.day}.`);
      }
      const file = await openStoredFile(fileStoreFor(deps.config), a.fileName, (err) =>
        deps.logger.error("archive storage read failed", { err, day: a.day }),
      );
      if (!file) throw new NotFoundError("archive_not_available", `The archive of ${params.day} is gone.`);
      await sendStoredFile(res, file, { contentType: "application/gzip", fileName: a.fileName, sha256: a.sha256 });
    },
  }),
];
