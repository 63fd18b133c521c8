// Export ids, file names and media types. The files themselves live in the
// configured storage (../storage): a file name is derived from the export id
// and format only, never from anything a caller sends.
import { randomBytes } from "node:crypto";

import type { LogExportFormat } from "@opsdeck/core";

import { EXPORT_ID_PATTERN } from "../storage/fileStore";

/** The export formats (the contract's LogExportFormat). */
export type ExportFormat = LogExportFormat;

export function newExportId(): string {
  const bytes = randomBytes(20);
  let s = "";
  for (const b of bytes) s += (b % 36).toString(36);
  return `export_logs_${s}`;
}

export function isExportId(id: string): boolean {
  return EXPORT_ID_PATTERN.test(id);
}

export function exportFileName(id: string, format: ExportFormat, gzip: boolean): string {
  if (!isExportId(id)) throw new Error("invalid export id");
  return `${id}.${format}${gzip ? ".gz" : ""}`;
}

export function exportContentType(format: ExportFormat, gzip: boolean): string {
  if (gzip) return "application/gzip";
  switch (format) {
    case "csv":
      return "text/csv; charset=utf-8";
    case "json":
      return "application/json; charset=utf-8";
    case "ndjson":
      return "application/x-ndjson; charset=utf-8";
    case "txt":
      return "text/plain; charset=utf-8";
  }
}
