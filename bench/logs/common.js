// Shared by the log benchmarks: a dedicated database filled with synthetic
// logs by one INSERT … SELECT generate_series (no client round trips), and
// small statistics helpers. Each benchmark creates and drops its databases.
// The secondary indexes are dropped for the load and built again after it
// from their own definitions (pg_get_indexdef), so the measured tables carry
// exactly the migrations' indexes: one sorted build per index is far cheaper
// than maintaining two GIN indexes row by row, which is what makes
// 20,000,000 rows practical. A bulk-built GIN index holds no pending list,
// as after the VACUUM that follows any load. The table stays logged (the partitions of a logged
// parent, as in production); UNLOGGED would only speed up the load.
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

/** Memory for each index build, so a GIN build sorts in few passes. */
const BUILD_MEMORY = "1GB";

/**
 * Creates `name` and fills it with `rows` synthetic logs. With `reuse`, a
 * database left by an earlier run (BENCH_KEEP_DB=1) that already holds
 * exactly `rows` rows is kept as it is (fillMs is then 0).
 */
async function createFilledDatabase(name, rows, { reuse = false } = {}) {
  const url = `${SERVER}/${name}`;
  if (reuse && (await filledWith(url)) === rows) {
    await db.migrate(url);
    // No new ANALYZE: the same statistics, hence the same plans, as the run that filled it.
    const pool = db.createPool({ url, max: 4, statementTimeoutMs: 0 });
    return { url, pool, fillMs: 0 };
  }
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
  // The partitioned parent's indexes (all but the primary key, which paging and the export read in order);
  // dropping one drops it on every partition, creating it on the parent builds it on every partition.
  const { rows: indexes } = await pool.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'app_logs'::regclass AND NOT i.indisprimary`,
  );
  for (const ix of indexes) await pool.query(`DROP INDEX "${ix.name}"`);
  await pool.query(FILL, [rows, SPAN_DAYS * 86_400]);
  // SET and CREATE INDEX in one simple query run on one connection, so the setting applies to the build.
  // pg_get_indexdef gives a partitioned index as CREATE INDEX … ON ONLY app_logs, which would build it on no partition.
  for (const ix of indexes) {
    await pool.query(`SET maintenance_work_mem = '${BUILD_MEMORY}'; ${ix.def.replace(" ON ONLY ", " ON ")}`);
  }
  await pool.query("VACUUM ANALYZE app_logs");
  const fillMs = Date.now() - t0;
  return { url, pool, fillMs };
}

/** How many rows the fill put in the database at `url` (its id sequence), or null when there is none. */
async function filledWith(url) {
  const pool = db.createPool({ url, max: 1, statementTimeoutMs: 0 });
  try {
    const { rows } = await pool.query(`SELECT last_value::int AS n, is_called FROM app_logs_id_seq`);
    return rows[0]?.is_called ? rows[0].n : null;
  } catch {
    return null;
  } finally {
    await pool.end();
  }
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
