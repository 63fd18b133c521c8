#!/usr/bin/env node
// Log benchmarks (1) export throughput and memory and (2) search latency, on
// synthetic logs at two sizes, each against its raw baseline in the same run.
//   npm run build && node bench/logs/run.js [sizes=200000,2000000] [runs=20] [parts=export,search]
// Needs Postgres (DATABASE_SERVER_URL, default postgresql://postgres@127.0.0.1:5432),
// Redis (REDIS_URL) and `psql` on PATH. Creates and drops opsdeck_bench_logs_<rows>;
// with BENCH_KEEP_DB=1 it keeps them (to EXPLAIN a query on them afterwards)
// and a later run with the same setting reuses one that holds the same rows.
// With several sizes it ends with each size against the first (e.g. 10x / 1x
// for 2000000,20000000): search medians, export rows/s and peak RSS.
// (1) A full CSV export by the worker's code path (writeLogExport, in a child
//     process so its peak RSS is its own) vs `psql \copy (SELECT …) TO file CSV`
//     of the same rows, same order: rows/s and the ratio (after one untimed
//     warm-up, best of two alternating runs each).
// (2) GET /api/v1/platform/system/logs through the real app on a real port
//     (auth, rate limit, validation, page + capped count) vs the same
//     statements run directly with pg (the page beside the estimate and, where
//     the estimate does not make it needless, the count): median and p95 over
//     `runs` runs.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const { root, db, createFilledDatabase, median, p95, fmt } = require("./common");

const sizes = (process.argv[2] ?? "200000,2000000").split(",").map(Number);
const runs = Number(process.argv[3] ?? 20);
// "search" alone measures a search change again on databases kept with BENCH_KEEP_DB=1, without the exports.
const parts = new Set((process.argv[4] ?? "export,search").split(","));
const MB = 1024 * 1024;
const keep = process.env.BENCH_KEEP_DB === "1";

const COPY_SQL = `SELECT 'log_' || id, to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), level, service,
  message, request_id, user_id, metadata::text FROM app_logs ORDER BY timestamp DESC, id DESC`;

