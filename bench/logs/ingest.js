#!/usr/bin/env node
// Log ingestion benchmark (3): rows/s written to Postgres through the winston
// transport (the real logger: redaction format, bounded buffer, batched
// unnest() INSERTs of 500) against a raw COPY … FROM STDIN of the same rows,
// in the same run, into the same partitioned, indexed table.
//   npm run build && node bench/logs/ingest.js [rows=200000]
// Creates and drops the database opsdeck_bench_logs_ingest.
"use strict";
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const path = require("node:path");
const { from: copyFrom } = require("pg-copy-streams");

const { root, db, SERVER, fmt } = require("./common");
const { createLogger } = require(path.join(root, "packages/core/dist/index.js"));

const rows = Number(process.argv[2] ?? 200_000);
const url = `${SERVER}/opsdeck_bench_logs_ingest`;

const line = (i) => ({
  message: `request completed for campaign cmp_${i % 5000} in ${i % 997}ms`,
  request_id: `req_${i.toString(16).padStart(12, "0")}`,
  user_id: `usr_${i % 10000}`,
  shard: i % 16,
});

async function viaTransport(pool) {
  const transport = db.createPostgresLogTransport({
    pool,
    service: "bench",
    maxEntries: rows,
    batchSize: 500,
    intervalMs: 50,
  });
  const logger = createLogger({ service: "bench", silent: true, transports: [transport] });
  const t0 = performance.now();
  for (let i = 0; i < rows; i++) {
    const l = line(i);
    logger.info(l.message, { request_id: l.request_id, user_id: l.user_id, shard: l.shard });
    // Yield now and then so batches are written while logging goes on, as in a real process.
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
  await transport.shutdown(600_000);
  const ms = performance.now() - t0;
  return { ms, dropped: transport.dropped };
}

async function viaCopy(pool) {
  const esc = (s) => `"${s.replace(/"/g, '""')}"`;
  const now = new Date().toISOString();
  const csv = [];
  for (let i = 0; i < rows; i++) {
    const l = line(i);
    csv.push(
      `${now},info,bench,${esc(l.message)},${l.request_id},${l.user_id},${esc(JSON.stringify({ shard: l.shard }))}\n`,
    );
  }
  const client = await pool.connect();
  try {
    const t0 = performance.now();
    const copy = client.query(
      copyFrom(
        `COPY app_logs (timestamp, level, service, message, request_id, user_id, metadata) FROM STDIN WITH (FORMAT csv)`,
      ),
    );
    await pipeline(Readable.from(csv), copy);
    return { ms: performance.now() - t0 };
  } finally {
    client.release();
  }
}

async function main() {
  await db.dropDatabase(url);
  await db.ensureDatabase(url);
  await db.migrate(url);
  const pool = db.createPool({ url, max: 4, statementTimeoutMs: 0 });
  try {
    const count = async () => (await pool.query(`SELECT count(*)::int AS n FROM app_logs`)).rows[0].n;
    const tr = await viaTransport(pool);
    const trRows = await count();
    await pool.query("TRUNCATE app_logs");
    const cp = await viaCopy(pool);
    const cpRows = await count();
    const trRate = (trRows / tr.ms) * 1000;
    const cpRate = (cpRows / cp.ms) * 1000;
    console.log(`ingestion of ${rows.toLocaleString("en")} rows`);
    console.log(
      `  transport: ${fmt(trRate, 0)} rows/s (${fmt(tr.ms / 1000, 2)} s, ${trRows} written, ${tr.dropped} dropped)`,
    );
    console.log(`  raw COPY:  ${fmt(cpRate, 0)} rows/s (${fmt(cp.ms / 1000, 2)} s, ${cpRows} written)`);
    console.log(`  ratio transport / COPY: ${fmt(trRate / cpRate, 2)}x`);
  } finally {
    await pool.end();
    await db.dropDatabase(url);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
