// Log exports end to end with real Postgres and Redis: POST/GET create a
// record and a job on `log-exports`; a real BullMQ Worker in this process runs
// the real processor; the file comes back through the signed link and parses
// (csv-parse, JSON.parse, NDJSON line by line, gzip) into exactly the rows of
// the same search. Also: formula neutralising, tampered/expired links,
// path traversal, ownership, limits, a failed attempt followed by a clean
// retry, and expiry.
import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { Job, Queue, Worker } from "bullmq";
import { parse as parseCsv } from "csv-parse/sync";
import { Redis } from "ioredis";
import request from "supertest";

import { signDownload } from "../../apps/api/src/logs/downloadLink";
import type { WorkerConfig } from "../../apps/worker/src/config";
import { exportLogs } from "../../apps/worker/src/processors/exportLogs";
import { createLogger } from "../../packages/core/src";
import { createKey, deleteExpiredExports, exportFileName, fileStoreFor } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { FIXTURE, seedLogs } from "./fixtures";

const LOGS = "/api/v1/platform/system/logs";
let t: TestApp;
let worker: Worker;
let connection: Redis;
let exportDir: string;
const settled = new Map<string, (r: { ok: boolean; reason?: string }) => void>();
const log = createLogger({ service: "worker", silent: true });

function runWorker(dir: string) {
  return new Worker(
    "log-exports",
    (job: Job) =>
      exportLogs(job, job.data as { export_id: string }, {
        config: { EXPORT_DIR: dir } as WorkerConfig,
        signal: new AbortController().signal,
        log,
        db: t.deps.db,
      }),
    { connection, prefix: t.env.queuePrefix, concurrency: 2 },
  );
}

function watch(w: Worker) {
  w.on("completed", (job) => settled.get(job.id!)?.({ ok: true }));
  w.on("failed", (job, err) => {
    const final = err.name === "UnrecoverableError" || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
    if (job && final) settled.get(job.id!)?.({ ok: false, reason: job.failedReason });
  });
}

function settledOf(id: string) {
  return new Promise<{ ok: boolean; reason?: string }>((resolve) => settled.set(id, resolve));
}

beforeAll(async () => {
  t = await createTestApp();
  exportDir = t.deps.config.EXPORT_DIR;
  connection = new Redis(t.env.redisUrl, { maxRetriesPerRequest: null });
  await seedLogs(t.deps.db.pool);
  worker = runWorker(exportDir);
  watch(worker);
});
afterAll(async () => {
  await worker.close();
  connection.disconnect();
  await t.close();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

/** Starts an export (POST), waits for the job to settle and returns its status body. */
async function exportAndWait(body: Record<string, unknown>, key = t.keys.ops) {
  const r = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", key).send(body);
  expect(r.status).toBe(202);
  const id = r.body.data.export_id as string;
  const done = settledOf(id);
  expect(r.body.data).toEqual({ export_id: id, status: "processing", download_url: null });
  expect(r.headers.location).toBe(`${LOGS}/exports/${id}`);
  await done;
  const s = await request(t.app).get(r.headers.location!).set("X-API-Key", key);
  expect(s.status).toBe(200);
  return s.body.data as {
    export_id: string;
    status: string;
    download_url: string | null;
    row_count: number;
    size_bytes: number;
    sha256: string;
    error: string | null;
    progress: { rows: number; percent: number };
    filters: Record<string, unknown>;
  };
}

async function download(url: string) {
  const u = new URL(url);
  return request(t.app)
    .get(u.pathname + u.search)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => cb(null, Buffer.concat(chunks)));
    });
}

async function searchRows(q: Record<string, string> = {}) {
  const r = await request(t.app)
    .get(LOGS)
    .query({ limit: 100, ...q })
    .set("X-API-Key", t.keys.ops);
  expect(r.status).toBe(200);
  return r.body.data.logs as Record<string, unknown>[];
}

