#!/usr/bin/env node
// Runs the fault scenarios one after another, each in its own process with a
// fresh harness (private Redis + Postgres on spare ports, proxies, API and
// worker processes). Exit code 1 when any scenario misses its bar.
//   npm run build && npm run test:faults [-- 01 03]      (only the scenarios whose file names contain an argument)
//   npm run test:faults -- --quick                      (the reduced run .ci/run does: fewer jobs, shorter outages)
// Env: FAULTS_JOBS (scenario 1, default 10000), FAULTS_KILLS (5), FAULTS_LOG_DIR (keep process logs there).
// Needs redis-server on PATH and Postgres 15 under /usr/lib/postgresql/15/bin; when root, initdb runs as `postgres`.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const dir = path.join(__dirname, "scenarios");
const args = process.argv.slice(2);
// --quick: the same scenarios and bars at a smaller scale, so CI can afford them (about a third of the
// full run's time); explicit FAULTS_* values still win.
const QUICK = {
  FAULTS_JOBS: "3000",
  FAULTS_KILLS: "3",
  FAULTS_DOWN_MS: "5000",
  FAULTS_STALL_MS: "5000",
  FAULTS_PG_DOWN_MS: "5000",
  FAULTS_PG_JOBS: "1500",
  FAULTS_SIGTERM_JOBS: "1500",
};
if (args.includes("--quick")) {
  for (const [k, v] of Object.entries(QUICK)) process.env[k] ??= v;
}
const only = args.filter((a) => a !== "--quick");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".js"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const summary = [];
for (const f of files) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(dir, f)], { stdio: "inherit", timeout: 15 * 60_000 });
  summary.push({ scenario: f, ok: r.status === 0, seconds: Math.round((Date.now() - t0) / 1000) });
}
console.log("\nfault scenarios:");
for (const s of summary) console.log(`  ${s.ok ? "pass" : "FAIL"}  ${s.scenario}  (${s.seconds} s)`);
process.exit(summary.every((s) => s.ok) ? 0 : 1);
