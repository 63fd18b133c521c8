// Job records in Postgres: the fenced batch upsert (a stale attempt never
// overwrites a newer one, a replay changes nothing), one statement per batch
// even with several writes for one job, events written once, Opsdeck's
// authoritative marks, and history reads.
import type pg from "pg";

import {
  fenceAdmits,
  getJobHistory,
  JOB_PHASE,
  type JobRecordWrite,
  markJobRecords,
  repairJobRecords,
  upsertJobRecords,
  writeJobRecordsWithEvents,
} from "../../packages/db/src";
import { useTestDatabase } from "../helpers/testEnv";
import { readRecord } from "./workerHelpers";

let pool: pg.Pool;
useTestDatabase((p) => (pool = p));

const created = new Date("2026-01-01T00:00:00.000Z");
function write(jobId: string, over: Partial<JobRecordWrite>): JobRecordWrite {
  return {
    queue: "email-sending",
    jobId,
    name: "batch",
    status: "active",
    attempt: 1,
    phase: JOB_PHASE.active,
    attemptsMade: 0,
    progress: null,
    failedReason: null,
    payload: { campaign_id: "c-42" },
    createdAt: created,
    processedAt: new Date(created.getTime() + 1_000),
    finishedAt: null,
    ...over,
  };
}

describe("fenced upsert", () => {
  it("never lets a stale attempt overwrite a newer one", async () => {
    await upsertJobRecords(pool, [write("j1", { attempt: 2, phase: JOB_PHASE.finished, status: "completed" })]);
    // Attempt 1's late "failed, will retry" and "active" writes arrive after attempt 2 completed.
    const n = await upsertJobRecords(pool, [
      write("j1", { attempt: 1, phase: JOB_PHASE.finished, status: "delayed", failedReason: "boom" }),
    ]);
    await upsertJobRecords(pool, [write("j1", { attempt: 1, phase: JOB_PHASE.active })]);
    expect(n).toBe(0);
    const rec = await readRecord(pool, "email-sending", "j1");
    expect(rec).toMatchObject({ status: "completed", attempt: 2, phase: 2, failed_reason: null });
  });

  it("lets a later phase of the same attempt, and a newer attempt, land", async () => {
    await upsertJobRecords(pool, [write("j2", { attempt: 1, phase: JOB_PHASE.active })]);
    await upsertJobRecords(pool, [
      write("j2", { attempt: 1, phase: JOB_PHASE.finished, status: "delayed", attemptsMade: 1, failedReason: "x" }),
    ]);
    expect(await readRecord(pool, "email-sending", "j2")).toMatchObject({ status: "delayed", attempts_made: 1 });
    await upsertJobRecords(pool, [write("j2", { attempt: 2, phase: JOB_PHASE.active, attemptsMade: 1 })]);
    expect(await readRecord(pool, "email-sending", "j2")).toMatchObject({ status: "active", attempt: 2 });
  });

  it("collapses several writes for one job in a batch to the newest, in one statement", async () => {
    const n = await upsertJobRecords(pool, [
      write("j3", { attempt: 2, phase: JOB_PHASE.finished, status: "completed", finishedAt: new Date() }),
      write("j3", { attempt: 1, phase: JOB_PHASE.active }),
      write("j3", { attempt: 2, phase: JOB_PHASE.active }),
      write("j4", { attempt: 1, phase: JOB_PHASE.active }),
    ]);
    expect(n).toBe(2);
    expect(await readRecord(pool, "email-sending", "j3")).toMatchObject({ status: "completed", attempt: 2 });
  });

  it("treats a reused job id (newer creation time) as a new generation", async () => {
    await upsertJobRecords(pool, [write("j5", { attempt: 3, phase: JOB_PHASE.finished, status: "failed" })]);
    await markJobRecords(pool, "email-sending", ["j5"], "removed");
    const later = new Date(created.getTime() + 60_000);
    await upsertJobRecords(pool, [write("j5", { attempt: 1, phase: JOB_PHASE.active, createdAt: later })]);
    expect(await readRecord(pool, "email-sending", "j5")).toMatchObject({ status: "active", attempt: 1 });
  });

  it("fenceAdmits, the rule the buffer and the batch collapse use, agrees with the SQL fence on every pair", async () => {
    // Every combination of an older/newer creation, attempt and phase, written one after the other.
    const tokens = [];
    for (const createdAt of [created, new Date(created.getTime() + 1_000)])
      for (const attempt of [1, 2])
        for (const phase of [JOB_PHASE.active, JOB_PHASE.finished]) tokens.push({ createdAt, attempt, phase });
    let n = 0;
    for (const a of tokens) {
      for (const b of tokens) {
        const jobId = `fence-${n++}`;
        const first = write(jobId, { ...a, status: "first" });
        const second = write(jobId, { ...b, status: "second" });
        await upsertJobRecords(pool, [first]);
        const landed = (await upsertJobRecords(pool, [second])) === 1;
        expect({ a, b, landed }).toEqual({ a, b, landed: fenceAdmits(second, first) });
      }
    }
    // Equal tokens: the later write wins, in memory as in SQL.
    expect(fenceAdmits(write("x", {}), write("x", {}))).toBe(true);
  });

  it("stores a huge payload as a bounded preview and survives NUL characters", async () => {
    await upsertJobRecords(pool, [
      write("j6", { payload: { body: "x".repeat(200_000) }, name: "na\u0000me", failedReason: "a\u0000b" }),
      write("j7", { payload: { s: "nul\u0000inside" } }),
    ]);
    const big = await readRecord(pool, "email-sending", "j6");
    expect(big?.payload).toMatchObject({ _truncated: true });
    expect(big?.name).toBe("name");
    expect((await readRecord(pool, "email-sending", "j7"))?.payload).toEqual({ s: "nulinside" });
  });

  it("replaces lone surrogates, drops NUL in events too, and keeps a literal backslash-u0000", async () => {
    await upsertJobRecords(pool, [
      write("j8", {
        name: "a\ud800b",
        failedReason: "x\udc00y\u0000",
        payload: { s: "lone\ud83d", pair: "\ud83d\ude00", lit: "\\u0000 stays", nul: "\\\u0000" },
      }),
    ]);
    expect(await readRecord(pool, "email-sending", "j8")).toMatchObject({
      name: "a\ufffdb",
      failed_reason: "x\ufffdy",
      payload: { s: "lone\ufffd", pair: "\ud83d\ude00", lit: "\\u0000 stays", nul: "\\" },
    });
    await writeJobRecordsWithEvents(
      pool,
      [],
      [{ queue: "email-sending", jobId: "j8", attempt: 1, event: "retry", detail: "d\u0000e\udfff", at: created }],
    );
    const stored = (await getJobHistory(pool, "email-sending", "j8")).events.filter((e) => e.event === "retry");
    expect(stored).toMatchObject([{ detail: "de\ufffd" }]);
  });
});