describe("each format parses back into the rows of the same search", () => {
  it("csv (RFC 4180 via csv-parse), formulas neutralised", async () => {
    const s = await exportAndWait({ format: "csv" });
    expect(s).toMatchObject({
      status: "completed",
      row_count: FIXTURE.length,
      error: null,
      progress: { rows: FIXTURE.length, percent: 100 },
    });
    const file = await download(s.download_url!);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="${s.export_id}.csv"`);
    expect(Number(file.headers["content-length"])).toBe(s.size_bytes);
    const body = file.body as Buffer;
    expect(require("node:crypto").createHash("sha256").update(body).digest("hex")).toBe(s.sha256);
    const rows = parseCsv(body, { columns: true }) as Record<string, string>[];
    const expected = await searchRows();
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    const unformula = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
    expect(
      rows.map((r) => ({
        id: r.id,
        timestamp: r.timestamp,
        level: r.level,
        service: r.service,
        message: unformula(r.message!),
        request_id: r.request_id === "" ? null : r.request_id,
        user_id: r.user_id === "" ? null : r.user_id,
        queue: r.queue === "" ? null : r.queue,
        job_id: r.job_id === "" ? null : r.job_id,
        metadata: JSON.parse(r.metadata!),
      })),
    ).toEqual(expected);
    // The formula-looking cells start with a quote, so a spreadsheet shows them as text.
    const byReq = new Map(rows.map((r) => [r.request_id, r]));
    expect(byReq.get("req_formula")!.message).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(rows.find((r) => r.message!.includes("dialled"))!.message).toBe("'+1 dialled from @home -5 degrees");
    expect(byReq.get("req_multi")!.message).toBe('Quoted "value", with comma\nand a second line');
  });

  it("json (one array, JSON.parse)", async () => {
    const s = await exportAndWait({ format: "json", service: "api" });
    const file = await download(s.download_url!);
    expect(file.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse((file.body as Buffer).toString("utf8"))).toEqual(await searchRows({ service: "api" }));
  });

  it("json with no rows is an empty array", async () => {
    const s = await exportAndWait({ format: "json", service: "nobody" });
    expect(s.row_count).toBe(0);
    expect(JSON.parse((await download(s.download_url!)).body.toString())).toEqual([]);
  });

  it("ndjson (line by line), through the GET form", async () => {
    const r = await request(t.app)
      .get(`${LOGS}/export`)
      .query({ format: "ndjson", query: "payment" })
      .set("X-API-Key", t.keys.ops);
    expect(r.status).toBe(202);
    const id = r.body.data.export_id as string;
    const done = settledOf(id);
    await done;
    const s = await request(t.app).get(r.headers.location!).set("X-API-Key", t.keys.ops);
    const file = await download(s.body.data.download_url);
    expect(file.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    const lines = (file.body as Buffer).toString("utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l))).toEqual(await searchRows({ query: "payment" }));
  });

  it("txt (one readable line per entry)", async () => {
    const s = await exportAndWait({ format: "txt" });
    const file = await download(s.download_url!);
    expect(file.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const lines = (file.body as Buffer).toString("utf8").trimEnd().split("\n");
    const expected = await searchRows();
    expect(lines).toHaveLength(expected.length);
    expect(lines[expected.length - 1]).toBe(
      `${expected.at(-1)!.timestamp} ERROR   [api] Payment processing failed request_id=req_abc123 user_id=usr_xyz {"error_type": "PaymentError", "stack_trace": "..."}`,
    );
    expect(lines.find((l) => l.includes("req_multi"))).toContain("with comma\\nand a second line");
  });

  it("gzip (regex filter, ndjson)", async () => {
    const s = await exportAndWait({ format: "ndjson", gzip: true, query: "^P", regex: true });
    const file = await download(s.download_url!);
    expect(file.headers["content-type"]).toBe("application/gzip");
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="${s.export_id}.ndjson.gz"`);
    const lines = gunzipSync(file.body as Buffer)
      .toString("utf8")
      .trimEnd()
      .split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual(await searchRows({ query: "^P", regex: "true" }));
  });
});

