// The follower's guarantees under failure: killed mid-stream, the next one
// resumes without loss or duplicates; a stream trimmed while no follower ran
// is detected as a gap, repaired from Redis and flagged history_incomplete;
// two followers share streams one each (leases) and one takes over the other's
// when it dies; a follower whose claim was superseded cannot commit; a repair
// that yields to a burst leaves the position for the next one to finish.
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import request from "supertest";

import { newPace } from "../../apps/worker/src/history/pace";
import { repairGap, RepairYielded } from "../../apps/worker/src/history/repair";
import { claimStreamPosition, commitStreamBatch, JOB_PHASE } from "../../packages/db/src";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { silentLogger, waitFor } from "../worker/workerHelpers";
import {
  allFinal,
  endFollower,
  eventsOf,
  follower,
  FOLLOWER_APP,
  recordsOf,
  type TestFollower,
} from "./historyHelpers";

jest.setTimeout(150_000);

let t: TestApp;
let redis: Redis;
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  t = await createTestApp();
  redis = new Redis(t.env.redisUrl);
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  redis.disconnect();
  await t.close();
});

// Followers still running after their test would take the next test's streams.
const stopAfterTest: TestFollower[] = [];
afterEach(async () => {
  for (const f of stopAfterTest.splice(0)) await endFollower(f, "stop");
});

const pool = () => t.deps.db.pool;
function queue(name: string): Queue {
  const q = new Queue(name, { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix });
  closers.push(() => q.close());
  return q;
}
function worker(name: string, concurrency = 20): Worker {
  const w = new Worker(
    name,
    async (job: { data: { n: number }; attemptsMade: number }) => {
      if (job.data.n % 7 === 0 && job.attemptsMade === 0) throw new Error(`flaky ${job.data.n}`);
      return job.data.n;
    },
    { connection: { url: t.env.redisUrl }, prefix: t.env.queuePrefix, concurrency },
  );
  closers.push(() => w.close());
  return w;
}
const jobs = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({
    name: "work",
    data: { n: from + i },
    opts: { jobId: `j${from + i}`, attempts: 2, ...(i % 2 ? { backoff: { type: "fixed", delay: 5 } } : {}) },
  }));
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `j${from + i}`);
const expectedEvents = (from: number, to: number) =>
  ids(from, to)
    .filter((id) => Number(id.slice(1)) % 7 === 0)
    .flatMap((id) => [`${id}/1/active/`, `${id}/1/retry/flaky ${id.slice(1)}`])
    .sort();
async function position(queue: string): Promise<string | null> {
  const r = await pool().query<{ last_id: string | null }>(
    `SELECT last_id FROM queue_stream_positions WHERE queue = $1`,
    [queue],
  );
  return r.rows[0]?.last_id ?? null;
}
const streamKey = (q: string) => `${t.env.queuePrefix}:${q}:events`;
/** Waits until the saved position is the stream's newest entry: every entry it holds was read. */
async function waitCaughtUp(queue: string): Promise<void> {
  const [[tail]] = (await redis.xrevrange(streamKey(queue), "+", "-", "COUNT", 1)) as unknown as [[string]];
  await waitFor(`${queue} caught up`, async () => (await position(queue)) === tail, 30_000);
}
/** Jobs j<from>..j<to - 1> recorded completed, at their true attempt (the flaky ones fail once). */
async function expectCompleted(queue: string, from: number, to: number): Promise<void> {
  const recs = await recordsOf(pool(), queue);
  for (const id of ids(from, to)) {
    const flaky = Number(id.slice(1)) % 7 === 0;
    expect({ id, status: recs.get(id)?.status, attempt: recs.get(id)?.attempt }).toEqual({
      id,
      status: "completed",
      attempt: flaky ? 2 : 1,
    });
  }
}