describe("reconciliation repairs", () => {
  it("replace only the version they read, and insert only missing records", async () => {
    await upsertJobRecords(pool, [write("rp1", { attempt: 3, phase: JOB_PHASE.active })]);
    const seen = (await readRecord(pool, "email-sending", "rp1"))!.updated_at;
    // A worker write lands after the read: the repair based on the older read must not apply.
    await upsertJobRecords(pool, [write("rp1", { attempt: 3, phase: JOB_PHASE.finished, status: "completed" })]);
    const redisSays = write("rp1", { attempt: 0, phase: JOB_PHASE.queued, status: "waiting" });
    expect(await repairJobRecords(pool, [{ record: redisSays, seenUpdatedAt: seen }])).toBe(0);
    expect(await readRecord(pool, "email-sending", "rp1")).toMatchObject({ status: "completed" });
    // With the current version it replaces the record even though its fence is lower (attempts were reset).
    const current = (await readRecord(pool, "email-sending", "rp1"))!.updated_at;
    expect(await repairJobRecords(pool, [{ record: redisSays, seenUpdatedAt: current }])).toBe(1);
    expect(await readRecord(pool, "email-sending", "rp1")).toMatchObject({ status: "waiting", attempt: 0 });
    // A record that did not exist is inserted; one that appeared meanwhile is kept.
    expect(await repairJobRecords(pool, [{ record: write("rp2", {}), seenUpdatedAt: null }])).toBe(1);
    await new Promise((r) => setTimeout(r, 5)); // a distinct millisecond from rp2's insert
    expect(
      await repairJobRecords(pool, [{ record: write("rp2", { status: "waiting", phase: 0 }), seenUpdatedAt: null }]),
    ).toBe(0);
    expect(await readRecord(pool, "email-sending", "rp2")).toMatchObject({ status: "active" });
  });
});

