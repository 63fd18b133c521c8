// `opsdeck logs search|export|exports|export-status|download` over the HTTP
// API. `export --wait` polls the export, draws a progress bar on stderr and
// downloads the file through its signed link when it completes.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import { LogExportFormat, LogLevel } from "@opsdeck/core";

import { type ApiBody, type ApiData, apiEnum, createApiClient } from "../api";
import { intOption, JSON_FLAG, PAGE_FLAGS, time, withoutEmpty } from "../args";
import { CliError, command, type CommandGroup, type Io } from "../command";
import { json, keyValues, line, pageFooter, table } from "../output";

const EXPORTS = "/api/v1/platform/system/logs/exports";
type LogExportView = ApiData<"get", `${typeof EXPORTS}/{export_id}`>;
/** The filters as the export body types them (booleans); search sends them as query strings. */
type Filters = Omit<ApiBody<"post", typeof EXPORTS>, "format" | "gzip">;

const FILTERS = {
  query: {
    type: "string",
    short: "q",
    value: "TEXT",
    help: 'full text: words, "a phrase", prefix*, OR, -word (a POSIX regex with --regex)',
  },
  regex: { type: "boolean", default: false, help: "--query is a POSIX regular expression" },
  "ignore-case": { type: "boolean", default: false, help: "with --regex: ignore case", field: "case_insensitive" },
  level: { type: "string", value: "LEVEL", help: `only this level: ${LogLevel.options.join(", ")}` },
  service: { type: "string", value: "NAME", help: "only this service's logs" },
  since: { type: "string", value: "1h|ISO", help: "at or after (a time, or that long ago)", field: "start_time" },
  until: { type: "string", value: "1h|ISO", help: "before", field: "end_time" },
  "request-id": { type: "string", value: "ID", help: "one request's logs" },
  "user-id": { type: "string", value: "ID", help: "one user's logs" },
} as const;

interface FilterValues {
  query?: string | undefined;
  regex?: boolean | undefined;
  "ignore-case"?: boolean | undefined;
  level?: string | undefined;
  service?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  "request-id"?: string | undefined;
  "user-id"?: string | undefined;
}

function filterParams(v: FilterValues): Filters {
  return {
    query: v.query,
    regex: v.regex || undefined,
    case_insensitive: v["ignore-case"] || undefined,
    level: apiEnum<NonNullable<Filters["level"]>>(v.level),
    service: v.service,
    start_time: time(v.since, "since"),
    end_time: time(v.until, "until"),
    request_id: v["request-id"],
    user_id: v["user-id"],
  };
}

function bar(percent: number, rows: number): string {
  const width = 30;
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${percent.toFixed(1).padStart(5)}% ${rows} rows`;
}

/**
 * Downloads a completed export through OPSDECK_URL (the API's PUBLIC_URL, which
 * the signed link is built on, may not be reachable from here): the link's
 * expiry and signature, sent to the contract's download route.
 */
async function download(io: Io, exportId: string, url: string, output: string | undefined): Promise<string> {
  const link = new URL(url);
  const expires = link.searchParams.get("expires");
  const signature = link.searchParams.get("signature");
  if (!expires || !signature) throw new CliError("bad_response", `export ${exportId}'s download link is not signed`);
  const res = await createApiClient(io.env).getRaw(`${EXPORTS}/{export_id}/download`, {
    params: { path: { export_id: exportId }, query: { expires, signature } },
  });
  if (!res.body) throw new CliError("bad_response", `export ${exportId}'s download has no body`);
  const suggested = /filename="([A-Za-z0-9_.-]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  const file = output ?? path.basename(suggested ?? "export.bin");
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), fs.createWriteStream(file));
  return file;
}