describe("download links", () => {
  let s: Awaited<ReturnType<typeof exportAndWait>>;
  beforeAll(async () => {
    s = await exportAndWait({ format: "csv", level: "error" });
  });

  it("refuses a tampered link with 403", async () => {
    const u = new URL(s.download_url!);
    const sig = u.searchParams.get("signature")!;
    const flipped = new URL(u);
    flipped.searchParams.set("signature", (sig[0] === "A" ? "B" : "A") + sig.slice(1));
    const later = new URL(u);
    later.searchParams.set("expires", String(Number(u.searchParams.get("expires")) + 3_600));
    for (const bad of [flipped, later]) {
      const r = await request(t.app).get(bad.pathname + bad.search);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("invalid_download_link");
    }
    // The same signature on another export is refused too.
    const other = await exportAndWait({ format: "csv", level: "debug" });
    const moved = `${LOGS}/exports/${other.export_id}/download${u.search}`;
    expect((await request(t.app).get(moved)).status).toBe(403);
  });

  it("refuses an expired link with 403", async () => {
    const owner = (await t.deps.db.pool.query(`SELECT owner_key_id FROM log_exports WHERE id = $1`, [s.export_id]))
      .rows[0].owner_key_id;
    const expires = Math.floor(Date.now() / 1000) - 1;
    const sig = signDownload(t.deps.config.downloadSigningSecret, s.export_id, expires, owner);
    const r = await request(t.app).get(`${LOGS}/exports/${s.export_id}/download?expires=${expires}&signature=${sig}`);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/expired/);
  });

  it("never lets a path-traversal attempt reach the file system", async () => {
    // A file just outside the export directory that a traversal would aim for.
    const secret = path.join(path.dirname(exportDir), `opsdeck-secret-${t.env.queuePrefix}.csv`);
    fs.writeFileSync(secret, "TOP SECRET");
    try {
      const u = new URL(s.download_url!);
      const ids = [
        `..%2F${path.basename(secret, ".csv")}`,
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "export_logs_aaaaaaaaaaaaaaaaaaaa%2F..%2F..%2Fx",
        `${s.export_id}%00.csv`,
        "....%2F%2F....%2F%2Fetc%2Fpasswd",
      ];
      for (const id of ids) {
        const r = await request(t.app).get(`${LOGS}/exports/${id}/download${u.search}`);
        expect([400, 403, 404]).toContain(r.status);
        expect(JSON.stringify(r.body)).not.toContain("TOP SECRET");
        const st = await request(t.app).get(`${LOGS}/exports/${id}`).set("X-API-Key", t.keys.ops);
        expect([400, 404]).toContain(st.status);
      }
      for (const format of ["../../secret", "csv/../../x"]) {
        const r = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", t.keys.ops).send({ format });
        expect(r.status).toBe(400);
      }
      // The storage layer itself refuses any name that is not <export id>.<format>[.gz] (or an archive's).
      const store = fileStoreFor({ EXPORT_DIR: exportDir });
      await expect(store.open(`../${path.basename(secret)}`)).rejects.toThrow(/invalid file name/);
      expect(() => store.create("../../etc/passwd")).toThrow(/invalid file name/);
      expect(() => exportFileName("../x", "csv", false)).toThrow(/invalid export id/);
      await expect(store.removeAll("../*")).rejects.toThrow(/invalid export id/);
      expect(fs.readFileSync(secret, "utf8")).toBe("TOP SECRET");
    } finally {
      fs.rmSync(secret, { force: true });
    }
  });
});

describe("access and listing", () => {
  it("needs logs.export; a narrowed key sees only its own exports, a full ops key sees all", async () => {
    const viewer = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", t.keys.viewer).send({});
    expect(viewer.status).toBe(403);
    const bot = (
      await createKey(t.deps.db.prisma, { name: "export-bot", role: "ops", permissions: ["logs.read", "logs.export"] })
    ).raw;
    const mine = await exportAndWait({ format: "csv", service: "billing" }, bot);
    const botList = await request(t.app).get(`${LOGS}/exports`).set("X-API-Key", bot);
    expect(botList.body.data.exports.map((e: { export_id: string }) => e.export_id)).toEqual([mine.export_id]);
    const opsList = await request(t.app).get(`${LOGS}/exports`).query({ limit: 100 }).set("X-API-Key", t.keys.ops);
    const all = opsList.body.data.exports.map((e: { export_id: string }) => e.export_id);
    expect(all).toContain(mine.export_id);
    expect(all.length).toBeGreaterThan(1);
    const notMine = all.find((id: string) => id !== mine.export_id);
    expect((await request(t.app).get(`${LOGS}/exports/${notMine}`).set("X-API-Key", bot)).status).toBe(404);
  });
});

