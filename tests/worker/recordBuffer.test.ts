// The job-record write-back buffer against real Postgres: a job whose phases
// arrive between writes is written once (one statement for the batch, events
// included), an active job waits for flush() or an interval while finished
// ones go out by size, the fence applies inside the buffer, a batch that
// Postgres cannot take now is kept and written later, a job Postgres refuses
// is skipped without holding back the rest, and the bound drops and counts.
import pg from "pg";

import { createRecordBuffer, type RecordBuffer, type RecordEntry } from "../../apps/worker/src/records";
import { createPool, JOB_PHASE, type JobEventWrite, type JobRecordWrite } from "../../packages/db/src";
import { createTestEnv, type TestEnv } from "../helpers/testEnv";
import { readRecord, silentLogger, waitFor } from "./workerHelpers";

let env: TestEnv;
let pool: pg.Pool;
/** SQL of every statement the buffers under test sent. */
const statements: string[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  pool = new pg.Pool({ connectionString: env.databaseUrl, max: 3 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // Counts the statements (the queries still run against Postgres).
  (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /job_records|job_events/.test(args[0])) statements.push(args[0]);
    return query(...args);
  };
});
afterAll(async () => {
  await pool.end();
  await env.cleanup();
});

const QUEUE = "log-exports";
const created = new Date("2026-02-01T00:00:00.000Z");
const NO_TIMER = 3_600_000; // ms: the interval never fires within a test

function record(jobId: string, over: Partial<JobRecordWrite>): JobRecordWrite {
  return {
    queue: QUEUE,
    jobId,
    name: "export",
    status: "active",
    attempt: 1,
    phase: JOB_PHASE.active,
    attemptsMade: 0,
    progress: null,
    failedReason: null,
    payload: { export_id: jobId },
    createdAt: created,
    processedAt: new Date(created.getTime() + 1_000),
    finishedAt: null,
    ...over,
  };
}
const event = (jobId: string, name: string, attempt = 1, detail: string | null = null): JobEventWrite => ({
  queue: QUEUE,
  jobId,
  attempt,
  event: name,
  detail,
  at: new Date(),
});
const active = (jobId: string, attempt = 1): RecordEntry => ({
  record: record(jobId, { attempt, attemptsMade: attempt - 1 }),
  event: event(jobId, "active", attempt),
});
const completed = (jobId: string, attempt = 1): RecordEntry => ({
  record: record(jobId, {
    status: "completed",
    phase: JOB_PHASE.finished,
    attempt,
    attemptsMade: attempt,
    finishedAt: new Date(created.getTime() + 2_000),
  }),
  event: event(jobId, "completed", attempt),
});

const eventsOf = async (jobId: string) =>
  (
    await pool.query<{ e: string }>(
      `SELECT attempt || ':' || event AS e FROM job_events WHERE queue = $1 AND job_id = $2 ORDER BY at, id`,
      [QUEUE, jobId],
    )
  ).rows.map((r) => r.e);

const buffers: RecordBuffer[] = [];
function buffer(opts: Partial<{ maxEntries: number; batchSize: number; intervalMs: number }> = {}, p = pool) {
  const b = createRecordBuffer(p, silentLogger(), {
    maxEntries: 10_000,
    batchSize: 500,
    intervalMs: NO_TIMER,
    ...opts,
  });
  buffers.push(b);
  return b;
}
afterEach(async () => {
  for (const b of buffers.splice(0)) await b.close(1_000);
});

