// Two API processes and two worker processes sharing one S3 bucket (s3rver),
// each with a local directory of its own that none of them may rely on: an
// export asked of API A is written by whichever worker takes it and downloads
// byte-identical (SHA-256 as recorded) from API B and from API A; the
// maintenance tick, run by a worker process, deletes the object from the
// bucket before the export is marked expired (first, with no process
// running: a delete that fails while the bucket is down is retried).
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { deleteExpiredExports, fileStoreFor, insertAppLogs } from "../../packages/db/src";
import { type S3Server, startS3Server } from "../helpers/s3Server";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { waitFor } from "../worker/workerHelpers";

const API_MAIN = path.resolve(__dirname, "../../apps/api/dist/main.js");
const WORKER_MAIN = path.resolve(__dirname, "../../apps/worker/dist/main.js");
const LOGS = "/api/v1/platform/system/logs";

let t: TestApp;
let s3: S3Server;
const children: ChildProcess[] = [];
const dirs: string[] = [];
const shared = {
  SESSION_SECRET: randomBytes(32).toString("hex"),
  DOWNLOAD_SIGNING_SECRET: randomBytes(32).toString("hex"),
};

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function spawnProcess(main: string, env: Record<string, string>): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-replica-"));
  dirs.push(dir);
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...t.env.env, ...s3.env, ...shared, EXPORT_DIR: dir, LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
}

async function startApi(): Promise<string> {
  const port = await freePort();
  spawnProcess(API_MAIN, { PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`the API on ${port} to be ready`, async () => (await fetch(`${base}/readyz`).catch(() => null))?.ok);
  return base;
}

const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => c.once("exit", () => r()));

beforeAll(async () => {
  s3 = await startS3Server("opsdeck-replicas");
  t = await createTestApp(s3.env);
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map(exited));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await t?.close();
  await s3?.close();
});

it("a failed delete leaves the export unexpired, and the next run removes the object and expires it", async () => {
  const pool = t.deps.db.pool;
  const store = fileStoreFor(t.deps.config);
  const id = `export_logs_${"r".repeat(20)}`;
  await pool.query(
    `INSERT INTO log_exports (id, status, format, gzip, max_rows, file_name, expires_at)
     VALUES ($1, 'completed', 'txt', false, 10, $2, now() - interval '1 second')`,
    [id, `${id}.txt`],
  );
  const up = store.create(`${id}.txt`);
  up.stream.end("a line\n");
  await up.commit();
  expect(s3.keys()).toContain(`${id}.txt`);

  await s3.stop();
  try {
    const r = await deleteExpiredExports(pool, store);
    expect(r.failed).toContain(id);
  } finally {
    await s3.start();
  }
  const still = await pool.query<{ status: string }>(`SELECT status FROM log_exports WHERE id = $1`, [id]);
  expect(still.rows[0]?.status).toBe("completed");
  expect(s3.keys()).toContain(`${id}.txt`);

  const again = await deleteExpiredExports(pool, store);
  expect(again.failed).toEqual([]);
  expect(s3.keys()).not.toContain(`${id}.txt`);
  const after = await pool.query<{ status: string }>(`SELECT status FROM log_exports WHERE id = $1`, [id]);
  expect(after.rows[0]?.status).toBe("expired");
});

it("an export asked of API A downloads byte-identical from API B, and expiry removes it from the bucket", async () => {
  const now = Date.now();
  await insertAppLogs(
    t.deps.db.pool,
    Array.from({ length: 2_000 }, (_, i) => ({
      timestamp: new Date(now - 60_000 - i * 10),
      level: "info" as const,
      service: "replicas",
      message: `replica line ${i} ${"x".repeat(i % 50)}`,
      requestId: `req_${i}`,
    })),
  );
  const [a, b] = [await startApi(), await startApi()];
  spawnProcess(WORKER_MAIN, {});
  spawnProcess(WORKER_MAIN, {});
  const headers = { "X-API-Key": t.keys.ops, "Content-Type": "application/json" };

  const created = await fetch(`${a}${LOGS}/exports`, {
    method: "POST",
    headers,
    body: JSON.stringify({ format: "csv", gzip: true, service: "replicas" }),
  });
  expect(created.status).toBe(202);
  const id = ((await created.json()) as { data: { export_id: string } }).data.export_id;

  const done = await waitFor("the export to complete (seen through API B)", async () => {
    const r = await fetch(`${b}${LOGS}/exports/${id}`, { headers });
    const v = (
      (await r.json()) as {
        data: { status: string; download_url: string; sha256: string; row_count: number; size_bytes: number };
      }
    ).data;
    if (v.status === "failed") throw new Error("export failed");
    return v.status === "completed" ? v : undefined;
  });
  expect(done.row_count).toBe(2_000);
  expect(done.download_url.startsWith(`${b}/`)).toBe(true);

  const fromB = await fetch(done.download_url);
  expect(fromB.status).toBe(200);
  const bytesB = Buffer.from(await fromB.arrayBuffer());
  expect(bytesB.length).toBe(done.size_bytes);
  expect(createHash("sha256").update(bytesB).digest("hex")).toBe(done.sha256);
  expect(fromB.headers.get("digest")).toBe(`sha-256=${Buffer.from(done.sha256, "hex").toString("base64")}`);

  // The same link on API A (the signing secret is shared): the same bytes.
  const fromA = await fetch(done.download_url.replace(b, a));
  expect(fromA.status).toBe(200);
  expect(Buffer.from(await fromA.arrayBuffer()).equals(bytesB)).toBe(true);

  // The file lives in the bucket only: no process's own directory holds it.
  expect(s3.keys()).toEqual([`${id}.csv.gz`]);
  for (const d of dirs) expect(fs.readdirSync(d).filter((n) => n.startsWith(id))).toEqual([]);

  // Expiry, run by a worker process's maintenance tick: the object goes, then the row says expired.
  await t.deps.db.pool.query(`UPDATE log_exports SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
  await t.deps.queues.get("metric-rollups").add("maintenance", { kind: "maintenance" });
  await waitFor("the export to be expired", async () => {
    const r = await t.deps.db.pool.query<{ status: string }>(`SELECT status FROM log_exports WHERE id = $1`, [id]);
    return r.rows[0]?.status === "expired";
  });
  expect(s3.keys()).toEqual([]);
  expect((await fetch(done.download_url)).status).toBe(404);
});
