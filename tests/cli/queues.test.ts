// The `opsdeck` CLI as a user runs it: the real bin script (built from
// packages/cli/src) against a real listening app, over queues filled by plain
// BullMQ. Checks --json output, tables, exit codes and one-line errors.
import { execFile, execFileSync } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { createFixtures, type Fixtures } from "../api/queuesFixtures";
import { createTestApp, type TestApp } from "../helpers/testApp";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "packages/cli/bin/opsdeck.js");
let t: TestApp;
let f: Fixtures;
let server: Server;
let url: string;

beforeAll(async () => {
  // The bin runs the built CLI; build it from the current sources.
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "packages/cli/tsconfig.build.json"],
    {
      cwd: ROOT,
    },
  );
  t = await createTestApp();
  f = createFixtures(t);
  await f.queue("cli-backlog").addBulk(Array.from({ length: 120 }, (_, i) => ({ name: "sync", data: { i } })));
  await f.failJobs("cli-failing", 2);
  server = t.app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await f.close();
  await t.close();
});

function cli(args: string[], key = t.keys.ops): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH, OPSDECK_URL: url, OPSDECK_KEY: key } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it("queues list --json prints every queue with counts and status", async () => {
  const r = await cli(["queues", "list", "--json"]);
  expect(r.code).toBe(0);
  const queues = JSON.parse(r.stdout) as { name: string; status: string; waiting_jobs: number; failed_jobs: number }[];
  expect(queues.map((q) => q.name)).toEqual(
    expect.arrayContaining([
      "email-sending-high",
      "email-sending",
      "log-exports",
      "metric-rollups",
      "cli-backlog",
      "cli-failing",
    ]),
  );
  expect(queues.find((q) => q.name === "cli-backlog")).toMatchObject({ waiting_jobs: 120, status: "warning" });
  expect(queues.find((q) => q.name === "cli-failing")).toMatchObject({ failed_jobs: 2, status: "healthy" });
});

it("queues list prints a readable table", async () => {
  const r = await cli(["queues", "list"]);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^QUEUE\s+STATUS\s+PAUSED\s+WAITING/);
  expect(lines.find((l) => l.startsWith("cli-backlog"))).toMatch(/^cli-backlog\s+warning\s+no\s+120\b/);
});

it("pauses, resumes and bulk-retries through the API", async () => {
  const p = await cli(["queues", "pause", "cli-backlog", "--json"]);
  expect(JSON.parse(p.stdout)).toMatchObject({ queue: "cli-backlog", status: "paused" });
  expect(await f.queue("cli-backlog").isPaused()).toBe(true);
  expect((await cli(["queues", "resume", "cli-backlog"])).stdout).toMatch(/^cli-backlog: active/);
  expect(await f.queue("cli-backlog").isPaused()).toBe(false);
  const dry = await cli(["queues", "retry", "cli-failing", "--dry-run"]);
  expect(dry.stdout).toBe("cli-failing: 2 failed job(s) would be retried (dry run)\n");
  const r = await cli(["queues", "retry", "cli-failing", "--limit", "1", "--json"]);
  expect(JSON.parse(r.stdout)).toMatchObject({ matched: 1, retried: 1 });
  expect(await f.queue("cli-failing").getFailedCount()).toBe(1);
});

it("gets, retries and deletes jobs", async () => {
  const [failed] = await f.failJobs("cli-failing", 1);
  const id = failed!.id!;
  const g = await cli(["jobs", "get", id, "--queue", "cli-failing"]);
  expect(g.code).toBe(0);
  expect(g.stdout).toMatch(/^status\s+failed$/m);
  const r = await cli(["jobs", "retry", id, "--queue", "cli-failing", "--json"]);
  expect(JSON.parse(r.stdout)).toEqual({ job_id: id, queue: "cli-failing", status: "queued", attempts_reset: true });
  const d = await cli(["jobs", "delete", id, "--queue", "cli-failing"]);
  expect(d.stdout).toBe(`cli-failing/${id}: deleted\n`);
});

it("prints API errors as one line with the code and exits non-zero", async () => {
  const r = await cli(["queues", "pause", "no-such-queue"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^error: queue_not_found: No queue named 'no-such-queue'\.\n$/);
  const v = await cli(["queues", "pause", "cli-backlog"], t.keys.viewer);
  expect(v.code).toBe(1);
  expect(v.stderr).toMatch(/^error: missing_permission: /);
  const j = await cli(["jobs", "get", "nope-123"]);
  expect(j.stderr).toMatch(/^error: job_not_found: /);
  const u = await cli(["queues", "retry", "cli-failing", "--limit", "many"]);
  expect(u.code).toBe(2);
  expect(u.stderr).toMatch(/^error: usage: --limit must be a whole number/);
  expect((await cli(["bogus"])).code).toBe(2);
});
