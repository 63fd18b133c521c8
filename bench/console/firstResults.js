#!/usr/bin/env node
// The console under data: (1) how soon the jobs and logs pages show their
// first result row, and (2) what the overview's live refresh costs the API.
//   npm run build && node bench/console/firstResults.js [runs=10] [cpuSeconds=60]
// Needs Postgres (DATABASE_SERVER_URL, default postgresql://postgres@127.0.0.1:5432),
// Redis (REDIS_URL) and Debian's Chromium (/usr/bin/chromium, scripts/install-chromium.sh).
// Creates and drops opsdeck_bench_console_<pid>, filled server-side by INSERT … SELECT
// generate_series (no client round trips) with 2,000,000 log rows over 5 days
// (bench/logs/common.js) and 1,000,000 job records over 24 h.
// (1) The API runs as its own process (apps/api/dist/main.js). For each page, a
//     signed-in Chromium tab navigates to it `runs` times (after one warm-up);
//     the time is Chromium's own performance.now() from navigation start to the
//     moment the first result row (tr[data-log], tr[data-job]) is in the DOM,
//     seen by a MutationObserver the test installs before any page script.
//     Baseline: the same first API call the page makes, fetched straight from
//     Node with a key (median of `runs`). A page missing from this build (the
//     jobs page before it is merged) is reported as absent.
// (2) The API process's CPU (utime + stime from /proc) over `cpuSeconds` with
//     five signed-in tabs on the overview (refreshing live), against the same
//     span with no tab open.
/* global window, document, MutationObserver -- the page-side functions run in Chromium */
"use strict";

const { chromium } = require("playwright-core");

const { db, createFilledDatabase, median, fmt } = require("../logs/common");
const { procCpuSeconds } = require("../procCpu");
const { deleteRedisKeys, sleep, startApi } = require("./apiProcess");

const runs = Number(process.argv[2] ?? 10);
const cpuSeconds = Number(process.argv[3] ?? 60);
const LOG_ROWS = 2_000_000;
const JOB_ROWS = 1_000_000;
const NAME = `opsdeck_bench_console_${process.pid}`;
const prefix = `bench-console-${process.pid}`;

/** 1,000,000 finished job records over the last 24 h in 8 queues, one in ten failed. */
async function fillJobRecords(pool) {
  await pool.query(
    `INSERT INTO job_records (queue, job_id, name, status, payload, created_at, processed_at, finished_at, updated_at)
     SELECT 'bench-q' || (i % 8), i::text, 'send-' || (i % 5),
            CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'completed' END,
            jsonb_build_object('to', 'user' || i || '@example.test', 'campaign', 'cmp_' || (i % 500)),
            t, t + interval '50 ms', t + interval '120 ms', t + interval '120 ms'
       FROM generate_series(1, $1::int) AS i, LATERAL (SELECT now() - (i * 86400.0 / $1) * interval '1 second' AS t) w`,
    [JOB_ROWS],
  );
  await pool.query("VACUUM ANALYZE job_records");
}

/** Records, before any page script runs, when the first result row enters the DOM (performance.now(), ms). */
const FIRST_ROW_OBSERVER = () => {
  const w = window;
  w.__firstRowMs = null;
  new MutationObserver((_m, obs) => {
    if (document.querySelector("tr[data-log], tr[data-job]")) {
      w.__firstRowMs = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function signIn(context, base, key) {
  const page = await context.newPage();
  await page.goto(`${base}/console/`);
  await page.getByLabel("API key").fill(key);
  await Promise.all([page.waitForURL(`${base}/console/`), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

/** Median ms from navigation start to the first result row, or null when the page is not in this build. */
async function firstRow(page, url) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(url);
    const shown = await page
      .waitForFunction(
        () => window.__firstRowMs ?? (document.querySelector("main h1")?.textContent === "Not found" && -1),
        null,
        {
          timeout: 60_000,
          polling: 50,
        },
      )
      .then((h) => h.jsonValue());
    if (shown === -1) return null;
    if (i > 0) samples.push(shown); // the first load warms Chromium's cache and the API's
    // Let the page finish (the logs page asks for its histogram after the rows), so each navigation starts
    // from a quiet API, as a person's next page does.
    await page.waitForLoadState("networkidle");
  }
  return median(samples);
}

async function rawMs(url, key) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
    if (!r.ok) throw new Error(`${url} answered ${r.status}`);
    await r.arrayBuffer();
    if (i > 0) samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function cpuOver(pid, seconds) {
  const before = procCpuSeconds(pid);
  await sleep(seconds * 1000);
  return procCpuSeconds(pid) - before;
}

async function main() {
  const t0 = Date.now();
  const { url, pool } = await createFilledDatabase(NAME, LOG_ROWS);
  let api;
  let browser;
  try {
    await fillJobRecords(pool);
    const fillS = (Date.now() - t0) / 1000;
    api = await startApi({ url, prefix, keyName: "bench-console" });
    const { base, key } = api;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });

    // (1) First results.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(FIRST_ROW_OBSERVER);
    const page = await signIn(context, base, key);
    const hour = { end: new Date(), start: new Date(Date.now() - 3_600_000) };
    const logsApi = `${base}/api/v1/platform/system/logs?start_time=${hour.start.toISOString()}&end_time=${hour.end.toISOString()}&regex=false&case_insensitive=false&limit=50`;
    const pages = [
      { page: "logs", url: `${base}/console/logs`, raw: logsApi },
      { page: "jobs", url: `${base}/console/jobs`, raw: `${base}/api/v1/platform/system/jobs?limit=50` },
    ];
    for (const p of pages) {
      const pageMs = await firstRow(page, p.url);
      const apiMs = pageMs === null ? null : await rawMs(p.raw, key).catch(() => null);
      const out = { page: p.page, log_rows: LOG_ROWS, job_records: JOB_ROWS, runs };
      if (pageMs === null) Object.assign(out, { present: false });
      else
        Object.assign(out, {
          first_row_median_ms: Number(fmt(pageMs)),
          raw_api_median_ms: apiMs === null ? null : Number(fmt(apiMs)),
          ratio_page_over_api: apiMs ? Number(fmt(pageMs / apiMs)) : null,
        });
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    await context.close();

    // (2) The overview's live refresh: API CPU with five consoles open vs none.
    const idle = await cpuOver(api.child.pid, cpuSeconds);
    const consoles = [];
    for (let i = 0; i < 5; i++) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await signIn(c, base, key);
      consoles.push(c);
    }
    await sleep(5_000); // first loads done: what follows is the refresh alone
    const open = await cpuOver(api.child.pid, cpuSeconds);
    for (const c of consoles) await c.close();
    process.stdout.write(
      `${JSON.stringify({
        overview_consoles: 5,
        seconds: cpuSeconds,
        api_cpu_idle_percent: Number(fmt((idle / cpuSeconds) * 100, 2)),
        api_cpu_5_consoles_percent: Number(fmt((open / cpuSeconds) * 100, 2)),
        refresh_cost_percent_of_core: Number(fmt(((open - idle) / cpuSeconds) * 100, 2)),
        fill_s: Number(fmt(fillS)),
      })}\n`,
    );
  } finally {
    await browser?.close();
    await api?.stop();
    await pool.end();
    await db.dropDatabase(url);
    await deleteRedisKeys(prefix);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