async function waitFor(io: Io, id: string, intervalMs: number, quiet: boolean): Promise<LogExportView> {
  const api = createApiClient(io.env);
  for (;;) {
    const e = await api.get(`${EXPORTS}/{export_id}`, { params: { path: { export_id: id } } });
    if (!quiet) io.err(bar(e.progress.percent, e.progress.rows));
    if (e.status === "completed" || e.status === "failed" || e.status === "expired") {
      if (!quiet) io.err("\n");
      return e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const logs: CommandGroup = {
  description: "Search and export application logs",
  commands: {
    search: command({
      description: "Search logs, newest first",
      flags: {
        ...FILTERS,
        limit: { type: "string", value: "N", help: "how many to show (default 50)" },
        cursor: { type: "string", value: "C", help: "the next page, as the previous page printed it" },
        ...JSON_FLAG,
      },
      examples: [
        "opsdeck logs search -q timeout --since 1h",
        "opsdeck logs search --level error --service worker --since 2024-05-01T00:00:00Z",
      ],
      async run({ values }, io) {
        const f = filterParams(values);
        const query = withoutEmpty({
          ...f,
          // Query strings: the booleans as "true" (absent means false).
          regex: f.regex ? ("true" as const) : undefined,
          case_insensitive: f.case_insensitive ? ("true" as const) : undefined,
          limit: intOption(values.limit, "limit"),
          cursor: values.cursor,
        });
        const r = await createApiClient(io.env).get("/api/v1/platform/system/logs", { params: { query } });
        if (values.json) return io.out(json(r));
        io.out(
          table(
            ["TIME", "LEVEL", "SERVICE", "REQUEST", "MESSAGE"],
            r.logs.map((l) => [
              l.timestamp,
              l.level,
              l.service,
              l.request_id,
              l.message.replace(/\s+/g, " ").slice(0, 120),
            ]),
          ),
        );
        const p = r.pagination;
        io.out(
          line`${r.logs.length} of ${p.total_is_estimate ? "about " : ""}${p.total}` +
            (p.next_cursor ? line` — next page: --cursor ${p.next_cursor}` : "") +
            "\n",
        );
      },
    }),
    export: command({
      description: "Start an export of what a search would find; with --wait show progress and download the file",
      flags: {
        ...FILTERS,
        format: { type: "string", default: "csv", value: "FORMAT", help: LogExportFormat.options.join(", ") },
        gzip: { type: "boolean", default: false, help: "gzip the file" },
        wait: { type: "boolean", default: false, help: "wait for it, then download the file" },
        output: { type: "string", short: "o", value: "FILE", help: "with --wait: where to save (default: its name)" },
        interval: { type: "string", value: "MS", help: "with --wait: poll every MS milliseconds (default 1000)" },
        ...JSON_FLAG,
      },
      examples: [
        "opsdeck logs export --level error --since 24h --format ndjson --wait",
        "opsdeck logs export -q timeout --since 7d --gzip",
      ],
      async run({ values }, io) {
        const body = {
          ...filterParams(values),
          format: apiEnum<NonNullable<ApiBody<"post", typeof EXPORTS>["format"]>>(values.format),
          gzip: values.gzip,
        };
        const interval = intOption(values.interval, "interval") ?? 1_000;
        const created = await createApiClient(io.env).post(EXPORTS, { body });
        if (!values.wait) {
          return io.out(
            values.json
              ? json(created)
              : line`${created.export_id}: processing (opsdeck logs export-status ${created.export_id})\n`,
          );
        }
        const e = await waitFor(io, created.export_id, interval, values.json);
        if (e.status !== "completed" || !e.download_url) {
          throw new CliError(`export_${e.status}`, e.error ?? `export ${e.export_id} ended ${e.status}`);
        }
        const file = await download(io, e.export_id, e.download_url, values.output);
        if (values.json) return io.out(json({ ...e, file }));
        io.out(
          keyValues([
            ["export", e.export_id],
            ["rows", e.row_count],
            ["bytes", e.size_bytes],
            ["sha256", e.sha256],
            ["file", file],
          ]),
        );
      },
    }),
    exports: command({
      description: "Exports, newest first (yours; every key's for a full ops key)",
      flags: { ...PAGE_FLAGS, ...JSON_FLAG },
      examples: ["opsdeck logs exports", "opsdeck logs exports --limit 10 --json"],
      async run({ values }, io) {
        const r = await createApiClient(io.env).get(EXPORTS, {
          params: { query: { limit: intOption(values.limit, "limit"), offset: intOption(values.offset, "offset") } },
        });
        if (values.json) return io.out(json(r));
        io.out(
          table(
            ["EXPORT", "STATUS", "FORMAT", "PROGRESS", "ROWS", "BYTES", "CREATED", "EXPIRES"],
            r.exports.map((e) => [
              e.export_id,
              e.status,
              e.format + (e.gzip ? ".gz" : ""),
              `${e.progress.percent.toFixed(0)}%`,
              e.row_count ?? e.progress.rows,
              e.size_bytes,
              e.created_at,
              e.expires_at,
            ]),
          ) + pageFooter(r.exports.length, r.pagination),
        );
      },
    }),
    "export-status": command({
      description: "One export: status, progress, size, checksum, filters",
      args: ["export_id"],
      flags: JSON_FLAG,
      examples: ["opsdeck logs export-status export_logs_0123456789abcdefghij"],
      async run({ values, args: [id] }, io) {
        const e = await createApiClient(io.env).get(`${EXPORTS}/{export_id}`, { params: { path: { export_id: id } } });
        if (values.json) return io.out(json(e));
        io.out(
          keyValues([
            ["export", e.export_id],
            ["status", e.status],
            ["progress", `${e.progress.percent.toFixed(1)}% (${e.progress.rows} rows)`],
            ["format", e.format + (e.gzip ? " (gzip)" : "")],
            ["rows", e.row_count],
            ["bytes", e.size_bytes],
            ["sha256", e.sha256],
            ["filters", e.filters],
            ["created", e.created_at],
            ["completed", e.completed_at],
            ["expires", e.expires_at],
            ["error", e.error],
            ["download", e.download_url ? `opsdeck logs download ${e.export_id}` : null],
          ]),
        );
      },
    }),
    download: command({
      description: "Download a completed export",
      args: ["export_id"],
      flags: { output: { type: "string", short: "o", value: "FILE", help: "where to save (default: its name)" } },
      examples: ["opsdeck logs download export_logs_0123456789abcdefghij -o errors.ndjson"],
      async run({ values, args: [id] }, io) {
        const e = await createApiClient(io.env).get(`${EXPORTS}/{export_id}`, { params: { path: { export_id: id } } });
        if (!e.download_url) throw new CliError("not_ready", `export ${id} is ${e.status}; nothing to download yet`);
        io.out(line`${await download(io, id, e.download_url, values.output)}\n`);
      },
    }),
  },
};
