// Scenario 6: Redis running with maxmemory-policy allkeys-lru (BullMQ needs
// noeviction). Bars: GET infrastructure/health says Redis degraded with the
// reason; the worker's rules raise the redis_eviction_policy alert.
"use strict";
const h = require("../harness");
const { HEALTH, redisOf } = require("../harness/redisOutage");

h.runScenario("6. Redis maxmemory-policy allkeys-lru", async (bars) => {
  const stack = await h.startStack({ redisArgs: ["--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"] });
  const api = await stack.startApi();
  const r = await stack.call(api, "GET", HEALTH);
  const redis = redisOf(r.json);
  console.log(`  health ${r.status}: Redis ${JSON.stringify(redis)}`);
  bars.check("health answers 200", r.status === 200, String(r.status));
  bars.check("Redis degraded", redis?.status === "degraded", redis?.status);
  bars.check(
    "with the reason",
    /maxmemory-policy/.test(redis?.reason ?? "") && /allkeys-lru/.test(redis?.reason ?? ""),
    redis?.reason,
  );

  // The alert comes from the worker's minute rollup (rules.ts); wait for the first run.
  const worker = stack.startWorker({ WORKER_QUEUES: "metric-rollups" });
  const t0 = Date.now();
  let alert;
  try {
    alert = await h.waitFor(
      "redis_eviction_policy alert",
      async () => {
        const a = await stack.call(api, "GET", "/api/v1/platform/system/infrastructure/alerts");
        const list = a.json?.data?.alerts ?? a.json?.alerts ?? [];
        return list.find((x) => x.rule === "redis_eviction_policy" || /maxmemory-policy/.test(x.message ?? ""));
      },
      Number(process.env.FAULTS_ALERT_WAIT_MS ?? 150_000),
      2_000,
    );
  } catch (err) {
    console.log(`  ${err.message}`);
  }
  console.log(`  alert after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(alert)}`);
  bars.check("an alert is raised", Boolean(alert), alert?.message ?? "none");
  worker.kill("SIGTERM");
  await Promise.race([h.exited(worker), h.sleep(10_000)]);
});
