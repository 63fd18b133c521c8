// Log archives against a real S3 server (s3rver): a day past retention is
// written to the bucket, read back and checked, and only then its partition
// is dropped; with the bucket down the archive fails, the partition stays and
// the listing says why; the listing's signed link downloads the same rows.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import request from "supertest";

import {
  archiveExpiredLogPartitions,
  ensureLogPartitionsBetween,
  fileStoreFor,
  insertAppLogs,
} from "../../packages/db/src";
import type { S3Server } from "../helpers/s3Server";
import type { TestApp } from "../helpers/testApp";
import { oldDay, runHourly, startArchiveApp } from "./archiveHelpers";

const LOGS = "/api/v1/platform/system/logs";

let t: TestApp;
let s3: S3Server;

beforeAll(async () => {
  ({ s3, t } = await startArchiveApp("opsdeck-archives"));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

async function partitionExists(name: string): Promise<boolean> {
  const r = await t.deps.db.pool.query(`SELECT 1 FROM pg_class WHERE relname = $1`, [name]);
  return r.rowCount === 1;
}

it("keeps the partition and lists the failure while the bucket is down; archives, verifies, then drops once it is back", async () => {
  const pool = t.deps.db.pool;
  const d = oldDay(40);
  await ensureLogPartitionsBetween(pool, d.at, d.at);
  const rows = Array.from({ length: 250 }, (_, i) => ({
    timestamp: new Date(d.at.getTime() + i * 1_000),
    level: (i % 3 === 0 ? "error" : "info") as "error" | "info",
    service: "archived-svc",
    message: `line ${i} with "quotes", a comma and ünïcode`,
    requestId: i % 2 ? `req_${i}` : null,
    metadata: i % 5 === 0 ? { n: i, nested: { ok: true } } : null,
  }));
  await insertAppLogs(pool, rows);
  const store = fileStoreFor(t.deps.config);

  // The bucket is down: nothing is dropped, the failure is recorded and listed.
  await s3.stop();
  try {
    const failedRun = await archiveExpiredLogPartitions(pool, store, 30);
    expect(failedRun.dropped).toEqual([]);
    expect(failedRun.failed.map((f) => f.day)).toContain(d.day);
  } finally {
    await s3.start();
  }
  expect(await partitionExists(d.partition)).toBe(true);
  const listedFailed = await request(t.app).get(`${LOGS}/archives`).set("X-API-Key", t.keys.ops);
  expect(listedFailed.status).toBe(200);
  const failed = listedFailed.body.data.archives.find((a: { day: string }) => a.day === d.day);
  expect(failed).toMatchObject({ status: "failed", download_url: null, attempts: 1 });
  expect(failed.error).toMatch(/partition is kept/);
  expect(JSON.stringify(failed)).not.toContain("127.0.0.1");
  const scraped = await request(t.app).get("/metrics");
  expect(scraped.text).toMatch(/^opsdeck_log_archives_failed 1$/m);

  // Back up: archived, read back, recorded, and only then dropped.
  const run = await archiveExpiredLogPartitions(pool, store, 30);
  expect(run.failed).toEqual([]);
  expect(run.archived).toContain(d.day);
  expect(run.dropped).toContain(d.partition);
  expect(await partitionExists(d.partition)).toBe(false);
  expect(s3.keys()).toContain(`logs/${d.fileName}`);

  const listed = await request(t.app).get(`${LOGS}/archives`).set("X-API-Key", t.keys.ops);
  const a = listed.body.data.archives.find((x: { day: string }) => x.day === d.day);
  expect(a).toMatchObject({ status: "archived", row_count: 250, error: null, attempts: 2 });
  expect((await request(t.app).get("/metrics")).text).toMatch(/^opsdeck_log_archives_failed 0$/m);
  expect(a.download_url).toMatch(new RegExp(`/logs/archives/${d.day}/download\\?expires=\\d+&signature=`));

  const url = new URL(a.download_url);
  const dl = await request(t.app)
    .get(url.pathname + url.search)
    .buffer(true)
    .parse((res, cb) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => cb(null, Buffer.concat(parts)));
    });
  expect(dl.status).toBe(200);
  expect(dl.headers["content-type"]).toBe("application/gzip");
  const body = dl.body as Buffer;
  expect(createHash("sha256").update(body).digest("hex")).toBe(a.sha256);
  expect(body.length).toBe(a.size_bytes);
  const lines = gunzipSync(body).toString("utf8").trimEnd().split("\n");
  const got = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(got.map((g) => [g.timestamp, g.level, g.service, g.message, g.request_id, g.metadata])).toEqual(
    rows.map((r) => [r.timestamp.toISOString(), r.level, r.service, r.message, r.requestId, r.metadata ?? {}]),
  );
});

it("needs logs.export to list, and a valid signature to download", async () => {
  expect((await request(t.app).get(`${LOGS}/archives`).set("X-API-Key", t.keys.viewer)).status).toBe(403);
  expect((await request(t.app).get(`${LOGS}/archives`)).status).toBe(401);
  const d = oldDay(40).day;
  const forged = await request(t.app).get(`${LOGS}/archives/${d}/download?expires=99999999999&signature=AAAA`);
  expect(forged.status).toBe(403);
  expect(forged.body.error.code).toBe("invalid_download_link");
  const bad = await request(t.app).get(`${LOGS}/archives/../download?expires=1&signature=x`);
  expect([400, 404]).toContain(bad.status);
});

describe("the hourly maintenance step", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-archives-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const hourly = (env: Record<string, string>) => runHourly(t, dir, env);

  it("archives to the local directory, then drops; with LOG_ARCHIVE=false it drops without archiving", async () => {
    const pool = t.deps.db.pool;
    const first = oldDay(45);
    const second = oldDay(46);
    for (const d of [first, second]) {
      await ensureLogPartitionsBetween(pool, d.at, d.at);
      await insertAppLogs(pool, [{ timestamp: d.at, level: "info", service: "hourly", message: `on ${d.day}` }]);
    }
    // With 45 days kept, only the older day (46 days ago) is past retention.
    const r = await hourly({ LOG_RETENTION_DAYS: "45" });
    expect(r.log_partitions_dropped).toEqual(expect.arrayContaining([second.partition]));
    expect(r.log_partitions_dropped).not.toContain(first.partition);
    const file = path.join(dir, second.fileName);
    const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual([`on ${second.day}`]);
    expect(await partitionExists(second.partition)).toBe(false);

    const off = await hourly({ LOG_ARCHIVE: "false" });
    expect(off.log_partitions_dropped).toEqual(expect.arrayContaining([first.partition]));
    expect(await partitionExists(first.partition)).toBe(false);
    expect(fs.existsSync(path.join(dir, first.fileName))).toBe(false);
    const listed = await request(t.app).get(`${LOGS}/archives`).set("X-API-Key", t.keys.ops);
    expect(listed.body.data.archives.map((a: { day: string }) => a.day)).not.toContain(first.day);
  });
});
