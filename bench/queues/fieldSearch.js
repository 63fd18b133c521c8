#!/usr/bin/env node
// Benchmark: GET /jobs field search at 500,000 and 5,000,000 job records.
//   npm run build && node bench/queues/fieldSearch.js [small=500000] [large=5000000] [runs=15]
// At ten times the data: node bench/queues/fieldSearch.js 1000000 10000000 10
// Inputs: Postgres on its default port (or DATABASE_SERVER_URL).
// Output, per size and query: the median and p90 ms of searchJobRecords (the db function
// GET /jobs calls, with the filter the API builds from `field=…`) and of the same SQL written
// by hand and run directly (the raw baseline, page and count side by side as the function runs
// them), measured alternately in the same run, and their ratio; then, per query, how each
// grew from the small size to the large (large median / small median; the aim at 10× the
// records is at most 2×), and this process's peak RSS while searching at each size (the
// db function runs in it, so a search that held more rows in memory would show there).
// Per size and query it also times the function's two statements apart (the page and the
// count, which it runs side by side) and prints their plans (EXPLAIN ANALYZE: the nodes, the
// buffers touched, the execution time), to show which one grows with the records, and, for
// comparison only, the exact count of every match (what the function ran before its count
// was capped: exact up to 10,000 matches, then the planner's estimate; and not run at all where
// the planner expects ten times that, which the output marks "estimate, not counted").
// Records are generated with COPY into a migrated database of its own
// (opsdeck_bench_field_search), indexes dropped while loading and rebuilt after, as an
// operator would bulk-load; the database is dropped at the end (kept with BENCH_KEEP_DB=1, to
// EXPLAIN a query on it afterwards).
"use strict";
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const { from: copyFrom } = require("pg-copy-streams");
const c = require("./common");

const SMALL = Number(process.argv[2] ?? 500_000);
const LARGE = Number(process.argv[3] ?? 5_000_000);
const RUNS = Number(process.argv[4] ?? 15);
const PAGE = { limit: 50, offset: 0 };
const QUEUES = ["email-sending", "email-sending-high", "log-exports", "partner-sync"];
const PLANS = ["free", "free", "free", "pro", "pro", "team", "enterprise"];
const STATUSES = ["completed", "completed", "completed", "completed", "completed", "completed", "failed", "waiting"];

const INDEXES = [
  ["job_records_search_trgm_idx", "USING GIN (job_record_search_text(name, payload) gin_trgm_ops)"],
  ["job_records_status_updated_at_idx", `(status, updated_at DESC) WHERE status <> 'completed'`],
  ["job_records_updated_at_idx", "(updated_at DESC)"],
  ["job_records_payload_path_idx", "USING GIN (payload jsonb_path_ops)"],
];