describe("filters echo", () => {
  it("shows the filters as the request names them (snake_case) in the status, the list and the audit trail", async () => {
    const start = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const end = new Date().toISOString();
    const body = {
      format: "json",
      query: "^payment",
      regex: true,
      case_insensitive: true,
      level: "error",
      start_time: start,
      end_time: end,
      request_id: "req_abc123",
    };
    const s = await exportAndWait(body);
    const expected = {
      query: "^payment",
      regex: true,
      case_insensitive: true,
      level: "error",
      service: null,
      start_time: start,
      end_time: end,
      request_id: "req_abc123",
      user_id: null,
    };
    expect(s.filters).toEqual(expected);
    expect(s.row_count).toBe(1);

    const list = await request(t.app).get(`${LOGS}/exports`).set("X-API-Key", t.keys.ops);
    const listed = (list.body.data.exports as { export_id: string; filters: unknown }[]).find(
      (e) => e.export_id === s.export_id,
    );
    expect(listed?.filters).toEqual(expected);

    const audit = await request(t.app)
      .get("/api/v1/platform/system/audit")
      .query({ action: "logs.export", target: `export:${s.export_id}` })
      .set("X-API-Key", t.keys.ops);
    expect(audit.body.data.events).toHaveLength(1);
    expect(audit.body.data.events[0].parameters).toEqual({ format: "json", gzip: false, filters: expected });
  });
});

describe("limits", () => {
  it("refuses a time window wider than the maximum", async () => {
    const r = await request(t.app)
      .post(`${LOGS}/exports`)
      .set("X-API-Key", t.keys.ops)
      .send({ start_time: "2020-01-01T00:00:00Z", end_time: "2020-03-01T00:00:00Z" });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].code).toBe("window_too_wide");
  });

  it("caps concurrent exports per key", async () => {
    const bot = (await createKey(t.deps.db.prisma, { name: "busy-bot", role: "ops", permissions: ["logs.export"] }))
      .raw;
    const max = t.deps.config.LOG_EXPORT_MAX_CONCURRENT;
    await worker.pause();
    t.deps.config.LOG_EXPORT_MAX_CONCURRENT = 1;
    try {
      const first = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", bot).send({});
      expect(first.status).toBe(202);
      const done = settledOf(first.body.data.export_id);
      const second = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", bot).send({});
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe("too_many_exports");
      worker.resume();
      await done;
      expect(
        (await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", bot).send({ service: "nobody" })).status,
      ).toBe(202);
    } finally {
      t.deps.config.LOG_EXPORT_MAX_CONCURRENT = max;
      worker.resume();
    }
  });

  it("fails an export over the row limit, saying why", async () => {
    const max = t.deps.config.LOG_EXPORT_MAX_ROWS;
    t.deps.config.LOG_EXPORT_MAX_ROWS = 3;
    try {
      const s = await exportAndWait({ format: "csv" });
      expect(s.status).toBe("failed");
      expect(s.error).toMatch(/more than 3 rows; narrow the time window/);
      expect(s.download_url).toBeNull();
      expect(fs.readdirSync(exportDir).filter((f) => f.startsWith(s.export_id))).toEqual([]);
    } finally {
      t.deps.config.LOG_EXPORT_MAX_ROWS = max;
    }
  });
});

