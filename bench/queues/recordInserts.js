#!/usr/bin/env node
// Benchmark: what one job record costs Postgres, and which part of job_records makes up that cost.
//   npm run build && node bench/queues/recordInserts.js [rows=40000]
// Inputs: Postgres on its default port (or DATABASE_SERVER_URL).
// Output: CPU seconds of the Postgres backend (its /proc stat; Linux, Postgres local) to upsert
// `rows` completed no-op job records through the worker's own statement (upsertJobRecords, batches
// of 500, as the write-back sends them), first on the migrated schema, then with one piece taken
// away at a time (each variant in a freshly migrated database), so the differences are the pieces'
// shares. The variants are experiments on the bench's database only, not proposals.
// It creates and drops its own database (opsdeck_bench_record_inserts), once per variant.
"use strict";
const fs = require("node:fs");
const c = require("./common");

const ROWS = Number(process.argv[2] ?? 40_000);
const BATCH = 500;

const VARIANTS = [
  ["as migrated", null],
  ["without the trigram index on search_text", "DROP INDEX job_records_search_text_trgm_idx"],
  [
    "trigram over name + payload only (job ids found by exact match)",
    `DROP INDEX job_records_search_text_trgm_idx; ALTER TABLE job_records DROP COLUMN search_text;
     CREATE INDEX job_records_bench_trgm ON job_records
       USING gin ((left(name || ' ' || coalesce(payload::text, ''), 4000)) gin_trgm_ops)`,
  ],
  ["without the two updated_at btrees", "DROP INDEX job_records_status_updated_at_idx, job_records_updated_at_idx"],
  ["without the id primary key", "ALTER TABLE job_records DROP CONSTRAINT job_records_pkey"],
];

function backendCpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, USER_HZ = 100
}

function recordsBatch(firstId, n, created) {
  const rows = [];
  for (let id = firstId; id < firstId + n; id++) {
    rows.push({
      queue: "metric-rollups",
      jobId: String(id),
      name: "bench-1",
      status: "completed",
      attempt: 1,
      phase: 2,
      attemptsMade: 1,
      progress: null,
      failedReason: null,
      payload: { kind: "minute" },
      createdAt: new Date(created + id),
      processedAt: new Date(),
      finishedAt: new Date(),
    });
  }
  return rows;
}

async function main() {
  console.log(`${ROWS} completed job records in batches of ${BATCH}, ${new Date().toISOString()}`);
  for (const [name, sql] of VARIANTS) {
    // A freshly migrated database per variant, so each one starts from the same empty table.
    const url = await c.createBenchDb("opsdeck_bench_record_inserts");
    const pool = c.db.createPool({ url, max: 1 });
    try {
      if (sql) await pool.query(sql);
      const pid = (await pool.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const created = Date.now() - 3_600_000;
      const before = backendCpuSeconds(pid);
      const t = process.hrtime.bigint();
      for (let done = 0; done < ROWS; done += BATCH) {
        await c.db.upsertJobRecords(pool, recordsBatch(done + 1, Math.min(BATCH, ROWS - done), created));
      }
      const cpu = backendCpuSeconds(pid) - before;
      const wall = Number(process.hrtime.bigint() - t) / 1e9;
      console.log(`  ${name.padEnd(66)} postgres cpu ${cpu.toFixed(2)} s   wall ${wall.toFixed(2)} s`);
    } finally {
      await pool.end();
      await c.db.dropDatabase(url);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