function* lines(from, to) {
  const base = Date.parse("2026-11-01T00:00:00Z");
  let chunk = [];
  for (let n = from; n < to; n++) {
    const status = STATUSES[n % STATUSES.length];
    const payload = JSON.stringify({
      campaign_id: `cmp_${n % 5000}`,
      user: { id: `u_${n % 200000}`, plan: PLANS[n % PLANS.length], seats: n % 50 },
      amount: n % 997,
      region: ["eu", "us", "ap"][n % 3],
    });
    const created = new Date(base + n * 500).toISOString();
    const finished =
      status === "completed" || status === "failed" ? new Date(base + n * 500 + 900).toISOString() : "\\N";
    chunk.push(
      [
        QUEUES[n % QUEUES.length],
        String(n),
        n % 10 === 0 ? "send-priority" : "send",
        status,
        1,
        status === "waiting" ? 0 : 2,
        status === "waiting" ? 0 : 1,
        status === "failed" ? `SMTP 4${n % 10}1 deferred` : "\\N",
        payload.replace(/\\/g, "\\\\"),
        created,
        finished,
        finished === "\\N" ? created : finished,
      ].join("\t"),
    );
    if (chunk.length === 10_000) {
      yield `${chunk.join("\n")}\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join("\n")}\n`;
}

async function load(pool, from, to) {
  const client = await pool.connect();
  try {
    // Loading and index builds outlast the pool's statement deadline.
    await client.query("SET statement_timeout = 0");
    for (const [name] of INDEXES) await client.query(`DROP INDEX IF EXISTS ${name}`);
    const copy = client.query(
      copyFrom(`COPY job_records (queue, job_id, name, status, attempt, phase, attempts_made, failed_reason, payload,
                                  created_at, finished_at, updated_at) FROM STDIN`),
    );
    await pipeline(Readable.from(lines(from, to)), copy);
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const [name, def] of INDEXES) await client.query(`CREATE INDEX ${name} ON job_records ${def}`);
    await client.query("VACUUM ANALYZE job_records");
    await client.query("RESET statement_timeout");
  } finally {
    client.release();
  }
}

// Each query: the API's filter (as GET /jobs parses `field=`), and the same search as hand-written SQL.
const COLUMNS = `queue, job_id, name, status, attempts_made, progress, failed_reason, payload,
                 created_at, processed_at, finished_at, updated_at, replay_of`;
const ORDER = "ORDER BY updated_at DESC, queue, job_id LIMIT 50 OFFSET 0";
const QUERIES = [
  {
    name: "field=data.campaign_id:eq:cmp_42 (1 in 5,000)",
    filter: { fields: [{ path: ["campaign_id"], op: "eq", value: "cmp_42" }] },
    where: "payload @> $1::jsonb",
    args: [JSON.stringify({ campaign_id: "cmp_42" })],
  },
  {
    name: "… & data.amount:gte:500 (eq narrows, range filters)",
    filter: {
      fields: [
        { path: ["campaign_id"], op: "eq", value: "cmp_42" },
        { path: ["amount"], op: "gte", value: "500" },
      ],
    },
    where: `payload @> $1::jsonb AND jsonb_path_exists(payload, '$."amount" ? (@ >= $v)'::jsonpath, '{"v":500}'::jsonb)`,
    args: [JSON.stringify({ campaign_id: "cmp_42" })],
  },
  {
    name: "queue=log-exports & field=data.user.plan:eq:enterprise & status=failed",
    filter: {
      queue: "log-exports",
      status: "failed",
      fields: [{ path: ["user", "plan"], op: "eq", value: "enterprise" }],
    },
    where: "queue = $1 AND status = $2 AND payload @> $3::jsonb",
    args: ["log-exports", "failed", JSON.stringify({ user: { plan: "enterprise" } })],
  },
  {
    name: "field=data.user.seats:eq:7 (number or its text, 1 in 50)",
    filter: { fields: [{ path: ["user", "seats"], op: "eq", value: "7" }] },
    where: "(payload @> $1::jsonb OR payload @> $2::jsonb)",
    args: [JSON.stringify({ user: { seats: "7" } }), JSON.stringify({ user: { seats: 7 } })],
  },
];

/** Matches counted exactly before the total is an estimate (the API's JOB_COUNT_CAP default). */
const COUNT_CAP = 10_000;

/** Past this multiple of the cap + 1 the planner's estimate is taken without counting (as cappedCount does). */
const ESTIMATE_TRUSTED_ABOVE = 10;

/**
 * The hand-written count, the way the function counts: where the filter's field conditions are all
 * equalities (`sound`), the estimate first and no count past ten times the cap; then at most COUNT_CAP + 1
 * rows, and the estimate past the cap.
 */
async function rawCount(pool, where, args, sound) {
  const estimateOf = async () => {
    const plan = await pool.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM job_records WHERE ${where}`, args);
    return Math.round(plan.rows[0]["QUERY PLAN"][0].Plan["Plan Rows"]);
  };
  const estimate = sound ? await estimateOf() : null;
  if (estimate !== null && estimate >= ESTIMATE_TRUSTED_ABOVE * (COUNT_CAP + 1))
    return { total: estimate, counted: false };
  const exact = await pool.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM job_records WHERE ${where} LIMIT ${COUNT_CAP + 1}) s`,
    args,
  );
  const n = exact.rows[0].n;
  return { total: n <= COUNT_CAP ? n : Math.max(COUNT_CAP + 1, estimate ?? (await estimateOf())), counted: true };
}

async function raw(pool, q) {
  const [rows, count] = await Promise.all([
    pool.query(`SELECT ${COLUMNS} FROM job_records WHERE ${q.where} ${ORDER}`, q.args),
    rawCount(
      pool,
      q.where,
      q.args,
      q.filter.fields.every((f) => f.op === "eq" || f.op === "ne"),
    ),
  ]);
  return { n: rows.rows.length, ...count };
}

/** The function's own page and count statements, as it builds them (searchFilter, SEARCH_ORDER). */
function apiStatements(q) {
  const { filter, args } = c.db.searchFilter(q.filter);
  return {
    page: [`SELECT ${COLUMNS} FROM job_records ${filter} ORDER BY ${c.db.SEARCH_ORDER} LIMIT 50 OFFSET 0`, args],
    count: [`SELECT count(*) AS n FROM (SELECT 1 FROM job_records ${filter} LIMIT ${COUNT_CAP + 1}) s`, args],
    // Not what the function runs: the exact count of every match, for comparison.
    exact: [`SELECT count(*) AS n FROM job_records ${filter}`, args],
  };
}

/** A plan on one line: its nodes depth first (with the index used), buffers touched, execution ms. */
async function planLine(pool, [sql, args]) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, args);
  const top = rows[0]["QUERY PLAN"][0];
  const nodes = [];
  const walk = (n) => {
    nodes.push(n["Index Name"] ? `${n["Node Type"]}(${n["Index Name"]})` : n["Node Type"]);
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(top.Plan);
  const buffers = (top.Plan["Shared Hit Blocks"] ?? 0) + (top.Plan["Shared Read Blocks"] ?? 0);
  return `${nodes.join(" > ")}; ${buffers.toLocaleString("en")} buffers; ${top["Execution Time"].toFixed(0)} ms`;
}

