#!/usr/bin/env node
// Expensive log searches against the rest of the API: a real API process over
// a private Postgres (the fault harness's, on a spare port) holding ~20,000
// long rows. For `seconds` without, then `seconds` with, a viewer key firing
// regex searches back to back from `attackers` connections, it measures
// GET /readyz, an ops key's GET /queues and a one-entry log ingest (each in a
// loop of its own): p50/p99 latency, answers that are not ready, 5xx, and
// the ratio of the attack's figures to the quiet ones.
//   npm run build && node bench/logs/searchAttack.js [seconds=60] [attackers=8] [rows=20000] [VAR=value …]
// (VAR=value: API settings to try, e.g. LOG_SEARCH_MAX_CONCURRENT_PER_KEY=2).
// Exit code 1 when /readyz was ever not ready, a probe got a 5xx, or a p99 of
// GET /queues or ingest reached 200 ms under attack.
"use strict";

const path = require("node:path");

const h = require("../../tests/faults/harness");
const { fmt } = require("./common");

const db = require(path.join(h.ROOT, "packages/db/dist/index.js"));

const seconds = Number(process.argv[2] ?? 60);
const attackers = Number(process.argv[3] ?? 8);
const rows = Number(process.argv[4] ?? 20_000);
const apiEnv = Object.fromEntries(
  process.argv.slice(5).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]),
);

const LOGS = "/api/v1/platform/system/logs";
/**
 * The attack's patterns: the one that took the pool (now refused up front), and the costliest shapes still
 * accepted (~1,000 unrolled states; each one runs over every long row until the search's timeout).
 */
const PATTERNS = ["(a{1,100}){1,100}(a{1,100}){1,100}y", "(a{1,30}){1,30}y", "(a{0,30}){0,33}y", "(.{1,30}){1,33}z"];

function pct(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Calls `once` back to back until `until` passes; records latency (ms) and status of each call. */
async function loop(once, until) {
  const out = { ms: [], statuses: {} };
  while (Date.now() < until) {
    const t0 = performance.now();
    let status;
    try {
      status = await once();
    } catch {
      status = "error";
    }
    out.ms.push(performance.now() - t0);
    out.statuses[status] = (out.statuses[status] ?? 0) + 1;
  }
  return out;
}

function probes(api, opsKey, until) {
  const ops = { authorization: `Bearer ${opsKey}` };
  let n = 0;
  return Promise.all([
    loop(async () => (await fetch(`${api.url}/readyz`)).status, until),
    loop(async () => (await fetch(`${api.url}/api/v1/platform/system/queues`, { headers: ops })).status, until),
    loop(async () => {
      const r = await fetch(`${api.url}${LOGS}`, {
        method: "POST",
        headers: { ...ops, "content-type": "application/json" },
        body: JSON.stringify({ logs: [{ level: "info", service: "bench-probe", message: `probe line ${n++}` }] }),
      });
      await r.arrayBuffer();
      return r.status;
    }, until),
  ]);
}

function attack(api, viewerKey, until) {
  const viewer = { authorization: `Bearer ${viewerKey}` };
  return Promise.all(
    Array.from({ length: attackers }, (_, a) => {
      let i = a;
      return loop(async () => {
        const q = new URLSearchParams({ query: PATTERNS[i++ % PATTERNS.length], regex: "true" });
        const r = await fetch(`${api.url}${LOGS}?${q}`, { headers: viewer });
        await r.arrayBuffer();
        return r.status;
      }, until);
    }),
  );
}

const fivexx = (s) => Object.entries(s).reduce((n, [k, v]) => n + (Number(k) >= 500 ? v : 0), 0);
const errors = (s) => s.error ?? 0;

async function main() {
  const stack = await h.startStack();
  const pool = db.createPool({ url: stack.directDbUrl, max: 2, statementTimeoutMs: 0 });
  // Long rows over three days (three partitions), written without any statement timeout.
  await db.ensureLogPartitionsBetween(pool, new Date(Date.now() - 4 * 86_400_000), new Date(Date.now() + 86_400_000));
  await pool.query(
    `INSERT INTO app_logs (timestamp, level, service, message)
     SELECT now() - make_interval(secs => g * 259200.0 / $1), 'info', 'bulk', repeat('a', 2000) || ' line ' || g
       FROM generate_series(1, $1) g`,
    [rows],
  );
  await pool.query("VACUUM ANALYZE app_logs");
  const dbh = db.createDb({ url: stack.directDbUrl, max: 1 });
  const viewerKey = (await db.createKey(dbh.prisma, { name: "bench-viewer", role: "viewer" })).raw;
  await dbh.close();
  await pool.end();

  const api = await stack.startApi({
    DATABASE_URL: stack.directDbUrl,
    REDIS_URL: stack.directRedisUrl,
    LOG_LEVEL: "error",
    ...apiEnv,
  });
  // Warm-up: keys cached, pools connected.
  await probes(api, stack.apiKey, Date.now() + 2_000);

  const quiet = await probes(api, stack.apiKey, Date.now() + seconds * 1_000);
  const until = Date.now() + seconds * 1_000;
  const [loud, attackLoops] = await Promise.all([probes(api, stack.apiKey, until), attack(api, viewerKey, until)]);

  const names = ["GET /readyz", "GET /queues (ops)", "POST /logs (1 entry)"];
  console.log(
    `${rows} rows of ~2,000 characters; ${seconds} s quiet, then ${seconds} s with ${attackers} concurrent regex searches from one viewer key`,
  );
  console.log(
    "| probe | quiet p50 / p99 ms | attack p50 / p99 ms | p99 ratio | requests quiet / attack | not 200 under attack | 5xx |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  let failed = false;
  names.forEach((name, i) => {
    const q = quiet[i];
    const l = loud[i];
    const okStatus = i === 2 ? 201 : 200;
    const bad = l.ms.length - (l.statuses[okStatus] ?? 0);
    const five = fivexx(l.statuses) + fivexx(q.statuses) + errors(l.statuses) + errors(q.statuses);
    const p99 = pct(l.ms, 99);
    console.log(
      `| ${name} | ${fmt(pct(q.ms, 50))} / ${fmt(pct(q.ms, 99))} | ${fmt(pct(l.ms, 50))} / ${fmt(p99)} | ${fmt(p99 / pct(q.ms, 99), 2)}× | ${q.ms.length} / ${l.ms.length} | ${bad} | ${five} |`,
    );
    if (bad > 0 || five > 0 || (i > 0 && p99 >= 200)) failed = true;
  });
  const attackStatuses = {};
  for (const a of attackLoops) {
    for (const [k, v] of Object.entries(a.statuses)) attackStatuses[k] = (attackStatuses[k] ?? 0) + v;
  }
  const all = attackLoops.flatMap((a) => a.ms);
  console.log(
    `attack: ${all.length} searches, answers ${JSON.stringify(attackStatuses)}, p50 ${fmt(pct(all, 50))} ms, p99 ${fmt(pct(all, 99))} ms`,
  );
  await h.cleanup();
  process.exit(failed ? 1 : 0);
}

main().catch(async (err) => {
  console.error(err);
  await h.cleanup();
  process.exit(1);
});