describe("statement timeout", () => {
  it("stops an export that runs past LOG_EXPORT_TIMEOUT_MS and says so, once", async () => {
    await worker.pause();
    const queue = new Queue("log-exports", { connection, prefix: t.env.queuePrefix });
    // The copy waits on a lock held here, so it outlives the timeout on any machine.
    const locker = await t.deps.db.pool.connect();
    try {
      const r = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", t.keys.ops).send({ format: "csv" });
      const id = r.body.data.export_id as string;
      const job = (await queue.getJob(id))!;
      await locker.query("BEGIN; LOCK TABLE app_logs IN ACCESS EXCLUSIVE MODE");
      const run = exportLogs(
        job,
        { export_id: id },
        {
          config: { EXPORT_DIR: exportDir, LOG_EXPORT_TIMEOUT_MS: 200 } as WorkerConfig,
          log,
          db: t.deps.db,
          signal: new AbortController().signal,
        },
      );
      // Permanent: the same export would time out again.
      await expect(run).rejects.toMatchObject({ name: "UnrecoverableError" });
      await locker.query("ROLLBACK");
      const st = await request(t.app).get(`${LOGS}/exports/${id}`).set("X-API-Key", t.keys.ops);
      expect(st.body.data).toMatchObject({
        status: "failed",
        download_url: null,
        error: "the export ran longer than 200 ms and was stopped; narrow the time window or add filters",
      });
      await queue.remove(id).catch(() => undefined);
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      locker.release();
      await queue.close();
      worker.resume();
    }
  });
});

describe("crash and retry", () => {
  it("restarts a failed or crashed attempt from scratch and never serves a half file", async () => {
    // First attempt: the export directory cannot be created (a file is in the way).
    const blocked = path.join(path.dirname(exportDir), `blocked-${t.env.queuePrefix}`);
    fs.writeFileSync(blocked, "");
    await worker.pause();
    const queue = new Queue("log-exports", { connection, prefix: t.env.queuePrefix });
    const r = await request(t.app).post(`${LOGS}/exports`).set("X-API-Key", t.keys.ops).send({ format: "ndjson" });
    const id = r.body.data.export_id as string;
    const job = (await queue.getJob(id))!;
    // Leftovers of a crashed attempt: a half-written temp file.
    fs.mkdirSync(exportDir, { recursive: true });
    fs.writeFileSync(path.join(exportDir, `${id}.ndjson.deadbeef.part`), '{"half": ');
    const ctx = (dir: string) => ({
      config: { EXPORT_DIR: dir } as WorkerConfig,
      log,
      db: t.deps.db,
      signal: new AbortController().signal,
    });
    await expect(exportLogs(job, { export_id: id }, ctx(path.join(blocked, "sub")))).rejects.toThrow();
    const mid = await request(t.app).get(`${LOGS}/exports/${id}`).set("X-API-Key", t.keys.ops);
    expect(mid.body.data).toMatchObject({ status: "processing", download_url: null });
    expect(mid.body.data.error).toMatch(/export failed/);
    // The owner is told that it failed, not the file system's words (paths) or any other internal text.
    expect(mid.body.data.error).not.toContain(path.dirname(exportDir));
    // The retry (as BullMQ would run it) starts clean and completes.
    await exportLogs(job, { export_id: id }, ctx(exportDir));
    const after = await request(t.app).get(`${LOGS}/exports/${id}`).set("X-API-Key", t.keys.ops);
    expect(after.body.data).toMatchObject({ status: "completed", row_count: FIXTURE.length, error: null });
    expect(fs.readdirSync(exportDir).filter((f) => f.startsWith(id))).toEqual([`${id}.ndjson`]);
    // A duplicate run of a completed export changes nothing.
    expect(await exportLogs(job, { export_id: id }, ctx(exportDir))).toEqual({ skipped: true });
    await queue.remove(id).catch(() => undefined);
    await queue.close();
    worker.resume();
    fs.rmSync(blocked, { force: true });
  });
});

describe("expiry", () => {
  it("expires old exports and deletes their files", async () => {
    const s = await exportAndWait({ format: "txt" });
    await t.deps.db.pool.query(`UPDATE log_exports SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      s.export_id,
    ]);
    const r = await deleteExpiredExports(t.deps.db.pool, fileStoreFor({ EXPORT_DIR: exportDir }));
    expect(r.expired).toBeGreaterThanOrEqual(1);
    expect(r.failed).toEqual([]);
    expect(fs.existsSync(path.join(exportDir, `${s.export_id}.txt`))).toBe(false);
    const st = await request(t.app).get(`${LOGS}/exports/${s.export_id}`).set("X-API-Key", t.keys.ops);
    expect(st.body.data).toMatchObject({ status: "expired", download_url: null });
    expect((await download(s.download_url!)).status).toBe(404);
  });
});