async function viaApi(pool, q) {
  const r = await c.db.searchJobRecords(pool, q.filter, PAGE);
  return { n: r.rows.length, total: r.total };
}

/** The API's default statement deadline (DB_STATEMENT_TIMEOUT_MS), ms: past it GET /jobs answers 400 search_timeout. */
const API_DEADLINE_MS = 10_000;
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Medians per query name ({ api, raw } ms) and the peak RSS (MiB) while searching. */
async function measure(pool, size) {
  console.log(`\n${size.toLocaleString("en")} records`);
  const rss = c.rssPoll(process.pid);
  const medians = new Map();
  for (const q of QUERIES) {
    const a = [];
    const r = [];
    // Warm both (the same pages) once, then alternate.
    const check = [await viaApi(pool, q), await raw(pool, q)];
    // Past the cap both totals are planner estimates of differently written SQL: only the capped part must agree.
    const capped = (x) => Math.min(x.total, COUNT_CAP + 1);
    if (capped(check[0]) !== capped(check[1]) || check[0].n !== check[1].n) {
      throw new Error(`${q.name}: the API matched ${check[0].total}, the raw SQL ${check[1].total}`);
    }
    for (let i = 0; i < RUNS; i++) {
      let t0 = process.hrtime.bigint();
      await viaApi(pool, q);
      a.push(ms(t0));
      t0 = process.hrtime.bigint();
      await raw(pool, q);
      r.push(ms(t0));
    }
    const [am, rm] = [pct(a, 0.5), pct(r, 0.5)];
    const late = a.filter((x) => x > API_DEADLINE_MS).length;
    const parts = apiStatements(q);
    const page = [];
    const count = [];
    const exact = [];
    for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
      let t0 = process.hrtime.bigint();
      await pool.query(...parts.page);
      page.push(ms(t0));
      t0 = process.hrtime.bigint();
      await pool.query(...parts.count);
      count.push(ms(t0));
      t0 = process.hrtime.bigint();
      await pool.query(...parts.exact);
      exact.push(ms(t0));
    }
    medians.set(q.name, { api: am, raw: rm, page: pct(page, 0.5), count: pct(count, 0.5), exact: pct(exact, 0.5) });
    console.log(
      `  ${q.name.padEnd(72)} matched ${String(check[0].total).padStart(7)}${check[1].counted ? "" : " (estimate, not counted)"}  api ${am.toFixed(1)} ms (p90 ${pct(a, 0.9).toFixed(1)})` +
        `  raw ${rm.toFixed(1)} ms (p90 ${pct(r, 0.9).toFixed(1)})  api/raw ${(am / rm).toFixed(2)}×  (+${(am - rm).toFixed(1)} ms)` +
        (late ? `  ${late}/${RUNS} past the API's ${API_DEADLINE_MS / 1000} s deadline` : ""),
    );
    console.log(
      `    alone: page ${pct(page, 0.5).toFixed(1)} ms, count ${pct(count, 0.5).toFixed(1)} ms` +
        ` (the exact count, for comparison: ${pct(exact, 0.5).toFixed(1)} ms)\n` +
        `    page plan:  ${await planLine(pool, parts.page)}\n    count plan: ${await planLine(pool, parts.count)}`,
    );
  }
  const { peakMiB } = rss.stop();
  console.log(`  peak RSS of this process while searching: ${peakMiB.toFixed(0)} MiB`);
  return { medians, peakMiB };
}

