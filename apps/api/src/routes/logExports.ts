// Asynchronous log exports.
// Creating one records it, then enqueues {export_id} on `log-exports` with
// the export id as job id (a retried request cannot start it twice). A key
// sees only its own exports unless it is ops. Files are fetched through a
// signed, short-lived link.
import {
  AppError,
  auditTarget,
  defaultJobOptions,
  LogDownloadQuery,
  LogExportBody,
  LogExportCreated,
  LogExportIdParams,
  LogExportList,
  LogExportListQuery,
  LogExportQuery,
  LogExportView,
  NotFoundError,
  ROLE_PERMISSIONS,
  ValidationError,
} from "@opsdeck/core";
import {
  createLogExport,
  exportContentType,
  failLogExport,
  fileStoreFor,
  getLogExport,
  isExportId,
  listLogExports,
  type LogExportRecord,
  newExportId,
} from "@opsdeck/db";

import type { AppDeps } from "../deps";
import type { Principal } from "../http/auth";
import { applyRateLimit } from "../http/mount";
import { defineRawRoute, defineRoute, reply, type RouteContext } from "../http/route";
import { downloadUrl, verifyDownload } from "../logs/downloadLink";
import { type FilterInput, filtersView, toLogFilter } from "../logs/filters";
import { openStoredFile, sendStoredFile } from "../logs/sendStoredFile";

const BASE = "/api/v1/platform/system/logs";
const TAGS = ["logs"];
const DAY_MS = 86_400_000;

function principalOf(p: Principal | null): Principal {
  if (!p) throw new Error("keyed route without a principal");
  return p;
}

/** Ops keys see every export; a key narrowed below the full ops set (automation) sees only its own. */
function seesAll(p: Principal): boolean {
  return p.role === "ops" && ROLE_PERMISSIONS.ops.every((perm) => p.permissions.has(perm));
}

function view(e: LogExportRecord, deps: AppDeps): LogExportView {
  const total = e.totalRows ?? 0;
  const done = e.status === "completed";
  const c = deps.config;
  return {
    export_id: e.id,
    status: e.status,
    format: e.format,
    gzip: e.gzip,
    progress: {
      rows: e.rowsWritten,
      percent: done ? 100 : total > 0 ? Math.min(99.9, Math.round((e.rowsWritten / total) * 1000) / 10) : 0,
    },
    row_count: e.rowCount,
    size_bytes: e.sizeBytes,
    sha256: e.sha256,
    download_url:
      done && e.expiresAt.getTime() > Date.now()
        ? downloadUrl(
            { baseUrl: c.publicUrl, secret: c.downloadSigningSecret, ttlSeconds: c.DOWNLOAD_URL_TTL_SECONDS },
            e.id,
            e.ownerKeyId,
            e.expiresAt,
          )
        : null,
    expires_at: e.expiresAt.toISOString(),
    error: e.error,
    created_at: e.createdAt.toISOString(),
    completed_at: e.completedAt?.toISOString() ?? null,
    owner_key_id: e.ownerKeyId,
    filters: filtersView(e.filters),
  };
}

/** The export if it exists and the caller may see it; otherwise 404 (never "exists but not yours"). */
async function visibleExport(deps: AppDeps, principal: Principal, id: string): Promise<LogExportRecord> {
  const e = isExportId(id) ? await getLogExport(deps.db.pool, id) : null;
  if (!e || (!seesAll(principal) && e.ownerKeyId !== principal.keyId)) {
    throw new NotFoundError("export_not_found", `No export ${id.slice(0, 64)}.`);
  }
  return e;
}

async function startExport(
  ctx: RouteContext<unknown, unknown, unknown>,
  input: FilterInput & { format: LogExportRecord["format"]; gzip: boolean },
) {
  const { deps } = ctx;
  const c = deps.config;
  const principal = principalOf(ctx.principal);
  ctx.audit.parameters = { format: input.format, gzip: input.gzip };
  // The window is frozen now: an export holds the logs that existed when it was asked for.
  const end = input.end_time ? Date.parse(input.end_time) : Date.now();
  const start = input.start_time ? Date.parse(input.start_time) : end - c.LOG_EXPORT_MAX_WINDOW_DAYS * DAY_MS;
  if (end - start > c.LOG_EXPORT_MAX_WINDOW_DAYS * DAY_MS) {
    throw new ValidationError([
      {
        field: "start_time",
        code: "window_too_wide",
        message: `an export covers at most ${c.LOG_EXPORT_MAX_WINDOW_DAYS} days`,
      },
    ]);
  }
  const filter = toLogFilter(
    { ...input, start_time: new Date(start).toISOString(), end_time: new Date(end).toISOString() },
    c,
  );
  ctx.audit.parameters = { format: input.format, gzip: input.gzip, filters: filtersView(filter) };
  const id = newExportId();
  const created = await createLogExport(
    deps.db.pool,
    {
      id,
      ownerKeyId: principal.keyId,
      format: input.format,
      gzip: input.gzip,
      filters: filter,
      maxRows: c.LOG_EXPORT_MAX_ROWS,
      expiresAt: new Date(Date.now() + c.LOG_EXPORT_TTL_DAYS * DAY_MS),
    },
    c.LOG_EXPORT_MAX_CONCURRENT,
  );
  if (!created) {
    throw new AppError(
      429,
      "too_many_exports",
      `This key already has ${c.LOG_EXPORT_MAX_CONCURRENT} exports queued or running; wait for one to finish.`,
      { retryAfter: 30 },
    );
  }
  ctx.audit.target = auditTarget.export(id);
  try {
    // The export id is the job id: a repeated enqueue of the same export is a no-op.
    await deps.queues
      .get("log-exports")
      .add("export", { export_id: id }, { ...defaultJobOptions("log-exports"), jobId: id });
  } catch (err) {
    await failLogExport(deps.db.pool, id, "could not be queued", true);
    throw err;
  }
  return reply(
    { export_id: id, status: "processing" as const, download_url: null },
    { headers: { Location: `${BASE}/exports/${id}` } },
  );
}