it("a follower killed mid-stream is resumed by the next without loss or duplicates", async () => {
  const q = queue("ext-kill");
  worker("ext-kill");
  const first: TestFollower = follower(t.env, { batch: 20 });
  await q.addBulk(jobs(0, 400));
  await waitFor("a first commit", () => first.committed > 0);
  first.kill();
  await first.pool.end(); // waits for a commit in flight, as a dying process's last packet would be
  const killedAt = await position("ext-kill");
  const [[tail]] = (await redis.xrevrange(streamKey("ext-kill"), "+", "-", "COUNT", 1)) as unknown as [[string]];
  expect(killedAt).not.toBeNull();
  expect(killedAt).not.toBe(tail); // stopped mid-stream: entries left unread

  await q.addBulk(jobs(400, 600)); // more while nobody follows
  const second = follower(t.env, { batch: 20 });
  stopAfterTest.push(second);
  await waitFor("every record final", () => allFinal(pool(), "ext-kill", ids(0, 600)), 90_000);
  const recs = await recordsOf(pool(), "ext-kill");
  expect(recs.size).toBe(600);
  for (const [id, r] of recs) {
    const flaky = Number(id.slice(1)) % 7 === 0;
    expect({ id, status: r.status, attempt: r.attempt, incomplete: r.history_incomplete }).toEqual({
      id,
      status: "completed",
      attempt: flaky ? 2 : 1,
      incomplete: false,
    });
  }
  expect(await eventsOf(pool(), "ext-kill")).toEqual(expectedEvents(0, 600));
});

