// Shared by the log benchmarks: a dedicated database filled with synthetic
// logs by one INSERT … SELECT generate_series (no client round trips), and
// small statistics helpers. Each benchmark creates and drops its databases.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "../..");
const db = require(path.join(root, "packages/db/dist/index.js"));

const SERVER = process.env.DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";
const DAY_MS = 86_400_000;
/** Rows are spread over this many days before now. */
const SPAN_DAYS = 5;

/**
 * Message mix: every row has "request" (a common term); one in five has
 * "completed"; one in 100,000 has the rare term "zebracorn"; request ids are
 * unique; 10,000 users; 5 services; 1 % errors.
 */
const FILL = `
INSERT INTO app_logs (timestamp, level, service, message, request_id, user_id, metadata)
SELECT now() - make_interval(secs => g::float8 * $2 / $1),
       CASE WHEN g % 100 = 0 THEN 'error' WHEN g % 10 = 1 THEN 'warning' WHEN g % 10 < 7 THEN 'info' ELSE 'debug' END,
       (ARRAY['api','worker','scheduler','billing','smtp'])[1 + g % 5],
       'request ' || (ARRAY['completed','accepted','queued','processed','retried'])[1 + (g / 5) % 5]
         || ' for campaign cmp_' || (g % 5000) || ' in ' || (g % 997) || 'ms'
         || CASE WHEN g % 100000 = 7 THEN ' zebracorn failure' ELSE '' END,
       'req_' || substr(md5(g::text), 1, 16),
       'usr_' || (g % 10000),
       jsonb_build_object('shard', g % 16, 'attempt', g % 3)
  FROM generate_series(1, $1) g`;

async function createFilledDatabase(name, rows) {
  const url = `${SERVER}/${name}`;
  await db.dropDatabase(url);
  await db.ensureDatabase(url);
  await db.migrate(url);
  const pool = db.createPool({ url, max: 4, statementTimeoutMs: 0 });
  await db.ensureLogPartitionsBetween(
    pool,
    new Date(Date.now() - (SPAN_DAYS + 1) * DAY_MS),
    new Date(Date.now() + DAY_MS),
  );
  const t0 = Date.now();
  await pool.query(FILL, [rows, SPAN_DAYS * 86_400]);
  await pool.query("VACUUM ANALYZE app_logs");
  const fillMs = Date.now() - t0;
  return { url, pool, fillMs };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}
function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}
const fmt = (n, d = 1) => Number(n).toFixed(d);

module.exports = { root, db, SERVER, createFilledDatabase, median, p95, fmt, SPAN_DAYS };