function ourExport(url) {
  const child = spawnSync(process.execPath, [path.join(__dirname, "exportChild.js"), url, "csv"], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

function psqlExport(url, sql = COPY_SQL) {
  const file = path.join(os.tmpdir(), `opsdeck-bench-psql-${process.pid}.csv`);
  const t0 = process.hrtime.bigint();
  execFileSync("psql", [
    url,
    "-q",
    "-c",
    `\\copy (${sql.replace(/\s+/g, " ")}) TO '${file}' WITH (FORMAT csv, HEADER true)`,
  ]);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const bytes = fs.statSync(file).size;
  fs.rmSync(file, { force: true });
  return { ms, bytes };
}

/**
 * One untimed warm-up (so neither side pays for a cold cache), then two
 * alternating runs each, best of two. Baselines: psql with plain columns, and
 * psql with the export's own SELECT (formula neutralising included), which
 * writes byte-identical files.
 */
function exportBench(url) {
  const same = db.logExportSelectSql("csv", {});
  psqlExport(url);
  const ours = [];
  const plain = [];
  const identical = [];
  for (let i = 0; i < 2; i++) {
    ours.push(ourExport(url));
    plain.push(psqlExport(url));
    identical.push(psqlExport(url, same));
  }
  const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return {
    ours: best(ours),
    psqlMs: best(plain).ms,
    psqlBytes: best(plain).bytes,
    psqlSameMs: best(identical).ms,
    psqlSameBytes: best(identical).bytes,
    peakRss: Math.max(...ours.map((r) => r.peakRss)),
  };
}

async function searchBench(url, pool, cases) {
  const { createApp } = require(path.join(root, "apps/api/dist/app.js"));
  const { loadConfig } = require(path.join(root, "apps/api/dist/config.js"));
  const { createDeps, closeDeps } = require(path.join(root, "apps/api/dist/createDeps.js"));
  const { createLogger } = require(path.join(root, "packages/core/dist/index.js"));
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    QUEUE_PREFIX: `bench-logs-${process.pid}`,
    REDIS_KEY_PREFIX: `bench-logs-${process.pid}`,
    RATE_LIMIT_READ: "1000000",
    RATE_LIMIT_WRITE: "1000000",
    NODE_ENV: "production",
    PORT: "0",
  });
  const deps = createDeps(config, createLogger({ service: "api", silent: true }));
  const { raw } = await db.createKey(deps.db.prisma, { name: "bench", role: "ops" });
  const app = createApp(deps);
  const server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${server.address().port}/api/v1/platform/system/logs`;
  const out = [];
  try {
    for (const c of cases) {
      const params = new URLSearchParams({ limit: "50", ...c.query });
      const filter = {
        query: c.query.query,
        regex: c.query.regex === "true",
        requestId: c.query.request_id,
      };
      // The same two statements the API runs (page, capped count), side by side on two connections.
      const pageSql = db.logPageSql(filter, 50, 0);
      const countSql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM app_logs ${db.buildLogWhere(filter, db.literalBinder, { regexLiterals: true })} LIMIT 10001) s`;
      // The count runs serial, as the API runs it (search.ts).
      const countClient = async (sql) => {
        const c = await pool.connect();
        try {
          const results = await c.query(`BEGIN; SET LOCAL max_parallel_workers_per_gather = 0; ${sql}; COMMIT`);
          return results[2].rows[0].n;
        } finally {
          c.release();
        }
      };
      // As the API counts (cappedCount): the planner's estimate first, and no count where it expects ten
      // times the cap (10,000) or more; a regex (whose estimate is a guess) is counted, and estimated past the cap.
      const estimateSql = `EXPLAIN (FORMAT JSON) SELECT 1 FROM app_logs ${db.buildLogWhere(filter, db.literalBinder)}`;
      const total = async () => {
        if (!filter.regex) {
          const plan = await pool.query(estimateSql);
          if (plan.rows[0]["QUERY PLAN"][0].Plan["Plan Rows"] >= 10 * 10_001) return;
          await countClient(countSql);
          return;
        }
        // A regex: counted first, its (guessed) estimate asked only past the cap.
        if ((await countClient(countSql)) > 10_000) await pool.query(estimateSql);
      };
      const direct = async () => {
        await Promise.all([pool.query(pageSql), total()]);
      };
      // A search the API gives up on (its statement timeout) is counted, with its time, not fatal to the run.
      const failures = new Map();
      const viaApi = async () => {
        const r = await fetch(`${base}?${params}`, { headers: { "X-API-Key": raw } });
        const body = await r.json();
        if (r.status !== 200) {
          const key = `${r.status} ${body?.error?.code ?? ""}`.trim();
          failures.set(key, (failures.get(key) ?? 0) + 1);
          return null;
        }
        return body;
      };
      const sample = await viaApi(); // warm both paths once
      await direct();
      const api = [];
      const sql = [];
      for (let i = 0; i < runs; i++) {
        let t0 = performance.now();
        await viaApi();
        api.push(performance.now() - t0);
        t0 = performance.now();
        await direct();
        sql.push(performance.now() - t0);
      }
      out.push({
        name: c.name,
        total: sample?.data.pagination.total ?? "-",
        estimate: sample?.data.pagination.total_is_estimate ?? false,
        failures: [...failures].map(([k, n]) => `${n}x ${k}`).join(", "),
        api,
        sql,
      });
    }
  } finally {
    server.close();
    await closeDeps(deps);
  }
  return out;
}

