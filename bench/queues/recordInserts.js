#!/usr/bin/env node
// Benchmark: what one job record costs Postgres, and which part of job_records makes up that cost.
//   npm run build && node bench/queues/recordInserts.js [rows=40000] [rounds=7] [payload=small|rich]
// Inputs: Postgres on its default port (or DATABASE_SERVER_URL).
// Output: CPU seconds of the Postgres backend (its /proc stat; Linux, Postgres local) to upsert
// `rows` completed no-op job records through the worker's own statement (upsertJobRecords, batches
// of 500, as the write-back sends them), on the migrated schema and on variants with one piece
// taken away or put back (each in a freshly migrated database of its own), so the differences are
// the pieces' shares: the median of `rounds` rounds, variants interleaved within each round.
// Two variants append the same rows by COPY instead: the floor any write of these rows has, which
// the upsert (idempotent and fenced, as the worker needs) can only approach.
// The variants are experiments on the bench's databases only.
// It creates and drops its own databases (opsdeck_bench_record_inserts_<n>, one per variant).
"use strict";
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const { from: copyFrom } = require("pg-copy-streams");
const { procCpuSeconds } = require("../procCpu");
const c = require("./common");

const ROWS = Number(process.argv[2] ?? 40_000);
const ROUNDS = Number(process.argv[3] ?? 7);
const BATCH = 500;
// small: {kind}; rich: a campaign-like payload with nested fields (what the payload GIN index pays for).
const RICH = process.argv[4] === "rich";

// Put back what migrations 20261129230000 and 20261129233000 took away.
const IDS_IN_TRIGRAM = `DROP INDEX job_records_search_trgm_idx;
  ALTER TABLE job_records ADD COLUMN search_text TEXT GENERATED ALWAYS AS
    (left(job_id || ' ' || name || ' ' || coalesce(payload::text, ''), 4000)) STORED;
  CREATE INDEX job_records_bench_trgm ON job_records USING gin (search_text gin_trgm_ops);`;
const ID_KEY_AND_FULL_STATUS_INDEX = `ALTER TABLE job_records DROP CONSTRAINT job_records_pkey;
  CREATE UNIQUE INDEX job_records_queue_job_id_key ON job_records (queue, job_id);
  ALTER TABLE job_records ADD COLUMN id BIGSERIAL PRIMARY KEY;
  DROP INDEX job_records_status_updated_at_idx;
  CREATE INDEX job_records_status_updated_at_idx ON job_records (status, updated_at DESC);`;

const SECONDARY_INDEXES =
  "job_records_search_trgm_idx, job_records_status_updated_at_idx, job_records_updated_at_idx, job_records_payload_path_idx";

// [name, sql run on the variant's database after migrating, write (default: the worker's upsert)]
const VARIANTS = [
  ["as migrated", null],
  ["without the trigram index on name + payload", "DROP INDEX job_records_search_trgm_idx"],
  ["without the payload GIN (jsonb_path_ops, field search)", "DROP INDEX job_records_payload_path_idx"],
  [
    "payload GIN as jsonb_ops instead of jsonb_path_ops",
    "DROP INDEX job_records_payload_path_idx; CREATE INDEX job_records_bench_payload ON job_records USING gin (payload)",
  ],
  ["without the two updated_at btrees", "DROP INDEX job_records_status_updated_at_idx, job_records_updated_at_idx"],
  ["primary key only (no secondary index)", `DROP INDEX ${SECONDARY_INDEXES}`],
  // The floors: the same rows appended by COPY, which cannot upsert (not idempotent, not fenced).
  ["as migrated, rows by COPY instead of the upsert", null, copyRecords],
  ["primary key only, rows by COPY", `DROP INDEX ${SECONDARY_INDEXES}`, copyRecords],
  ["job ids back in the trigram index (stored search_text)", IDS_IN_TRIGRAM],
  ["id key back, status index over completed records too", ID_KEY_AND_FULL_STATUS_INDEX],
  ["both: the schema before 2026-11-29 23:00", IDS_IN_TRIGRAM + ID_KEY_AND_FULL_STATUS_INDEX],
];

/** Appends `rows` by COPY FROM STDIN (text format): what writing them costs without the upsert. */
async function copyRecords(pool, rows) {
  const client = await pool.connect();
  try {
    const now = new Date().toISOString();
    const lines = rows.map((w) =>
      [
        w.queue,
        w.jobId,
        w.name,
        w.status,
        w.attempt,
        w.phase,
        w.attemptsMade,
        JSON.stringify(w.payload),
        w.createdAt.toISOString(),
        w.processedAt.toISOString(),
        w.finishedAt.toISOString(),
        now,
      ].join("\t"),
    );
    const copy = client.query(
      copyFrom(`COPY job_records (queue, job_id, name, status, attempt, phase, attempts_made, payload,
                                  created_at, processed_at, finished_at, updated_at) FROM STDIN`),
    );
    await pipeline(Readable.from([`${lines.join("\n")}\n`]), copy);
  } finally {
    client.release();
  }
}

const backendCpuSeconds = (pid) => procCpuSeconds(pid) ?? 0;

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
      payload: RICH
        ? {
            campaign_id: `cmp_${id % 5000}`,
            user: { id: `u_${id}`, plan: ["free", "pro", "team"][id % 3], seats: id % 50 },
            amount: id % 1000,
            tags: ["batch", `b${id % 20}`],
          }
        : { kind: "minute" },
      createdAt: new Date(created + id),
      processedAt: new Date(),
      finishedAt: new Date(),
    });
  }
  return rows;
}

async function main() {
  console.log(
    `${ROWS} completed job records in batches of ${BATCH}, ${ROUNDS} rounds (variants interleaved), ${new Date().toISOString()}`,
  );
  // One freshly migrated database per variant. Each round inserts `rows` new records into every
  // variant in turn, so a noisy moment of the machine lands on all of them, and the tables grow
  // alike; the median round is the figure.
  const dbs = [];
  try {
    for (const [name, sql, write] of VARIANTS) {
      const url = await c.createBenchDb(`opsdeck_bench_record_inserts_${dbs.length}`);
      const pool = c.db.createPool({ url, max: 1 });
      dbs.push({ name, url, pool, write: write ?? c.db.upsertJobRecords, cpu: [] });
      if (sql) await pool.query(sql);
    }
    const created = Date.now() - 3_600_000;
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of dbs) {
        const pid = (await v.pool.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
        const before = backendCpuSeconds(pid);
        for (let done = 0; done < ROWS; done += BATCH) {
          const first = round * ROWS + done + 1;
          await v.write(v.pool, recordsBatch(first, Math.min(BATCH, ROWS - done), created));
        }
        v.cpu.push(backendCpuSeconds(pid) - before);
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const base = median(dbs[0].cpu);
    for (const v of dbs) {
      const m = median(v.cpu);
      const vs = v === dbs[0] ? "" : `  ${m >= base ? "+" : "-"}${Math.abs((m / base - 1) * 100).toFixed(0)} %`;
      console.log(
        `  ${v.name.padEnd(66)} postgres cpu ${m.toFixed(2)} s${vs.padEnd(8)}  (rounds: ${v.cpu.map((x) => x.toFixed(2)).join(" ")})`,
      );
    }
  } finally {
    for (const v of dbs) {
      await v.pool.end();
      await c.db.dropDatabase(v.url);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