/** Both ways of starting an export are audited alike; the target is the export once it exists. */
const EXPORT_AUDIT = { action: "logs.export", target: () => auditTarget.export(null) };

const created = {
  status: 202 as const,
  schema: LogExportCreated,
  description: "Accepted; poll Location for status and the download link",
  headers: { Location: "The export's status URL" },
};

export const logExportRoutes = [
  defineRoute({
    method: "get",
    path: `${BASE}/export`,
    operationId: "exportLogsSeed",
    summary: "Start an export of the logs a search would return (GET form)",
    description: "Same as POST /logs/exports, with the search parameters in the query string.",
    tags: TAGS,
    access: { permission: "logs.export" },
    rateLimit: "write",
    query: LogExportQuery,
    errors: [429],
    audit: EXPORT_AUDIT,
    response: created,
    handler: (ctx) => startExport(ctx, ctx.query),
  }),
  defineRoute({
    method: "post",
    path: `${BASE}/exports`,
    operationId: "createLogExport",
    summary: "Start an export of the logs a search would return",
    description: "Formats csv (RFC 4180, formulas neutralised), json (one array), ndjson, txt; optional gzip.",
    tags: TAGS,
    access: { permission: "logs.export" },
    rateLimit: "write",
    body: LogExportBody,
    errors: [429],
    audit: EXPORT_AUDIT,
    response: created,
    handler: (ctx) => startExport(ctx, ctx.body),
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/exports`,
    operationId: "listLogExports",
    summary: "This key's exports, newest first (every key's for a full ops key)",
    tags: TAGS,
    access: { permission: "logs.export" },
    rateLimit: "read",
    query: LogExportListQuery,
    response: { schema: LogExportList, description: "Exports" },
    async handler({ query, principal, deps }) {
      const p = principalOf(principal);
      const r = await listLogExports(deps.db.pool, {
        ownerKeyId: seesAll(p) ? undefined : p.keyId,
        limit: query.limit,
        offset: query.offset,
      });
      return {
        exports: r.rows.map((e) => view(e, deps)),
        pagination: { total: r.total, limit: query.limit, offset: query.offset },
      };
    },
  }),
  defineRoute({
    method: "get",
    path: `${BASE}/exports/{export_id}`,
    operationId: "getLogExport",
    summary: "An export's status, progress, size, checksum and (when completed) a signed download link",
    tags: TAGS,
    access: { permission: "logs.export" },
    rateLimit: "read",
    params: LogExportIdParams,
    errors: [404],
    response: { schema: LogExportView, description: "The export" },
    async handler({ params, principal, deps }) {
      return view(await visibleExport(deps, principalOf(principal), params.export_id), deps);
    },
  }),
  defineRawRoute({
    method: "get",
    path: `${BASE}/exports/{export_id}/download`,
    operationId: "downloadLogExport",
    summary: "Download an export's file through its signed link",
    description:
      "The link (from GET /logs/exports/{export_id}) is the credential; a tampered or expired link is a 403. " +
      "A valid link counts against the read policy of the key that created the export (the same budget as that " +
      "key's own reads), never against the caller's IP; anything else counts against the caller's IP.",
    tags: TAGS,
    access: "public",
    rateLimit: "read",
    rateLimitSubject: "handler",
    params: LogExportIdParams,
    query: LogDownloadQuery,
    // 403: a tampered, expired or unknown link (the link is the credential; the route is public).
    errors: [403, 404, 503],
    response: {
      // The file is sent in its own media type (exportContentType).
      contentType: ["text/csv", "application/json", "application/x-ndjson", "text/plain", "application/gzip"],
      description: "The file, streamed, in its format's media type (gzip when the export was compressed)",
    },
    async handler({ params, query, deps, req, res }) {
      const refused = (why: string) => new AppError(403, "invalid_download_link", why);
      const id = params.export_id;
      // Checked before any lookup: only a well-formed id is ever turned into a file name.
      const e = isExportId(id) ? await getLogExport(deps.db.pool, id) : null;
      const check = e
        ? verifyDownload(deps.config.downloadSigningSecret, id, Number(query.expires), e.ownerKeyId, query.signature)
        : "bad_signature";
      // A genuine link is the owner key's read, so anonymous traffic from the same IP cannot use up its
      // budget; anything else (and a link to an export whose key is gone) is the caller's IP's.
      const owner = check === "ok" && e?.ownerKeyId ? { keyId: e.ownerKeyId } : null;
      await applyRateLimit(deps, req, res, { policy: "read" }, owner);
      if (!e || check === "bad_signature") throw refused("This download link is not valid.");
      if (check === "expired") throw refused("This download link has expired; get a new one from the export's status.");
      if (e.status !== "completed" || !e.fileName || e.expiresAt.getTime() <= Date.now()) {
        throw new NotFoundError(
          "export_file_not_available",
          `Export ${id} has no file to download (status ${e.status}).`,
        );
      }
      const file = await openStoredFile(fileStoreFor(deps.config), e.fileName, (err) =>
        deps.logger.error("export storage read failed", { err, export_id: id }),
      );
      if (!file) throw new NotFoundError("export_file_not_available", `Export ${id}'s file is gone.`);
      await sendStoredFile(res, file, {
        contentType: exportContentType(e.format, e.gzip),
        fileName: e.fileName,
        sha256: e.sha256,
      });
    },
  }),
];