describe("marks and history", () => {
  it("removal fences out a stale write of the same attempt", async () => {
    await upsertJobRecords(pool, [write("m1", { attempt: 1, phase: JOB_PHASE.finished, status: "failed" })]);
    expect(await markJobRecords(pool, "email-sending", ["m1", "missing"], "removed")).toBe(1);
    await upsertJobRecords(pool, [write("m1", { attempt: 1, phase: JOB_PHASE.finished, status: "failed" })]);
    expect(await readRecord(pool, "email-sending", "m1")).toMatchObject({ status: "removed", phase: 3 });
  });

  it("a retry with attempts reset lets the next run's writes land", async () => {
    await upsertJobRecords(pool, [
      write("m2", { attempt: 8, phase: JOB_PHASE.finished, status: "failed", attemptsMade: 8, failedReason: "x" }),
    ]);
    await markJobRecords(pool, "email-sending", ["m2"], "waiting", { resetAttempts: true });
    expect(await readRecord(pool, "email-sending", "m2")).toMatchObject({
      status: "waiting",
      attempt: 0,
      attempts_made: 0,
      failed_reason: null,
    });
    await upsertJobRecords(pool, [write("m2", { attempt: 1, phase: JOB_PHASE.active })]);
    expect(await readRecord(pool, "email-sending", "m2")).toMatchObject({ status: "active", attempt: 1 });
  });

  it("returns the record and its events once each, oldest first", async () => {
    const at = (s: number) => new Date(created.getTime() + s * 1_000);
    const events = [
      { queue: "email-sending", jobId: "h1", attempt: 1, event: "active", detail: null, at: at(1) },
      { queue: "email-sending", jobId: "h1", attempt: 1, event: "retry", detail: "smtp 421", at: at(2) },
      { queue: "email-sending", jobId: "h1", attempt: 2, event: "active", detail: null, at: at(3) },
    ];
    await writeJobRecordsWithEvents(pool, [], events);
    await writeJobRecordsWithEvents(pool, [], [...events, ...events]); // replays are no-ops
    await upsertJobRecords(pool, [write("h1", { attempt: 2 })]);
    const h = await getJobHistory(pool, "email-sending", "h1");
    expect(h.record).toMatchObject({ job_id: "h1", attempt: 2, status: "active" });
    expect(h.events.map((e) => `${e.attempt}:${e.event}`)).toEqual(["1:active", "1:retry", "2:active"]);
    expect(await getJobHistory(pool, "email-sending", "nope")).toEqual({ record: null, events: [] });
  });

  it("derives the latest attempt's start and end from the record, without duplicating stored events", async () => {
    const at = (sec: number) => new Date(created.getTime() + sec * 1_000);
    // Completed on its first attempt: no event rows at all (the worker's common path).
    await upsertJobRecords(pool, [
      write("d1", { status: "completed", phase: JOB_PHASE.finished, attemptsMade: 1, finishedAt: at(2) }),
    ]);
    const d1 = await getJobHistory(pool, "email-sending", "d1");
    expect(d1.events).toEqual([
      { attempt: 1, event: "active", detail: null, at: at(1) },
      { attempt: 1, event: "completed", detail: null, at: at(2) },
    ]);
    // Failed for good, recorded by reconciliation (no events written): the failure comes with its reason.
    await upsertJobRecords(pool, [
      write("d2", {
        status: "failed",
        phase: JOB_PHASE.finished,
        attempt: 2,
        attemptsMade: 2,
        failedReason: "550 no such user",
        processedAt: at(5),
        finishedAt: at(6),
      }),
    ]);
    await writeJobRecordsWithEvents(
      pool,
      [],
      [
        { queue: "email-sending", jobId: "d2", attempt: 1, event: "active", detail: null, at: at(1) },
        { queue: "email-sending", jobId: "d2", attempt: 1, event: "retry", detail: "421 busy", at: at(2) },
      ],
    );
    const d2 = await getJobHistory(pool, "email-sending", "d2");
    expect(d2.events.map((e) => `${e.attempt}:${e.event}:${e.detail ?? ""}`)).toEqual([
      "1:active:",
      "1:retry:421 busy",
      "2:active:",
      "2:failed:550 no such user",
    ]);
    // The worker wrote the failed attempt's events itself: nothing is derived twice.
    await writeJobRecordsWithEvents(
      pool,
      [],
      [
        { queue: "email-sending", jobId: "d2", attempt: 2, event: "active", detail: null, at: at(5) },
        { queue: "email-sending", jobId: "d2", attempt: 2, event: "failed", detail: "550 no such user", at: at(6) },
      ],
    );
    expect((await getJobHistory(pool, "email-sending", "d2")).events).toHaveLength(4);
    // A job that has never started has no history yet.
    await upsertJobRecords(pool, [
      write("d3", { status: "waiting", phase: JOB_PHASE.queued, attempt: 0, processedAt: null }),
    ]);
    expect((await getJobHistory(pool, "email-sending", "d3")).events).toEqual([]);
  });
});
