// Scenario 4: Postgres stopped for 10 s (pg_ctl stop -m fast, then start)
// while a worker sends email jobs and a client reads the API.
// Bars: 0 jobs lost (the send path needs Postgres, so jobs retry: that is
// "keep running" here, see the report); no status lost: within one
// reconciliation interval after Postgres returns, every job's record agrees
// with Redis (100%); request-log ingestion loses at most its buffer and
// counts what it drops (sent - stored == dropped counter).
"use strict";
const path = require("node:path");

const h = require("../harness");
const { emailJobs, addAll, emailStack, WORKER_ENV } = require("../harness/emailJobs");
const { steady, summarize } = require("../harness/probe");

const DOWN_MS = Number(process.env.FAULTS_PG_DOWN_MS ?? 10_000);
const N = Number(process.env.FAULTS_PG_JOBS ?? 4_000);
const RECONCILE_MS = 5_000;
const LOG_BUFFER = 100;

h.runScenario(`4. Postgres stopped for ${DOWN_MS / 1000} s`, async (bars) => {
  const pg = require(path.join(h.ROOT, "node_modules/pg"));
  const { stack, sink, api, q } = await emailStack({ apiEnv: { REQUEST_LOG_BUFFER: String(LOG_BUFFER) } });
  // Retries must outlast the outage: 30 attempts, 1 s apart.
  await addAll(q, emailJobs("pg", N, { attempts: 30, backoff: { type: "fixed", delay: 1_000 } }));
  const worker = stack.startWorker({
    ...WORKER_ENV,
    RECONCILE_INTERVAL_MS: String(RECONCILE_MS),
    RECONCILE_STALE_AFTER_MS: "2000",
  });
  await h.waitFor("jobs flowing", async () => (await q.getJobCounts("completed")).completed > 200, 120_000);

  const reads = steady(() => stack.call(api, "GET", "/api/v1/platform/system/queues", undefined, 5_000), 50);
  await h.sleep(2_000);
  reads.setPhase("outage");
  const c0 = (await q.getJobCounts("completed")).completed;
  const tDown = Date.now();
  stack.pg.stop("fast");
  await h.sleep(DOWN_MS);
  const c1 = (await q.getJobCounts("completed")).completed;
  stack.pg.start();
  const tUp = Date.now();
  reads.setPhase("after");
  await h.sleep(3_000);
  const results = await reads.stop();
  console.log(`  postgres down ${((tUp - tDown) / 1000).toFixed(1)} s; jobs completed during the outage: ${c1 - c0}`);
  for (const ph of ["before", "outage", "after"])
    console.log(`  reads ${ph}: ${JSON.stringify(summarize(results, ph))}`);

  await h.waitFor(
    "all done",
    async () => {
      const x = await q.getJobCounts("completed", "failed");
      return x.completed + x.failed >= N;
    },
    300_000,
    200,
  );
  const tDone = Date.now();
  const pool = new pg.Pool({ connectionString: stack.directDbUrl, max: 2 });
  // Agreement: every job's record says what Redis says.
  async function disagreement() {
    const redisState = new Map();
    for (let i = 0; i < N; i += 1000) {
      for (const j of await q.getJobs(["completed"], i, i + 999)) redisState.set(j.id, "completed");
      for (const j of await q.getJobs(["failed"], i, i + 999)) redisState.set(j.id, "failed");
    }
    const rows = (await pool.query(`SELECT job_id, status FROM job_records WHERE queue = 'email-sending'`)).rows;
    const rec = new Map(rows.map((r) => [r.job_id, r.status]));
    let bad = 0;
    for (const [id, st] of redisState) if (rec.get(id) !== st) bad++;
    return { bad, redis: redisState.size, records: rows.length };
  }
  let agree = null;
  const first = await disagreement();
  try {
    agree = await h.waitFor(
      "records agree with Redis",
      async () => {
        const d = await disagreement();
        return d.bad === 0 ? d : undefined;
      },
      RECONCILE_MS * 2 + 5_000,
      500,
    );
  } catch {
    /* reported */
  }
  const agreeMs = Date.now() - tDone;
  const last = agree ?? (await disagreement());
  console.log(
    `  records vs Redis when all jobs finished: ${JSON.stringify(first)}; agreement ${agree ? `100% after ${agreeMs} ms` : `NOT reached: ${JSON.stringify(last)}`}`,
  );

  // Request-log ingestion: what was sent vs what landed vs what was counted as dropped.
  await h.sleep(2_000);
  const metrics = await fetch(`${api.url}/metrics`).then((r) => r.text());
  const dropped = Number(/^opsdeck_request_logs_dropped_total\s+(\d+)/m.exec(metrics)?.[1] ?? 0);
  const stored = (await pool.query(`SELECT count(*)::int AS n FROM request_logs`)).rows[0].n;
  const answered = results.filter((r) => r.status > 0).length;
  // Requests other than the probe (setup POST, /livez polls, health) also log; count them as slack.
  console.log(
    `  request logs: ${answered} probe requests answered (+ a few setup requests), ${stored} stored, ${dropped} counted dropped, buffer ${LOG_BUFFER}`,
  );
  const final = await q.getJobCounts("completed", "failed");
  const dup = [...sink.countByRecipient().values()].filter((n) => n > 1).length;
  console.log(`  jobs: ${JSON.stringify(final)}; duplicate emails ${dup}`);
  const outage = summarize(results, "outage");
  bars.check("0 jobs lost", final.completed === N, `${final.completed}/${N}`);
  bars.check("0 duplicate emails", dup === 0, `${dup}`);
  bars.check(
    "records agree with Redis 100% within one interval (+5 s)",
    agree !== null,
    agree ? `${agreeMs} ms` : JSON.stringify(last),
  );
  bars.check("log drops are counted", dropped > 0 || stored >= answered, `${dropped} dropped`);
  bars.check(
    "log loss <= buffer and == counted drops (±setup requests)",
    answered - stored <= dropped + 0 && dropped <= answered,
    `lost ${answered - stored}, counted ${dropped}`,
  );
  bars.check("API reads: no hung request during the outage", outage.hung === 0, JSON.stringify(outage.byStatus));
  await pool.end();
  worker.kill("SIGTERM");
  await Promise.race([h.exited(worker), h.sleep(12_000)]);
  await q.close();
});
