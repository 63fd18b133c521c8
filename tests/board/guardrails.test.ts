// Bull Board's clean all, empty and obliterate, through a signed-in board
// session: they go through the API's chunked bulk path (the job records are
// marked removed, which Bull Board's own calls never do, and the counts are
// on the call's audit entry), the grace period of clean all is kept, and
// obliterate is refused (409, in Bull Board's error shape) while a job is
// active, even with `force`.
import request from "supertest";

import { createFixtures, type Fixtures } from "../api/queuesFixtures";
import { createTestApp, type TestApp } from "../helpers/testApp";

const BOARD_API = "/admin/queues/api/queues";
const SAME_ORIGIN = { Host: "127.0.0.1", Origin: "http://127.0.0.1" };
let t: TestApp;
let f: Fixtures;
let cookie: string;
let viewerCookie: string;

async function signIn(key: string): Promise<string> {
  const r = await request(t.app).post("/admin/queues/login").type("form").send({ api_key: key });
  expect(r.status).toBe(303);
  return ([] as string[]).concat(r.headers["set-cookie"] ?? [])[0]!.split(";")[0]!;
}

beforeAll(async () => {
  t = await createTestApp({ SESSION_SECRET: "g".repeat(32) });
  f = createFixtures(t);
  // Every queue exists before the first board request (its queue list is cached).
  const oldTime = Date.now() - 3_600_000;
  for (let i = 0; i < 120; i++) {
    await f.queue("gr-clean").add("send", { i }, { jobId: `old-${i}`, delay: 86_400_000, timestamp: oldTime });
  }
  await f.queue("gr-clean").add("send", {}, { jobId: "fresh", delay: 86_400_000 });
  await t.deps.db.pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, attempt, phase, attempts_made, created_at)
     SELECT 'gr-clean', 'old-' || i, 'send', 'delayed', 0, 0, 0, now() FROM generate_series(0, 119) i`,
  );
  for (let i = 0; i < 5; i++) await f.queue("gr-empty").add("send", { i });
  await f.queue("gr-empty").add("later", {}, { jobId: "kept-delayed", delay: 86_400_000 });
  await f.queue("gr-obl").add("send", {}, { jobId: "running" });
  await f.queue("gr-obl").add("send", {}, { jobId: "waiting" });
  cookie = await signIn(t.keys.ops);
  viewerCookie = await signIn(t.keys.viewer);
});
afterAll(async () => {
  await f.close();
  await t.close();
});

const put = (path: string, body: object = {}, c = cookie) =>
  request(t.app).put(`${BOARD_API}/${path}`).set("Cookie", c).set(SAME_ORIGIN).send(body);

/** The board's audit entries of `action` on `queue`, once at least `n` are on record (written after the response). */
async function boardAudit(action: string, queue: string, n = 1) {
  for (let i = 0; i < 400; i++) {
    const r = await t.deps.db.pool.query(
      `SELECT outcome, error, parameters FROM audit_events WHERE action = $1 AND target = $2 ORDER BY id`,
      [action, `queue:${queue}`],
    );
    if (r.rows.length >= n)
      return r.rows as { outcome: string; error: string | null; parameters: Record<string, unknown> }[];
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`no ${action} entry`);
}

it("clean all deletes through the chunked path: records marked, grace kept, counts on record", async () => {
  const r = await put("gr-clean/clean/delayed");
  expect(r.status).toBe(200);
  expect(r.body).toEqual({});
  expect(await f.queue("gr-clean").getDelayedCount()).toBe(1); // the fresh one, inside the 5 s grace
  expect(await f.queue("gr-clean").getJob("fresh")).toBeDefined();
  const records = await t.deps.db.pool.query(
    `SELECT status, count(*)::int AS n FROM job_records WHERE queue = 'gr-clean' GROUP BY status`,
  );
  expect(records.rows).toEqual([{ status: "removed", n: 120 }]);
  const [entry] = await boardAudit("board.queue.clean", "gr-clean");
  expect(entry).toMatchObject({ outcome: "success", parameters: { state: "delayed", deleted: 120, grace_ms: 5000 } });
  expect((await put("gr-clean/clean/active")).body).toEqual({ error: { key: "ERRORS.STATUS_NOT_CLEANABLE" } });
  expect((await put("gr-clean/clean/__proto__")).status).toBe(400);
  expect((await put("no-such-queue/clean/failed")).status).toBe(404);
});

it("empty deletes waiting jobs through the same path and keeps delayed ones", async () => {
  const r = await put("gr-empty/empty");
  expect(r.status).toBe(200);
  expect(await f.queue("gr-empty").getWaitingCount()).toBe(0);
  expect(await f.queue("gr-empty").getJob("kept-delayed")).toBeDefined();
  const [entry] = await boardAudit("board.queue.empty", "gr-empty");
  expect(entry).toMatchObject({ outcome: "success", parameters: { deleted: 5 } });
});

it("obliterate is refused while a job is active, force or not, and works once none is", async () => {
  const q = f.queue("gr-obl");
  expect((await put("gr-obl/obliterate", { force: true })).body).toEqual({ error: { key: "ERRORS.QUEUE_NOT_PAUSED" } });
  const { job, token } = await f.takeJob("gr-obl");
  await q.pause();
  const refused = await put("gr-obl/obliterate", { force: true });
  expect(refused.status).toBe(409);
  expect(refused.body).toEqual({
    error: { key: "ERRORS.QUEUE_HAS_ACTIVE_JOBS" },
    message: { key: "ERRORS.QUEUE_HAS_ACTIVE_JOBS_DETAILS" },
  });
  expect(await q.getJob("running")).toBeDefined();
  expect(await q.getJob("waiting")).toBeDefined();
  await job.moveToCompleted("done", token, false);
  const ok = await put("gr-obl/obliterate", { force: false });
  expect(ok.status).toBe(200);
  expect(await q.getJob("running")).toBeUndefined();
  expect(await q.getJob("waiting")).toBeUndefined();
  expect(await q.getJobCounts("active", "waiting", "completed")).toEqual({ active: 0, waiting: 0, completed: 0 });
  // The waiting job and the one completed after the refusal.
  const entries = await boardAudit("board.queue.obliterate", "gr-obl", 3);
  expect(entries.map((e) => [e.outcome, e.error])).toEqual([
    ["failure", "http_400"],
    ["failure", "http_409"],
    ["success", null],
  ]);
  expect(entries[1]!.parameters).toMatchObject({ active: 1 });
  expect(entries[2]!.parameters).toMatchObject({ deleted: 2, by_state: { wait: 1, completed: 1 } });
});

it("a read-only session still cannot, and the board's reads keep working", async () => {
  const r = await put("gr-empty/empty", {}, viewerCookie);
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe("board_read_only");
  const list = await request(t.app).get(BOARD_API).set("Cookie", cookie);
  expect(list.status).toBe(200);
});
