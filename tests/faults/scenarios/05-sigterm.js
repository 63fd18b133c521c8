// Scenario 5: SIGTERM to the API and to the worker under load.
// API: every request sent before the signal gets its answer (none reset), the
// process exits within SHUTDOWN_GRACE_MS. Worker: active jobs finish within
// SHUTDOWN_GRACE_MS, exit within it, 0 stalled jobs after, 0 duplicate emails,
// all jobs completed by a fresh worker. Then jobs longer than the grace period
// (a slow SMTP sink): they are handed back to `wait` before the worker exits —
// not failed, not left active to stall — and a fresh worker finishes them,
// each recipient delivered once.
"use strict";
const path = require("node:path");

const h = require("../harness");
const { emailJobs, addAll, emailStack, WORKER_ENV } = require("../harness/emailJobs");
const { steady, summarize } = require("../harness/probe");

const API_GRACE = 5_000;
const WORKER_GRACE = 10_000;
const N = Number(process.env.FAULTS_SIGTERM_JOBS ?? 3_000);

h.runScenario("5. SIGTERM to API and worker under load", async (bars) => {
  const { Redis } = require(path.join(h.ROOT, "node_modules/ioredis"));
  const { stack, sink, api, q } = await emailStack({ apiEnv: { SHUTDOWN_GRACE_MS: String(API_GRACE) } });
  await addAll(q, emailJobs("st", N));
  let worker = stack.startWorker({ ...WORKER_ENV, SHUTDOWN_GRACE_MS: String(WORKER_GRACE) });
  await h.waitFor("jobs flowing", async () => (await q.getJobCounts("completed")).completed > N / 5, 120_000);

  // ---- API: requests take ~100 ms more (Postgres behind a delaying proxy) so some are in flight at the signal.
  stack.pgProxy.setMode("delay", 50);
  const load = steady(
    () => stack.call(api, "GET", "/api/v1/platform/system/queues/email-sending/jobs?limit=20", undefined, 15_000),
    20,
  );
  await h.sleep(2_000);
  const tSig = Date.now();
  load.setPhase("after-signal");
  api.child.kill("SIGTERM");
  const apiExit = h.exited(api.child).then(() => Date.now() - tSig);
  const apiExitMs = await Promise.race([apiExit, h.sleep(API_GRACE + 5_000).then(() => null)]);
  const results = await load.stop();
  stack.pgProxy.setMode("pass");
  const before = summarize(results, "before");
  const sentBefore = results.filter((r) => r.phase === "before" && r.sentAt < tSig);
  const failedInFlight = sentBefore.filter((r) => r.status === 0 || r.status >= 500);
  const inFlight = sentBefore.filter((r) => r.sentAt + r.ms > tSig).length;
  console.log(`  API: ${inFlight} requests were in flight at the signal`);
  console.log(
    `  API: exit ${apiExitMs} ms after SIGTERM (code ${api.child.exitCode}, signal ${api.child.signalCode}); requests sent before: ${JSON.stringify(before)}`,
  );
  console.log(
    `  API: requests sent after the signal (refused or answered): ${JSON.stringify(summarize(results, "after-signal").byStatus)}`,
  );
  bars.check(
    "API: every request sent before SIGTERM answered (no reset, no 5xx)",
    failedInFlight.length === 0,
    `${failedInFlight.length} failed: ${JSON.stringify(failedInFlight.slice(0, 3).map((r) => r.error ?? r.status))}`,
  );
  bars.check(
    "API: exits within the grace period",
    apiExitMs !== null && apiExitMs <= API_GRACE + 1_000,
    `${apiExitMs} ms (grace ${API_GRACE})`,
  );
  bars.check("API: exit code 0", api.child.exitCode === 0, `${api.child.exitCode}`);

  // ---- Worker
  const c = await q.getJobCounts("active", "completed");
  const t1 = Date.now();
  worker.kill("SIGTERM");
  const wExitMs = await Promise.race([
    h.exited(worker).then(() => Date.now() - t1),
    h.sleep(WORKER_GRACE + 10_000).then(() => null),
  ]);
  const afterStop = await q.getJobCounts("active", "completed", "waiting");
  // Any job still 'active' now belongs to no one: a stall the next worker must recover.
  const redis = new Redis(stack.directRedisUrl);
  const stalledBefore = await redis.llen(`${stack.env.QUEUE_PREFIX}:email-sending:active`);
  console.log(
    `  worker: SIGTERM with ${c.active} active, ${c.completed} completed; exit after ${wExitMs} ms (code ${worker.exitCode}); after: ${JSON.stringify(afterStop)}`,
  );
  worker = stack.startWorker(WORKER_ENV);
  await h.waitFor(
    "all done",
    async () => {
      const x = await q.getJobCounts("completed", "failed");
      return x.completed + x.failed >= N;
    },
    300_000,
    200,
  );
  let stalled = 0;
  let reruns = 0;
  for (let i = 0; i < N; i += 1000) {
    for (const j of await q.getJobs(["completed", "failed"], i, i + 999)) {
      if ((j.stalledCounter ?? 0) > 0) stalled++;
      reruns += Math.max(0, (j.attemptsStarted ?? 1) - 1);
    }
  }
  const final = await q.getJobCounts("completed", "failed");
  const dup = [...sink.countByRecipient().values()].filter((n) => n > 1).length;
  console.log(
    `  worker: final ${JSON.stringify(final)}; jobs that stalled ${stalled}; re-runs ${reruns}; duplicate emails ${dup}`,
  );
  bars.check(
    "worker: exits within the grace period",
    wExitMs !== null && wExitMs <= WORKER_GRACE + 1_000,
    `${wExitMs} ms`,
  );
  bars.check(
    "worker: no job left active after exit",
    stalledBefore === 0 && afterStop.active === 0,
    `${stalledBefore} in the active list`,
  );
  bars.check("worker: 0 stalled jobs", stalled === 0, `${stalled}`);
  bars.check("worker: all jobs completed", final.completed === N, `${final.completed}/${N}`);
  bars.check("worker: 0 duplicate emails", dup === 0, `${dup}`);
  worker.kill("SIGTERM");
  await Promise.race([h.exited(worker), h.sleep(12_000)]);

  // ---- Worker, jobs longer than the grace period.
  const LONG_GRACE = 2_000;
  const LONG_JOBS = 4;
  const PER_JOB = 100;
  sink.delayMs = 100; // ≥ 2 s per job even over 5 pooled connections
  const long = [];
  for (let j = 0; j < LONG_JOBS; j++) {
    const recipients = [];
    for (let i = 0; i < PER_JOB; i++) recipients.push({ email: `long${j}-${i}@long.example.com`, variables: {} });
    long.push({
      name: "send",
      data: { campaign_id: `long${j}`, from: "Opsdeck <ops@example.com>", subject: "Long", text: "Long", recipients },
      opts: { jobId: `long-${j}`, attempts: 5, backoff: { type: "fixed", delay: 500 } },
    });
  }
  await q.addBulk(long);
  worker = stack.startWorker({ ...WORKER_ENV, SHUTDOWN_GRACE_MS: String(LONG_GRACE) });
  await h.waitFor("long jobs active", async () => (await q.getJobCounts("active")).active === LONG_JOBS, 60_000, 100);
  await h.sleep(500);
  const t2 = Date.now();
  worker.kill("SIGTERM");
  const lExitMs = await Promise.race([
    h.exited(worker).then(() => Date.now() - t2),
    h.sleep(LONG_GRACE + 10_000).then(() => null),
  ]);
  const handed = await q.getJobCounts("active", "waiting", "failed", "completed");
  const states = await Promise.all(long.map((j) => q.getJobState(j.opts.jobId)));
  console.log(
    `  long jobs: SIGTERM with ${LONG_JOBS} active; exit after ${lExitMs} ms (grace ${LONG_GRACE}); states after: ${states.join(", ")}`,
  );
  sink.delayMs = 0;
  worker = stack.startWorker(WORKER_ENV);
  await h.waitFor(
    "long jobs done",
    async () => (await Promise.all(long.map((j) => q.getJobState(j.opts.jobId)))).every((st) => st === "completed"),
    120_000,
    200,
  );
  const longJobs = await Promise.all(long.map((j) => q.getJob(j.opts.jobId)));
  const longStalled = longJobs.filter((j) => (j?.stalledCounter ?? 0) > 0).length;
  const counts = sink.countByRecipient();
  let missing = 0;
  let twice = 0;
  for (let j = 0; j < LONG_JOBS; j++) {
    for (let i = 0; i < PER_JOB; i++) {
      const n = counts.get(`long${j}-${i}@long.example.com`) ?? 0;
      if (n === 0) missing++;
      if (n > 1) twice++;
    }
  }
  console.log(
    `  long jobs: ${JSON.stringify(handed)} right after exit; stalled ${longStalled}; recipients missing ${missing}, delivered twice ${twice}`,
  );
  bars.check(
    "long jobs: worker exits within the grace period",
    lExitMs !== null && lExitMs <= LONG_GRACE + 1_000,
    `${lExitMs} ms`,
  );
  bars.check(
    "long jobs: handed back to wait before exit (none active, none failed)",
    states.every((st) => st === "waiting"),
    states.join(", "),
  );
  bars.check("long jobs: 0 stalled", longStalled === 0, `${longStalled}`);
  bars.check(
    "long jobs: every recipient delivered exactly once",
    missing === 0 && twice === 0,
    `${missing} missing, ${twice} twice`,
  );

  redis.disconnect();
  worker.kill("SIGTERM");
  await Promise.race([h.exited(worker), h.sleep(12_000)]);
  await q.close();
});
