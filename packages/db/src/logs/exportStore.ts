// Where export files live: a small interface with a
// local-directory implementation, so an object store can be added later.
// File names are derived from the export id and format only and checked
// against a strict pattern before any path is built: nothing a caller sends
// ever becomes part of a path.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";

import type { LogExportFormat } from "@opsdeck/core";

/** The export formats (the contract's LogExportFormat). */
export type ExportFormat = LogExportFormat;

/** export_logs_ + 20 lowercase base-36 characters. */
const EXPORT_ID_PATTERN = /^export_logs_[a-z0-9]{20}$/;
const FILE_NAME_PATTERN = /^export_logs_[a-z0-9]{20}\.(csv|json|ndjson|txt)(\.gz)?$/;

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

/** An export being written: `commit` makes it visible atomically, `abort` removes it. */
interface ExportUpload {
  stream: Writable;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface ExportStore {
  create(fileName: string): ExportUpload;
  /** Null when the file does not exist. */
  open(fileName: string): Promise<{ stream: Readable; size: number } | null>;
  remove(fileName: string): Promise<void>;
  /** Removes every file of an export, including half-written ones of crashed attempts. */
  removeAll(exportId: string): Promise<void>;
}

function checked(dir: string, fileName: string): string {
  if (!FILE_NAME_PATTERN.test(fileName)) throw new Error("invalid export file name");
  return path.join(dir, fileName);
}

/** Files in `dir`; a write goes to `<name>.<random>.part`, then is fsynced and renamed. */
export function createLocalExportStore(dir: string): ExportStore {
  const root = path.resolve(dir);
  return {
    create(fileName) {
      const final = checked(root, fileName);
      fs.mkdirSync(root, { recursive: true });
      const temp = `${final}.${randomBytes(6).toString("hex")}.part`;
      const stream = fs.createWriteStream(temp, { flags: "wx", mode: 0o640 });
      return {
        stream,
        async commit() {
          const fh = await fs.promises.open(temp, "r+");
          try {
            await fh.sync();
          } finally {
            await fh.close();
          }
          await fs.promises.rename(temp, final);
        },
        async abort() {
          stream.destroy();
          await fs.promises.rm(temp, { force: true });
        },
      };
    },
    async open(fileName) {
      const file = checked(root, fileName);
      try {
        const st = await fs.promises.stat(file);
        if (!st.isFile()) return null;
        return { stream: fs.createReadStream(file), size: st.size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async remove(fileName) {
      await fs.promises.rm(checked(root, fileName), { force: true });
    },
    async removeAll(exportId) {
      if (!isExportId(exportId)) throw new Error("invalid export id");
      let names: string[];
      try {
        names = await fs.promises.readdir(root);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
        throw err;
      }
      for (const n of names) {
        if (n.startsWith(`${exportId}.`)) await fs.promises.rm(path.join(root, n), { force: true });
      }
    },
  };
}
