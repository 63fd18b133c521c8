// Scenarios 2 and 3: Redis killed (down 10 s, then restarted on the same
// port) or a silent 15 s network stall (the proxy keeps sockets open and
// forwards nothing) while a worker sends email jobs and a client keeps
// writing (pause/resume) and reading health. Bars: writes answer within 1 s
// (p99) with 503 or success, no other 5xx, no hung request; health says
// `down` then recovers; workers resume within seconds; 0 jobs lost.
"use strict";
const path = require("node:path");

const h = require("./index");
const { steady, summarize } = require("./probe");

const QUEUE = "email-sending";
const HEALTH = "/api/v1/platform/system/infrastructure/health";

function redisOf(health) {
  const list = health?.data?.services ?? health?.services ?? [];
  const arr = Array.isArray(list) ? list : Object.values(list);
  return arr.find((s) => /redis/i.test(s.name ?? s.service ?? s.id ?? ""));
}

async function redisOutage(bars, { mode, outageMs, jobs = 3_000 }) {
  const { Queue } = require(path.join(h.ROOT, "node_modules/bullmq"));
  // Kill mode needs the jobs to survive the restart: append-only file, fsync always.
  const stack = await h.startStack({
    redisArgs: mode === "kill" ? ["--appendonly", "yes", "--appendfsync", "always"] : [],
  });
  const sink = await h.startSink();
  const api = await stack.startApi();
  const created = await stack.call(api, "POST", "/api/v1/platform/system/email/integrations", {
    name: "faults-sink",
    host: "127.0.0.1",
    port: sink.port,
    tls_mode: "none",
  });
  if (created.status !== 201) throw new Error(`integration not created: ${created.status}`);
  const q = new Queue(QUEUE, { connection: { url: stack.directRedisUrl }, prefix: stack.env.QUEUE_PREFIX });
  q.on("error", () => undefined); // the producer sees the outage too; its errors are not the figures
  const all = [];
  for (let i = 0; i < jobs; i++) {
    all.push({
      name: "send",
      data: {
        campaign_id: "outage",
        from: "Opsdeck <ops@example.com>",
        subject: "Hi",
        text: "Hi",
        recipients: [{ email: `o${i}@outage.example.com`, variables: {} }],
      },
      opts: { jobId: `o-${i}`, attempts: 10, backoff: { type: "fixed", delay: 500 } },
    });
  }
  for (let i = 0; i < all.length; i += 1000) await q.addBulk(all.slice(i, i + 1000));
  const worker = stack.startWorker({
    WORKER_QUEUES: QUEUE,
    WORKER_LOCK_DURATION_MS: "5000",
    WORKER_STALLED_INTERVAL_MS: "2000",
    WORKER_MAX_STALLED_COUNT: "5",
    EMAIL_CLAIM_LEASE_MS: "3000",
    REMOVE_ON_COMPLETE_COUNT: String(jobs * 2),
  });
  await h.waitFor("worker running", async () => (await q.getJobCounts("completed")).completed > 50, 60_000);

  let action = "pause";
  const writes = steady(() => {
    action = action === "pause" ? "resume" : "pause";
    return stack.call(api, "POST", `/api/v1/platform/system/queues/${QUEUE}/${action}`, undefined, 20_000);
  }, 100);
  const healthLog = [];
  const health = steady(async () => {
    const r = await stack.call(api, "GET", HEALTH, undefined, 5_000);
    const redis = redisOf(r.json);
    healthLog.push({ t: Date.now(), http: r.status, redis: redis?.status, reason: redis?.reason ?? redis?.message });
    return r;
  }, 500);

  await h.sleep(3_000);
  writes.setPhase("outage");
  health.setPhase("outage");
  const tDown = Date.now();
  if (mode === "kill") await stack.redis.kill();
  else stack.redisProxy.setMode("stall");
  await h.sleep(outageMs);
  if (mode === "kill") await stack.redis.restart();
  else stack.redisProxy.setMode("pass");
  const tUp = Date.now();
  writes.setPhase("after");
  health.setPhase("after");
  // Make sure the queue is not left paused by the write probe.
  const doneBefore = (await q.getJobCounts("completed").catch(() => ({ completed: -1 }))).completed;
  await h.sleep(8_000);
  await writes.stop();
  await health.stop();
  await stack.call(api, "POST", `/api/v1/platform/system/queues/${QUEUE}/resume`);
  let resumedMs = null;
  try {
    const c0 = (await q.getJobCounts("completed")).completed;
    const t = Date.now();
    await h.waitFor(
      "jobs moving after the outage",
      async () => (await q.getJobCounts("completed")).completed > c0,
      30_000,
      50,
    );
    resumedMs = Date.now() - t;
  } catch {
    /* reported below */
  }
  await h
    .waitFor(
      "all jobs done",
      async () => {
        const c = await q.getJobCounts("completed", "failed");
        return c.completed + c.failed >= jobs;
      },
      120_000,
      200,
    )
    .catch(() => undefined);
  const counts = await q.getJobCounts("completed", "failed", "waiting", "active", "delayed", "paused");
  const dup = [...sink.countByRecipient().values()].filter((n) => n > 1).length;

  const sb = summarize(writes.results, "before");
  const so = summarize(writes.results, "outage");
  const sa = summarize(writes.results, "after");
  console.log(`  writes before : ${JSON.stringify(sb)}`);
  console.log(`  writes outage : ${JSON.stringify(so)}`);
  console.log(`  writes after  : ${JSON.stringify(sa)}`);
  const outs = writes.results.filter((r) => r.phase === "outage");
  const answeredAfterRestore = outs.filter((r) => r.status > 0 && r.sentAt + r.ms >= tUp);
  console.log(
    `  writes sent during the outage and answered only after Redis came back: ${answeredAfterRestore.length}/${outs.length} (${JSON.stringify(summarize(answeredAfterRestore).byStatus)})`,
  );
  const hOut = healthLog.filter((x) => x.t >= tDown && x.t < tUp);
  const hAfter = healthLog.filter((x) => x.t >= tUp);
  const firstUpAfter = hAfter.find((x) => x.redis && x.redis !== "down");
  console.log(
    `  health during: ${JSON.stringify([...new Set(hOut.map((x) => `${x.http}/${x.redis}/${x.reason ?? ""}`))])}`,
  );
  console.log(
    `  health after : first non-down ${firstUpAfter ? `${firstUpAfter.t - tUp} ms after restore` : "never"}; last ${JSON.stringify(hAfter.at(-1))}`,
  );
  console.log(
    `  jobs: ${JSON.stringify(counts)}; completed when restored ${doneBefore}; jobs moving again ${resumedMs} ms after probe start (${((Date.now() - tUp) / 1000).toFixed(0)} s after restore at end)`,
  );
  console.log(`  sink: ${sink.messages.length} messages, ${dup} duplicated recipients`);

  const inWindow = writes.results.filter((r) => r.phase !== "before");
  const all2 = summarize(inWindow);
  bars.check(
    "writes p99 <= 1 s during the outage",
    so.p99 <= 1_000,
    `p99 ${so.p99} ms, max ${so.max} ms, ${so.over1s}/${so.n} over 1 s`,
  );
  bars.check(
    "writes answer 503 or success only",
    all2.other5xx === 0 && Object.keys(so.byStatus).every((k) => k === "503" || /^2/.test(k) || k === "hung"),
    JSON.stringify(so.byStatus),
  );
  bars.check("no hung request (20 s client deadline)", all2.hung === 0, `${all2.hung} hung`);
  bars.check(
    "health says down during the outage",
    hOut.some((x) => x.redis === "down"),
    JSON.stringify([...new Set(hOut.map((x) => x.redis))]),
  );
  bars.check(
    "health recovers after",
    hAfter.at(-1)?.redis && hAfter.at(-1).redis !== "down",
    JSON.stringify(hAfter.at(-1)),
  );
  bars.check(
    "writes succeed again after",
    sa.byStatus["200"] > 0 &&
      summarize(writes.results.filter((r) => r.phase === "after" && r.sentAt > tUp + 3_000)).other5xx === 0,
    JSON.stringify(sa.byStatus),
  );
  bars.check("workers resume", resumedMs !== null, `${resumedMs} ms`);
  bars.check(
    "0 jobs lost",
    counts.completed === jobs,
    `${counts.completed}/${jobs} completed, ${counts.failed} failed`,
  );
  bars.check("0 duplicate emails", dup === 0, `${dup}`);
  worker.kill("SIGTERM");
  await Promise.race([h.exited(worker), h.sleep(10_000)]);
  await q.close();
}

module.exports = { redisOutage, redisOf, HEALTH };
