// Both storage backends against the real thing: a directory, and an S3
// server process (s3rver) speaking the S3 REST API. A file bigger than a
// multipart part goes up in parts and comes back byte-identical; half-written
// files are never visible; names are checked before any key or path is built.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { type FileStore, fileStoreFor } from "../../packages/db/src";
import { type S3Server, startS3Server } from "../helpers/s3Server";

let s3: S3Server;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-store-"));
const backends: Record<string, () => FileStore> = {};

beforeAll(async () => {
  s3 = await startS3Server("opsdeck-store", "opsdeck/");
  const s3Config = { EXPORT_DIR: dir, ...s3.env, EXPORT_STORAGE: "s3" as const, S3_FORCE_PATH_STYLE: true };
  const local = fileStoreFor({ EXPORT_DIR: dir });
  const remote = fileStoreFor(s3Config);
  backends.local = () => local;
  backends.s3 = () => remote;
}, 60_000);
afterAll(async () => {
  await s3.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ID = "export_logs_abcdefghij0123456789";

async function write(store: FileStore, name: string, data: Buffer): Promise<void> {
  const up = store.create(name);
  for (let i = 0; i < data.length; i += 65_536) {
    if (!up.stream.write(data.subarray(i, i + 65_536))) await once(up.stream, "drain");
  }
  up.stream.end();
  await up.commit();
}

async function read(store: FileStore, name: string): Promise<{ data: Buffer; size: number } | null> {
  const f = await store.open(name);
  if (!f) return null;
  const parts: Buffer[] = [];
  for await (const c of f.stream) parts.push(c as Buffer);
  return { data: Buffer.concat(parts), size: f.size };
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe.each(["local", "s3"])("%s backend", (backend) => {
  const store = () => backends[backend]!();

  it("round-trips a file larger than one multipart part, byte for byte", async () => {
    const data = randomBytes(20 * 1_048_576);
    await write(store(), `${ID}.csv`, data);
    const back = await read(store(), `${ID}.csv`);
    expect(back?.size).toBe(data.length);
    expect(sha(back!.data)).toBe(sha(data));
  }, 120_000);

  it("shows nothing of an aborted write, and a missing file is null", async () => {
    const up = store().create(`${ID}.txt`);
    up.stream.write(Buffer.from("half a file"));
    await up.abort();
    expect(await store().open(`${ID}.txt`)).toBeNull();
  });

  it("removes one file, or every file of an export; removing a missing file succeeds", async () => {
    await write(store(), `${ID}.ndjson`, Buffer.from("{}\n"));
    await write(store(), `${ID}.json.gz`, Buffer.from("x"));
    await store().remove(`${ID}.ndjson`);
    expect(await store().open(`${ID}.ndjson`)).toBeNull();
    await store().remove(`${ID}.ndjson`);
    await store().removeAll(ID);
    expect(await store().open(`${ID}.json.gz`)).toBeNull();
    expect(await store().open(`${ID}.csv`)).toBeNull();
  });

  it("refuses any name that is not an export file or an archive", async () => {
    await expect(store().open("../etc/passwd")).rejects.toThrow(/invalid file name/);
    expect(() => store().create("export_logs_x/../../y.csv")).toThrow(/invalid file name/);
    await expect(store().remove("log_archive_2026.ndjson.gz")).rejects.toThrow(/invalid file name/);
    await expect(store().removeAll("../*")).rejects.toThrow(/invalid export id/);
  });
});

it("keeps S3 objects under S3_KEY_PREFIX", async () => {
  await write(backends.s3!(), "log_archive_20260101.ndjson.gz", Buffer.from("a"));
  expect(s3.keys()).toContain("opsdeck/log_archive_20260101.ndjson.gz");
  await backends.s3!().remove("log_archive_20260101.ndjson.gz");
  expect(s3.keys()).not.toContain("opsdeck/log_archive_20260101.ndjson.gz");
});

it("reports an unreachable bucket: the probe and reads throw, a write fails instead of hanging", async () => {
  await s3.stop();
  try {
    await expect(backends.s3!().probe()).rejects.toBeDefined();
    await expect(backends.s3!().open(`${ID}.csv`)).rejects.toBeDefined();
    await expect(write(backends.s3!(), `${ID}.csv`, Buffer.from("x"))).rejects.toBeDefined();
  } finally {
    await s3.start();
  }
  await backends.s3!().probe();
}, 120_000);