/** Per query: the large/small ratio of each side's median (aim: ≤ 2× for 10× the records) beside api/raw. */
function growth(small, large) {
  const x = LARGE / SMALL;
  console.log(
    `\n${x.toFixed(0)}× the records (${SMALL.toLocaleString("en")} → ${LARGE.toLocaleString("en")}), medians:`,
  );
  for (const q of QUERIES) {
    const s = small.medians.get(q.name);
    const l = large.medians.get(q.name);
    const g = l.api / s.api;
    console.log(
      `  ${q.name.padEnd(72)} api ${s.api.toFixed(1)} → ${l.api.toFixed(1)} ms = ${g.toFixed(2)}×` +
        ` (raw ${(l.raw / s.raw).toFixed(2)}×; page alone ${(l.page / s.page).toFixed(2)}×, capped count alone ${(l.count / s.count).toFixed(2)}×, exact count ${(l.exact / s.exact).toFixed(2)}×)` +
        `  api/raw ${(s.api / s.raw).toFixed(2)}× → ${(l.api / l.raw).toFixed(2)}×` +
        `  ${g <= 2 ? "within 2×" : "MISSES 2×"}`,
    );
  }
  console.log(`  peak RSS while searching: ${small.peakMiB.toFixed(0)} → ${large.peakMiB.toFixed(0)} MiB`);
}

async function main() {
  console.log(`field search, ${RUNS} runs per query, ${new Date().toISOString()}`);
  const url = await c.createBenchDb("opsdeck_bench_field_search");
  // A deadline well past the API's (DB_STATEMENT_TIMEOUT_MS, 10 s by default), so a search
  // that would time out in the API is still measured; such runs are counted in the output.
  const pool = c.db.createPool({ url, max: 4, statementTimeoutMs: 600_000 });
  try {
    let t0 = process.hrtime.bigint();
    await load(pool, 0, SMALL);
    console.log(
      `loaded ${SMALL.toLocaleString("en")} by COPY and built the indexes in ${(ms(t0) / 1000).toFixed(0)} s`,
    );
    const small = await measure(pool, SMALL);
    t0 = process.hrtime.bigint();
    await load(pool, SMALL, LARGE);
    console.log(
      `\nloaded up to ${LARGE.toLocaleString("en")} and rebuilt the indexes in ${(ms(t0) / 1000).toFixed(0)} s`,
    );
    const large = await measure(pool, LARGE);
    growth(small, large);
  } finally {
    await pool.end();
    if (process.env.BENCH_KEEP_DB === "1") console.log(`kept ${url}`);
    else await c.db.dropDatabase(url);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