it("writes a job that starts and finishes between writes once, events and record in one statement", async () => {
  const b = buffer({ batchSize: 10 });
  const ids = Array.from({ length: 10 }, (_, i) => `once-${i}`);
  statements.length = 0;
  // Ten jobs start (held: active), then finish: the tenth finished job fills a batch and sends it.
  for (const id of ids) b.push(active(id));
  expect(statements).toHaveLength(0);
  for (const id of ids) b.push(completed(id));
  await waitFor("the batch written", () => b.written === 20);
  expect(statements).toHaveLength(1); // not an 'active' insert and then an update per job
  expect(statements[0]).toMatch(/^WITH events AS \(INSERT INTO job_events/);
  for (const id of ids) {
    expect(await readRecord(pool, QUEUE, id)).toMatchObject({ status: "completed", attempt: 1, phase: 2 });
    expect(await eventsOf(id)).toEqual(["1:active", "1:completed"]);
  }
  expect(b.size).toBe(0);
});

it("holds an active job back until flush(), while finished jobs go out by size", async () => {
  const b = buffer({ batchSize: 5 });
  b.push(active("held-1"));
  for (let i = 0; i < 5; i++) b.push(completed(`fill-${i}`));
  await waitFor("the full batch written", () => b.written === 5);
  expect(await readRecord(pool, QUEUE, "held-1")).toBeUndefined();
  expect(b.size).toBe(1);
  await b.flush();
  expect(await readRecord(pool, QUEUE, "held-1")).toMatchObject({ status: "active", phase: 1 });
  expect(b.size).toBe(0);
});

it("writes an active job once it has waited a full flush interval", async () => {
  const b = buffer({ intervalMs: 20 });
  b.push(active("slow-1"));
  const rec = await waitFor("the active record", () => readRecord(pool, QUEUE, "slow-1"));
  expect(rec).toMatchObject({ status: "active" });
});

it("keeps the payload when a progress write (no payload) replaces a pending record or lands later", async () => {
  const b = buffer();
  const progress = (jobId: string, pct: number) => ({
    record: record(jobId, { progress: pct, payload: null }),
  });
  // Never written yet: the progress write replaces the pending active record and must carry its payload.
  b.push(active("prog-1"));
  b.push(progress("prog-1", 10));
  await b.flush();
  expect(await readRecord(pool, QUEUE, "prog-1")).toMatchObject({ progress: 10, payload: { export_id: "prog-1" } });
  // Already written: a later progress write leaves the stored payload alone.
  b.push(progress("prog-1", 60));
  await b.flush();
  expect(await readRecord(pool, QUEUE, "prog-1")).toMatchObject({ progress: 60, payload: { export_id: "prog-1" } });
});

it("applies the fence within the buffer and keeps every event", async () => {
  const b = buffer();
  // A late 'active' of attempt 1 after its completion changes nothing.
  b.push(completed("fence-1"));
  b.push(active("fence-1"));
  // A retry: attempt 1 fails and is scheduled again, attempt 2 starts.
  b.push(active("retry-1"));
  b.push({
    record: record("retry-1", { status: "delayed", phase: JOB_PHASE.finished, attemptsMade: 1, failedReason: "boom" }),
    event: event("retry-1", "retry", 1, "boom"),
  });
  b.push(active("retry-1", 2));
  await b.flush();
  expect(await readRecord(pool, QUEUE, "fence-1")).toMatchObject({ status: "completed", phase: 2 });
  expect((await eventsOf("fence-1")).sort()).toEqual(["1:active", "1:completed"]);
  expect(await readRecord(pool, QUEUE, "retry-1")).toMatchObject({ status: "active", attempt: 2, attempts_made: 1 });
  expect(await eventsOf("retry-1")).toEqual(["1:active", "1:retry", "2:active"]);
});

it("keeps a batch Postgres cannot take now and writes it on a later flush", async () => {
  // A real failure: job_events locked by another transaction, and a 300 ms statement timeout.
  const shortPool = createPool({ url: env.databaseUrl, max: 1, statementTimeoutMs: 300 });
  const locker = await pool.connect();
  try {
    const b = buffer({}, shortPool);
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE job_events IN ACCESS EXCLUSIVE MODE");
    b.push(active("later-1"));
    b.push(completed("later-1"));
    await b.flush();
    expect(b.written).toBe(0);
    expect(b.size).toBe(2);
    await locker.query("COMMIT");
    // The short timeout was for the locked flush only: the write that follows must not race it on a busy
    // machine. The pool's one connection is the buffer's, so the setting reaches it.
    await shortPool.query("SET statement_timeout = 0");
    await b.flush();
    expect(b.written).toBe(2);
    expect(b.size).toBe(0);
    expect(await readRecord(pool, QUEUE, "later-1")).toMatchObject({ status: "completed" });
    expect(await eventsOf("later-1")).toEqual(["1:active", "1:completed"]);
    await b.close(1_000);
  } finally {
    await locker.query("ROLLBACK").catch(() => undefined);
    locker.release();
    await shortPool.end();
  }
});

it("skips a job Postgres refuses without holding back the rest of its batch", async () => {
  const b = buffer();
  b.push(completed("good-1"));
  b.push({ record: record("bad-1", { attempt: Number.NaN }) }); // attempt is NOT NULL
  b.push(completed("good-2"));
  await b.flush();
  expect(b.size).toBe(0);
  expect(await readRecord(pool, QUEUE, "good-1")).toMatchObject({ status: "completed" });
  expect(await readRecord(pool, QUEUE, "good-2")).toMatchObject({ status: "completed" });
  expect(await readRecord(pool, QUEUE, "bad-1")).toBeUndefined();
});

it("is bounded: what does not fit is dropped and counted, and nothing is taken after close", async () => {
  const b = buffer({ maxEntries: 3 });
  expect(b.push(active("full-1"))).toBe(true); // 1 unit
  expect(b.push(completed("full-1"))).toBe(true); // the same job, a second event: 2 units
  expect(b.push(active("full-2"))).toBe(true); // 3 units
  expect(b.push(active("full-3"))).toBe(false);
  expect(b.push(completed("full-2"))).toBe(false); // a fourth event
  // A record-only update (progress) of a held job replaces its record: no room needed.
  expect(b.push({ record: record("full-2", { progress: 50 }) })).toBe(true);
  expect([b.size, b.dropped]).toEqual([3, 2]);
  await b.close(1_000);
  expect(b.push(active("full-4"))).toBe(false);
  expect([b.size, b.dropped, b.written]).toEqual([0, 3, 3]);
  expect(await readRecord(pool, QUEUE, "full-2")).toMatchObject({ status: "active", progress: 50 });
  expect(await readRecord(pool, QUEUE, "full-3")).toBeUndefined();
});
