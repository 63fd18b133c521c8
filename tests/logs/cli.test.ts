// `opsdeck logs search|export --wait|download` as a user runs them: the real
// bin against a real listening app, with a real BullMQ worker running the
// export processor in this process.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { type Job, Worker } from "bullmq";
import { Redis } from "ioredis";

import type { WorkerConfig } from "../../apps/worker/src/config";
import { exportLogs } from "../../apps/worker/src/processors/exportLogs";
import { createLogger } from "../../packages/core/src";
import { insertAppLogs } from "../../packages/db/src";
import { RAW_CONTROL } from "../cli/inProcess";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { FIXTURE, seedLogs } from "./fixtures";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "packages/cli/bin/opsdeck.js");
let t: TestApp;
let server: Server;
let url: string;
let worker: Worker;
let connection: Redis;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-cli-logs-"));

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "packages/cli/tsconfig.build.json"],
    { cwd: ROOT },
  );
  t = await createTestApp();
  await seedLogs(t.deps.db.pool);
  connection = new Redis(t.env.redisUrl, { maxRetriesPerRequest: null });
  const log = createLogger({ service: "worker", silent: true });
  worker = new Worker(
    "log-exports",
    (job: Job) =>
      exportLogs(job, job.data as { export_id: string }, {
        config: { EXPORT_DIR: t.deps.config.EXPORT_DIR } as WorkerConfig,
        signal: new AbortController().signal,
        log,
        db: t.deps.db,
      }),
    { connection, prefix: t.env.queuePrefix },
  );
  server = t.app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await worker.close();
  connection.disconnect();
  await t.close();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(t.deps.config.EXPORT_DIR, { recursive: true, force: true });
});

function cli(args: string[], key = t.keys.ops): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: outDir, env: { PATH: process.env.PATH, OPSDECK_URL: url, OPSDECK_KEY: key } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it("logs search prints a table, or the API's data with --json", async () => {
  const table = await cli(["logs", "search", "--service", "worker"]);
  expect(table.code).toBe(0);
  const lines = table.stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^TIME\s+LEVEL\s+SERVICE\s+REQUEST\s+MESSAGE$/);
  expect(lines.slice(2, 5).map((l) => l.split(/\s{2,}/)[1])).toEqual(["error", "debug", "warning"]);
  expect(lines.at(-1)).toBe("3 of 3");
  const j = await cli(["logs", "search", "-q", "payment", "--json"]);
  expect(JSON.parse(j.stdout).logs.map((l: { message: string }) => l.message)).toEqual([
    FIXTURE[1]!.message,
    FIXTURE[0]!.message,
  ]);
  const bad = await cli(["logs", "search", "-q", "(", "--regex"]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/^error: validation_failed: /);
});

it("logs export --wait shows progress and downloads the file", async () => {
  const r = await cli(["logs", "export", "--format", "ndjson", "--service", "api", "--wait", "--interval", "100"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/\[#{30}\] 100\.0% 5 rows\n$/);
  const file = /file\s+(\S+)/.exec(r.stdout)![1]!;
  expect(file).toMatch(/^export_logs_[a-z0-9]{20}\.ndjson$/);
  const rows = fs
    .readFileSync(path.join(outDir, file), "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
  const search = JSON.parse((await cli(["logs", "search", "--service", "api", "--json"])).stdout).logs;
  expect(rows).toEqual(search);
  const id = file.split(".")[0]!;
  const again = await cli(["logs", "download", id, "--output", "again.ndjson"]);
  expect(again.code).toBe(0);
  expect(fs.readFileSync(path.join(outDir, "again.ndjson"), "utf8")).toBe(
    fs.readFileSync(path.join(outDir, file), "utf8"),
  );
});

it("logs search shows control characters in a message as escapes, and --json as it is", async () => {
  // ESC[2J ESC[H would clear the operator's screen; U+202E reverses what follows; 0x9B is an 8-bit CSI.
  const message = "disk \x1b[2J\x1b[Hfull \u202eevil\u202c \x9b31m";
  await insertAppLogs(t.deps.db.pool, [
    { timestamp: new Date(), level: "error", service: "cli-escape", message, requestId: "req\x1b]0;title\x07" },
  ]);
  const r = await cli(["logs", "search", "--service", "cli-escape"]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  expect(r.stdout).toContain("disk \\x1b[2J\\x1b[Hfull \\u202eevil\\u202c \\x9b31m");
  expect(r.stdout).toContain("req\\x1b]0;title\\x07");
  const j = await cli(["logs", "search", "--service", "cli-escape", "--json"]);
  expect(j.stdout).not.toMatch(RAW_CONTROL);
  expect(JSON.parse(j.stdout).logs.map((l: { message: string }) => l.message)).toEqual([message]);
});
