// Where export files and log archives live: one interface, two backends
// (a local directory, or an S3-compatible bucket), chosen by EXPORT_STORAGE.
// Names are derived by this package from an export id or a UTC day only and
// checked against a strict pattern before any path or object key is built:
// nothing a caller sends ever becomes part of one.
import type { Readable, Writable } from "node:stream";

import { createLocalFileStore } from "./localStore";
import { createS3FileStore, type S3Settings } from "./s3Store";

/** export_logs_ + 20 lowercase base-36 characters (the export id). */
export const EXPORT_ID_PATTERN = /^export_logs_[a-z0-9]{20}$/;
const EXPORT_FILE_PATTERN = /^export_logs_[a-z0-9]{20}\.(csv|json|ndjson|txt)(\.gz)?$/;
/** One day of logs: log_archive_YYYYMMDD.ndjson.gz. */
const ARCHIVE_FILE_PATTERN = /^log_archive_[0-9]{8}\.ndjson\.gz$/;

/** Throws unless `name` is an export file or an archive name. */
export function checkedName(name: string): string {
  if (!EXPORT_FILE_PATTERN.test(name) && !ARCHIVE_FILE_PATTERN.test(name)) throw new Error("invalid file name");
  return name;
}

/** A file being written: `commit` makes it visible whole (never a half file), `abort` discards it. */
interface FileUpload {
  stream: Writable;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface FileStore {
  readonly backend: "local" | "s3";
  create(name: string): FileUpload;
  /** Null when the file does not exist. */
  open(name: string): Promise<{ stream: Readable; size: number } | null>;
  /** Deletes the file; deleting a missing one succeeds. Throws when the backend could not delete it. */
  remove(name: string): Promise<void>;
  /** Removes every file of an export, including what crashed attempts left. */
  removeAll(exportId: string): Promise<void>;
  /** Throws unless the storage is reachable and writable (the health probe). */
  probe(): Promise<void>;
}

/** The storage settings (packages/core/src/config.ts); EXPORT_STORAGE unset means local. */
export interface StorageSettings extends Partial<S3Settings> {
  EXPORT_STORAGE?: "local" | "s3";
  EXPORT_DIR: string;
}

// One store (and so one S3 client with its connection pool) per configuration object: each process
// loads its configuration once.
const stores = new WeakMap<StorageSettings, FileStore>();

export function fileStoreFor(settings: StorageSettings): FileStore {
  let store = stores.get(settings);
  if (!store) {
    store = settings.EXPORT_STORAGE === "s3" ? createS3FileStore(settings) : createLocalFileStore(settings.EXPORT_DIR);
    stores.set(settings, store);
  }
  return store;
}
