// `opsdeck logs search|export|download` over the HTTP API (SPEC §10).
// `export --wait` polls the export, draws a progress bar on stderr and
// downloads the file through its signed link when it completes.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import { type ApiBody, type ApiData, apiEnum, createApiClient } from "../api";
import { intOption, JSON_FLAG, parse } from "../args";
import { CliError, type CommandGroup, type Io, usageError } from "../command";
import { json, keyValues, table } from "../output";

type LogExportView = ApiData<"get", "/api/v1/platform/system/logs/exports/{export_id}">;
/** The filters as the export body types them (booleans); search sends them as query strings. */
type Filters = Omit<ApiBody<"post", "/api/v1/platform/system/logs/exports">, "format" | "gzip">;

const FILTERS = {
  query: { type: "string", short: "q" },
  regex: { type: "boolean", default: false },
  "ignore-case": { type: "boolean", default: false },
  level: { type: "string" },
  service: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  "request-id": { type: "string" },
  "user-id": { type: "string" },
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

/** `--since 15m` / `2h` / `7d`, or an ISO time. */
function time(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const rel = /^(\d+)([smhd])$/.exec(value);
  if (rel) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as "s" | "m" | "h" | "d"];
    return new Date(Date.now() - Number(rel[1]) * unit).toISOString();
  }
  if (Number.isNaN(Date.parse(value))) throw usageError(`--${name} must be an ISO time or a duration like 15m, 2h, 7d`);
  return new Date(value).toISOString();
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

/** `params` without its empty strings: in a search, an empty flag (`-q ""`) means no filter. */
function withoutEmpty<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== "")) as T;
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
  const res = await createApiClient(io.env).getRaw("/api/v1/platform/system/logs/exports/{export_id}/download", {
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
    const e = await api.get("/api/v1/platform/system/logs/exports/{export_id}", {
      params: { path: { export_id: id } },
    });
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
    search: {
      usage:
        "search [-q QUERY] [--regex] [--ignore-case] [--level L] [--service S] [--since 1h|ISO] [--until ISO] [--request-id ID] [--user-id ID] [--limit N] [--cursor C] [--json]",
      description: "Search logs, newest first",
      async run(args, io) {
        const { values } = parse(
          args,
          { ...JSON_FLAG, ...FILTERS, limit: { type: "string" }, cursor: { type: "string" } },
          [],
        );
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
          `${r.logs.length} of ${p.total_is_estimate ? "about " : ""}${p.total}` +
            (p.next_cursor ? ` — next page: --cursor ${p.next_cursor}` : "") +
            "\n",
        );
      },
    },
    export: {
      usage:
        "export [filters as for search] [--format csv|json|ndjson|txt] [--gzip] [--wait [--output FILE] [--interval MS]] [--json]",
      description: "Start an export; with --wait show progress and download the file",
      async run(args, io) {
        const { values } = parse(
          args,
          {
            ...JSON_FLAG,
            ...FILTERS,
            format: { type: "string", default: "csv" },
            gzip: { type: "boolean", default: false },
            wait: { type: "boolean", default: false },
            output: { type: "string", short: "o" },
            interval: { type: "string" },
          },
          [],
        );
        const body = {
          ...filterParams(values),
          format: apiEnum<NonNullable<ApiBody<"post", "/api/v1/platform/system/logs/exports">["format"]>>(
            values.format,
          ),
          gzip: values.gzip,
        };
        const created = await createApiClient(io.env).post("/api/v1/platform/system/logs/exports", { body });
        if (!values.wait) {
          return io.out(
            values.json
              ? json(created)
              : `${created.export_id}: processing (opsdeck logs download ${created.export_id})\n`,
          );
        }
        const e = await waitFor(io, created.export_id, intOption(values.interval, "interval") ?? 1_000, values.json);
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
    },
    download: {
      usage: "download <export_id> [--output FILE]",
      description: "Download a completed export",
      async run(args, io) {
        const { values, positionals } = parse(args, { output: { type: "string", short: "o" } }, ["export_id"]);
        const id = positionals[0] as string;
        const e = await createApiClient(io.env).get("/api/v1/platform/system/logs/exports/{export_id}", {
          params: { path: { export_id: id } },
        });
        if (!e.download_url) throw new CliError("not_ready", `export ${id} is ${e.status}; nothing to download yet`);
        io.out(`${await download(io, id, e.download_url, values.output)}\n`);
      },
    },
  },
};