async function main() {
  const report = [];
  for (const rows of sizes) {
    const name = `opsdeck_bench_logs_${rows}`;
    process.stderr.write(`filling ${name} with ${rows} rows…\n`);
    const { url, pool, fillMs } = await createFilledDatabase(name, rows, { reuse: keep });
    process.stderr.write(fillMs ? `  filled in ${fmt(fillMs / 1000)} s\n` : `  reused as it was\n`);
    try {
      const r = { rows, fillMs, ex: null, search: [] };
      if (parts.has("export")) {
        r.ex = exportBench(url);
        r.oursRate = (r.ex.ours.rows / r.ex.ours.ms) * 1000;
        r.psqlRate = (rows / r.ex.psqlMs) * 1000;
        r.psqlSameRate = (rows / r.ex.psqlSameMs) * 1000;
      }
      // The fill gives row g the request id req_ + the first 16 hex digits of md5(g): the middle row's, without
      // an OFFSET that would sort every row (its total, printed below, must be 1).
      const rid = `req_${createHash("md5")
        .update(String(Math.floor(rows / 2)))
        .digest("hex")
        .slice(0, 16)}`;
      if (parts.has("search")) {
        r.search = await searchBench(url, pool, [
          { name: "rare term (zebracorn)", query: { query: "zebracorn" } },
          { name: "common term (completed)", query: { query: "completed" } },
          { name: "regex (cmp_49[0-9]{2} in [0-9]+ms)", query: { query: "cmp_49[0-9]{2} in [0-9]+ms", regex: "true" } },
          { name: "request_id", query: { request_id: rid } },
        ]);
      }
      report.push(r);
      process.stderr.write(`  done ${rows}\n`);
    } finally {
      await pool.end();
      if (!keep) await db.dropDatabase(url);
    }
  }
  for (const r of report) {
    console.log(`\n=== ${r.rows.toLocaleString("en")} rows (fill ${fmt(r.fillMs / 1000)} s) ===`);
    if (r.ex) printExport(r);
    if (r.search.length)
      console.log(`search (ms over ${runs} runs)   API median / p95   SQL median / p95   ratio(median)   total`);
    for (const s of r.search) {
      console.log(
        `  ${s.name.padEnd(36)} ${fmt(median(s.api)).padStart(7)} / ${fmt(p95(s.api)).padStart(7)}   ${fmt(median(s.sql)).padStart(7)} / ${fmt(p95(s.sql)).padStart(7)}   ${fmt(median(s.api) / median(s.sql), 2).padStart(6)}x   ${s.total}${s.estimate ? " (estimate)" : ""}${s.failures ? `   API failed: ${s.failures}` : ""}`,
      );
    }
  }
  compare(report);
}

function printExport(r) {
  console.log(
    `export CSV: worker ${fmt(r.oursRate, 0)} rows/s (${fmt(r.ex.ours.ms / 1000, 2)} s, ${fmt(r.ex.ours.bytes / MB)} MB) | ` +
      `psql \\copy ${fmt(r.psqlRate, 0)} rows/s (${fmt(r.ex.psqlMs / 1000, 2)} s, ${fmt(r.ex.psqlBytes / MB)} MB) | ratio ${fmt(r.oursRate / r.psqlRate, 2)}x`,
  );
  console.log(
    `  vs psql \\copy of the export's own SELECT (identical bytes, ${fmt(r.ex.psqlSameBytes / MB)} MB): ${fmt(r.psqlSameRate, 0)} rows/s (${fmt(r.ex.psqlSameMs / 1000, 2)} s) | ratio ${fmt(r.oursRate / r.psqlSameRate, 2)}x`,
  );
  console.log(
    `worker memory: rss before ${fmt(r.ex.ours.rssBefore / MB)} MB, peak ${fmt(r.ex.peakRss / MB)} MB over both runs (getrusage maxRSS ${fmt(r.ex.ours.maxRss / MB)} MB)`,
  );
}

/** Each size against the first: the growth of every figure (aim for search: at most 2x at 10x the rows). */
function compare(report) {
  const [base, ...rest] = report;
  for (const r of rest) {
    const k = r.rows / base.rows;
    console.log(
      `\n=== ${fmt(k, 0)}x the rows (${r.rows.toLocaleString("en")} vs ${base.rows.toLocaleString("en")}) ===`,
    );
    console.log(`search median, ms        API 1x -> ${fmt(k, 0)}x   ratio    SQL 1x -> ${fmt(k, 0)}x   ratio`);
    r.search.forEach((s, i) => {
      const b = base.search[i];
      const [a0, a1, s0, s1] = [median(b.api), median(s.api), median(b.sql), median(s.sql)];
      console.log(
        `  ${s.name.padEnd(36)} ${fmt(a0).padStart(7)} -> ${fmt(a1).padStart(7)}   ${fmt(a1 / a0, 2).padStart(5)}x   ${fmt(s0).padStart(7)} -> ${fmt(s1).padStart(7)}   ${fmt(s1 / s0, 2).padStart(5)}x`,
      );
    });
    if (!r.ex) continue;
    console.log(
      `export CSV rows/s: worker ${fmt(base.oursRate, 0)} -> ${fmt(r.oursRate, 0)} (${fmt(r.oursRate / base.oursRate, 2)}x), ` +
        `psql \\copy ${fmt(base.psqlRate, 0)} -> ${fmt(r.psqlRate, 0)} (${fmt(r.psqlRate / base.psqlRate, 2)}x)`,
    );
    console.log(
      `worker peak RSS: ${fmt(base.ex.peakRss / MB)} MB -> ${fmt(r.ex.peakRss / MB)} MB (${fmt(r.ex.peakRss / base.ex.peakRss, 2)}x)`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
