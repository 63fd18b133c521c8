// Log archive expiry (LOG_ARCHIVE_RETENTION_DAYS) through the worker's hourly
// maintenance, against a real S3 server (s3rver) and a local directory: an
// archive older than the retention is deleted from the store, then marked
// expired, no longer listed, and its download link answers 404; one inside
// the retention is kept; with the store down the row stays listed and the next
// run deletes it; with 0 (the default) nothing is deleted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";

import request from "supertest";
import winston from "winston";

import {
  archiveExpiredLogPartitions,
  ensureLogPartitionsBetween,
  type FileStore,
  fileStoreFor,
  insertAppLogs,
} from "../../packages/db/src";
import type { S3Server } from "../helpers/s3Server";
import type { TestApp } from "../helpers/testApp";
import { oldDay, runHourly, startArchiveApp } from "./archiveHelpers";

const LOGS = "/api/v1/platform/system/logs";

let t: TestApp;
let s3: S3Server;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-archive-expiry-"));

beforeAll(async () => {
  ({ s3, t } = await startArchiveApp("opsdeck-archive-expiry"));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await s3?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The log lines the hourly steps wrote, as JSON objects (a winston stream transport into memory). */
class Captured {
  readonly lines: Record<string, unknown>[] = [];
  readonly transport = new winston.transports.Stream({
    stream: new Writable({
      objectMode: true,
      write: (info: Record<string, unknown>, _enc, cb) => {
        this.lines.push(info);
        cb();
      },
    }),
  });
}

/** Runs the worker's hourly maintenance with `env` on top, its log into `captured`. */
const hourly = (env: Record<string, string>, captured = new Captured()) => runHourly(t, dir, env, [captured.transport]);

/** Writes a day of logs `daysAgo` days back and archives it into `store`; returns the day and its file name. */
async function archivedDay(daysAgo: number, store: FileStore): Promise<{ day: string; fileName: string }> {
  const pool = t.deps.db.pool;
  const { at, day, fileName } = oldDay(daysAgo);
  await ensureLogPartitionsBetween(pool, at, at);
  await insertAppLogs(pool, [{ timestamp: at, level: "info", service: "expiry", message: `on ${day}` }]);
  const run = await archiveExpiredLogPartitions(pool, store, 30);
  expect(run.failed).toEqual([]);
  expect(run.archived).toContain(day);
  return { day, fileName };
}

async function listed(): Promise<{ day: string; status: string; download_url: string | null }[]> {
  const r = await request(t.app).get(`${LOGS}/archives?limit=100`).set("X-API-Key", t.keys.ops);
  expect(r.status).toBe(200);
  return r.body.data.archives;
}

async function statusOf(day: string): Promise<{ status: string; expired_at: Date | null } | undefined> {
  const r = await t.deps.db.pool.query(`SELECT status, expired_at FROM log_archives WHERE day = $1`, [day]);
  return r.rows[0];
}

const s3Store = () => fileStoreFor(t.deps.config);

it("deletes an archive past the retention from the bucket, stops listing it and 404s its link; keeps a newer one", async () => {
  const old = await archivedDay(400, s3Store());
  const recent = await archivedDay(100, s3Store());
  expect(s3.keys()).toEqual(expect.arrayContaining([`logs/${old.fileName}`, `logs/${recent.fileName}`]));
  const oldLink = (await listed()).find((a) => a.day === old.day)!.download_url!;
  expect(oldLink).toBeTruthy();

  const r = await hourly({ ...s3.env, LOG_ARCHIVE_RETENTION_DAYS: "365" });
  expect(r.log_archives_expired).toEqual({ expired: [old.day], failed: [] });
  expect(s3.keys()).not.toContain(`logs/${old.fileName}`);
  expect(s3.keys()).toContain(`logs/${recent.fileName}`);
  expect(await statusOf(old.day)).toMatchObject({ status: "expired", expired_at: expect.any(Date) });

  const days = (await listed()).map((a) => a.day);
  expect(days).not.toContain(old.day);
  expect(days).toContain(recent.day);
  const all = await request(t.app).get(`${LOGS}/archives`).set("X-API-Key", t.keys.ops);
  expect(all.body.data.pagination.total).toBe(days.length);

  const gone = await request(t.app).get(new URL(oldLink).pathname + new URL(oldLink).search);
  expect(gone.status).toBe(404);
  expect(gone.body.error).toMatchObject({ code: "archive_not_available" });
  expect(gone.body.error.message).toMatch(/expired/);
  const kept = (await listed()).find((a) => a.day === recent.day)!.download_url!;
  expect((await request(t.app).get(new URL(kept).pathname + new URL(kept).search)).status).toBe(200);

  // Nothing more to expire: a second run deletes nothing.
  expect((await hourly({ ...s3.env, LOG_ARCHIVE_RETENTION_DAYS: "365" })).log_archives_expired).toEqual({
    expired: [],
    failed: [],
  });
});

it("keeps the row, listed, while the bucket cannot delete, says so at warn, and deletes it on the next run", async () => {
  const a = await archivedDay(500, s3Store());
  const captured = new Captured();
  await s3.stop();
  let failedRun: Record<string, unknown>;
  try {
    failedRun = await hourly({ ...s3.env, LOG_ARCHIVE_RETENTION_DAYS: "365" }, captured);
  } finally {
    await s3.start();
  }
  expect(failedRun.log_archives_expired).toEqual({ expired: [], failed: [a.day] });
  const warned = captured.lines.find((l) => l.message === "log archive files could not be deleted; retried next run");
  expect(warned).toMatchObject({ level: "warn", count: 1, days: [a.day] });
  expect(await statusOf(a.day)).toEqual({ status: "archived", expired_at: null });
  expect((await listed()).map((x) => x.day)).toContain(a.day);
  expect(s3.keys()).toContain(`logs/${a.fileName}`);

  const again = await hourly({ ...s3.env, LOG_ARCHIVE_RETENTION_DAYS: "365" });
  expect(again.log_archives_expired).toEqual({ expired: [a.day], failed: [] });
  expect(s3.keys()).not.toContain(`logs/${a.fileName}`);
  expect((await listed()).map((x) => x.day)).not.toContain(a.day);
});

it("in a local directory: keeps every archive with LOG_ARCHIVE_RETENTION_DAYS=0, deletes the old one once set", async () => {
  const local = fileStoreFor({ EXPORT_DIR: dir });
  const a = await archivedDay(700, local);
  const file = path.join(dir, a.fileName);
  expect(fs.existsSync(file)).toBe(true);

  const off = await hourly({});
  expect(off.log_archives_expired).toBeNull();
  expect(fs.existsSync(file)).toBe(true);
  expect(await statusOf(a.day)).toEqual({ status: "archived", expired_at: null });
  expect((await listed()).map((x) => x.day)).toContain(a.day);

  const on = await hourly({ LOG_ARCHIVE_RETENTION_DAYS: "600" });
  expect(on.log_archives_expired).toEqual({ expired: [a.day], failed: [] });
  expect(fs.existsSync(file)).toBe(false);
  expect((await listed()).map((x) => x.day)).not.toContain(a.day);
});