it("a commit cut off while the next batch is read ahead: that range is read again, nothing skipped or doubled", async () => {
  const q = queue("ext-cut");
  worker("ext-cut");
  // Following throughout (never stepping aside from the burst), so the stream's cap trims nothing unread.
  const f = follower(t.env, { batch: 20, stepAsideMaxMs: 0 });
  stopAfterTest.push(f);
  // Terminates the follower's backend while it runs a batch's commit (the statement that moves the
  // position), as a Postgres restart or a network cut would; jobs keep coming until three were hit.
  let cut = 0;
  let added = 0;
  const deadline = Date.now() + 120_000;
  while (cut < 3) {
    if (Date.now() > deadline) throw new Error(`only ${cut} commits cut off in 120 s`);
    if (added < 4_000) await q.addBulk(jobs(added, (added += 40)));
    for (let i = 0; i < 40 && cut < 3; i++) {
      const r = await pool().query<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1 AND state = 'active'
            AND query LIKE 'WITH moved AS%'`,
        [FOLLOWER_APP],
      );
      cut += r.rows.filter((x) => x.ok).length;
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  await waitFor("every record final", () => allFinal(pool(), "ext-cut", ids(0, added)), 120_000);
  const recs = await recordsOf(pool(), "ext-cut");
  expect(recs.size).toBe(added);
  for (const [id, r] of recs) {
    const flaky = Number(id.slice(1)) % 7 === 0;
    // A range read twice over its own records would count its attempts twice; one skipped, never finish.
    expect({ id, status: r.status, attempt: r.attempt, incomplete: r.history_incomplete }).toEqual({
      id,
      status: "completed",
      attempt: flaky ? 2 : 1,
      incomplete: false,
    });
  }
  expect(await eventsOf(pool(), "ext-cut")).toEqual(expectedEvents(0, added));
});

it("a stream trimmed while no follower ran: gap detected, repaired, records flagged history_incomplete", async () => {
  const q = queue("ext-gap");
  const w = worker("ext-gap");
  const before = follower(t.env);
  await q.addBulk(jobs(0, 20));
  await q.add("later", { n: 99 }, { jobId: "j99", delay: 3_600_000 }); // delayed through the gap
  await waitFor("records before the gap", () => allFinal(pool(), "ext-gap", ids(0, 20)));
  await waitFor("the delayed job recorded", async () => (await recordsOf(pool(), "ext-gap")).has("j99"));
  await endFollower(before, "stop");

  await q.addBulk(jobs(20, 35));
  await waitFor("gap jobs done in Redis", async () => (await q.getCompletedCount()) === 35);
  await w.pause();
  await q.addBulk(jobs(35, 40)); // left waiting
  await redis.xtrim(streamKey("ext-gap"), "MAXLEN", 0);

  const after = follower(t.env);
  stopAfterTest.push(after);
  await waitFor("gap repaired", async () => {
    const recs = await recordsOf(pool(), "ext-gap");
    return ids(20, 40).every((id) => recs.get(id)?.history_incomplete === true);
  });
  const recs = await recordsOf(pool(), "ext-gap");
  for (const id of ids(20, 35))
    expect(recs.get(id)).toMatchObject({ status: "completed", payload: { n: Number(id.slice(1)) } });
  for (const id of ids(35, 40)) expect(recs.get(id)).toMatchObject({ status: "waiting", attempt: 0 });
  // Jobs whose records already said what Redis says lost nothing in the gap: left as they were,
  // though they finished within the repair's clock margin (or never finished).
  for (const id of [...ids(0, 20), "j99"]) expect(recs.get(id)).toMatchObject({ history_incomplete: false });
  expect(recs.get("j99")).toMatchObject({ status: "delayed", attempt: 0 });
  const pos = await pool().query<{ gap_repaired_at: Date | null }>(
    `SELECT gap_repaired_at FROM queue_stream_positions WHERE queue = 'ext-gap'`,
  );
  expect(pos.rows[0]?.gap_repaired_at).toBeInstanceOf(Date);

  // Following goes on after the repair; the flag stays (the lost history stays lost).
  w.resume();
  await waitFor("waiting jobs completed", () => allFinal(pool(), "ext-gap", ids(35, 40)));
  expect((await recordsOf(pool(), "ext-gap")).get("j36")).toMatchObject({ history_incomplete: true });
  const r = await request(t.app)
    .get("/api/v1/platform/system/jobs?queue=ext-gap&q=j36")
    .set("X-API-Key", t.keys.viewer);
  expect(r.status).toBe(200);
  expect(r.body.data.jobs).toEqual([expect.objectContaining({ id: "j36", history_incomplete: true })]);
});

it("a gap repaired while the stream still holds later entries: no start is counted twice", async () => {
  const q = queue("ext-reread");
  worker("ext-reread");
  const before = follower(t.env);
  await q.addBulk(jobs(0, 10));
  await waitFor("records before the gap", () => allFinal(pool(), "ext-reread", ids(0, 10)));
  await endFollower(before, "stop");

  await q.addBulk(jobs(10, 40));
  await waitFor("gap jobs done in Redis", async () => (await q.getCompletedCount()) === 40);
  // The head is trimmed, the newest entries (starts and completions of the last jobs) kept: the
  // repair writes those jobs from their hashes, then the follower reads their entries again.
  await redis.xtrim(streamKey("ext-reread"), "MAXLEN", 40);

  const after = follower(t.env);
  stopAfterTest.push(after);
  await waitCaughtUp("ext-reread");
  await expectCompleted("ext-reread", 10, 40);
});

it("a burst outrunning a small stream cap: every job's record ends right, whether followed or repaired", async () => {
  // A stream capped at 200 entries and a follower reading 10 at a time: the burst outgrows it, so it
  // steps aside (or, on a machine fast enough, keeps up); either way each record ends in the job's
  // final state with its true attempt count.
  const q = new Queue("ext-burst", {
    connection: { url: t.env.redisUrl },
    prefix: t.env.queuePrefix,
    streams: { events: { maxLen: 200 } },
  });
  closers.push(() => q.close());
  const f = follower(t.env, { batch: 10 });
  stopAfterTest.push(f);
  await q.add("first", { n: 1 }, { jobId: "j-first" });
  await waitFor("followed", async () => (await recordsOf(pool(), "ext-burst")).has("j-first"));
  worker("ext-burst");
  await q.addBulk(jobs(0, 300));
  await waitFor("burst done in Redis", async () => (await q.getCompletedCount()) === 301);
  await waitFor("every record final", () => allFinal(pool(), "ext-burst", ids(0, 300)), 60_000);
  await waitCaughtUp("ext-burst");
  await expectCompleted("ext-burst", 0, 300);
});

it("two followers: each stream followed by exactly one; the survivor takes over the other's", async () => {
  const names = ["ext-a", "ext-b", "ext-c"];
  const qs = names.map((n) => queue(n));
  for (const q of qs) await q.addBulk(jobs(0, 10));
  const one = follower(t.env);
  const two = follower(t.env);
  stopAfterTest.push(two);
  const followed = () => [...one.owned(), ...two.owned()].filter((q) => names.includes(q)).sort();
  await waitFor("every stream followed", () => followed().length === 3);
  // A lease admits one holder: never both.
  for (let i = 0; i < 20; i++) {
    expect(followed()).toEqual(names);
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const n of names) await waitFor(`${n} recorded`, async () => (await recordsOf(pool(), n)).size === 10);

  one.kill(); // its leases lapse; nothing given back
  await one.pool.end();
  await waitFor("the survivor follows every stream", () => names.every((n) => two.owned().includes(n)), 30_000);
  for (const q of qs) await q.addBulk(jobs(10, 20));
  for (const n of names) {
    await waitFor(`${n} recorded after fail-over`, async () => (await recordsOf(pool(), n)).size === 20);
    const recs = await recordsOf(pool(), n);
    expect([...recs.values()].every((r) => r.status === "waiting" && !r.history_incomplete)).toBe(true);
  }
});

it("a follower whose claim was superseded cannot move the position nor write records", async () => {
  const old = await claimStreamPosition(pool(), "ext-fenced");
  const fresh = await claimStreamPosition(pool(), "ext-fenced");
  expect(fresh.epoch).toBeGreaterThan(old.epoch);
  const record = {
    queue: "ext-fenced",
    jobId: "x1",
    name: "n",
    status: "completed",
    attempt: 1,
    phase: JOB_PHASE.finished,
    attemptsMade: 1,
    progress: null,
    failedReason: null,
    payload: null,
    createdAt: new Date(),
    processedAt: null,
    finishedAt: null,
  };
  const stale = await commitStreamBatch(pool(), {
    queue: "ext-fenced",
    epoch: old.epoch,
    lastId: "9-0",
    entriesRead: 1,
    records: [record],
    events: [],
  });
  expect(stale).toBe(false);
  expect(await position("ext-fenced")).toBeNull();
  expect((await recordsOf(pool(), "ext-fenced")).size).toBe(0);
  expect(
    await commitStreamBatch(pool(), {
      queue: "ext-fenced",
      epoch: fresh.epoch,
      lastId: "9-0",
      entriesRead: 1,
      records: [record],
      events: [],
    }),
  ).toBe(true);
  expect(await position("ext-fenced")).toBe("9-0");
});

it("a gap repair told to yield stops between pages: what it wrote stays, the count does not move, a later one finishes", async () => {
  const q = queue("ext-yield");
  const w = worker("ext-yield");
  await q.addBulk(jobs(0, 30));
  await waitFor("jobs done in Redis", async () => (await q.getCompletedCount()) === 30);
  await w.close();
  const claim = await claimStreamPosition(pool(), "ext-yield");
  const s = {
    epoch: claim.epoch,
    position: "0",
    entriesRead: 0,
    checkGap: false,
    forceRepair: false,
    ahead: null,
    pace: newPace(),
    repairedUpTo: 0,
  };
  const deps = { pool: pool(), redis, prefix: t.env.queuePrefix, batch: 10, maxJobs: 1_000, log: silentLogger() };
  let asked = 0;
  await expect(repairGap(deps, "ext-yield", s, 120, null, async () => asked++ >= 1)).rejects.toBeInstanceOf(
    RepairYielded,
  );
  expect((await recordsOf(pool(), "ext-yield")).size).toBe(10); // the first page, written before the check said stop
  const entriesRead = async () =>
    (
      await pool().query<{ n: string }>(
        `SELECT entries_read AS n FROM queue_stream_positions WHERE queue = 'ext-yield'`,
      )
    ).rows[0]?.n;
  expect(Number(await entriesRead())).toBe(0);
  expect(s.entriesRead).toBe(0);

  await repairGap(deps, "ext-yield", s, 120, null);
  const recs = await recordsOf(pool(), "ext-yield");
  expect([...recs.values()].filter((r) => r.status === "completed" && r.history_incomplete)).toHaveLength(30);
  expect(Number(await entriesRead())).toBe(120);
});
