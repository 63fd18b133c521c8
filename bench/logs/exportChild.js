// One CSV export in its own process, as the worker runs it (writeLogExport),
// sampling RSS every 20 ms. Prints one JSON line: rows, ms, rss before,
// peak rss and maxRSS from getrusage.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { db } = require("./common");

async function main() {
  const [url, format] = process.argv.slice(2);
  const pool = db.createPool({ url, max: 2, statementTimeoutMs: 0 });
  await pool.query("SELECT 1");
  const dir = path.join(os.tmpdir(), `opsdeck-bench-export-${process.pid}`);
  const store = db.fileStoreFor({ EXPORT_DIR: dir });
  const id = db.newExportId();
  const fileName = db.exportFileName(id, format, false);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = process.hrtime.bigint();
  const r = await db.writeLogExport({ pool, store, fileName, filter: {}, format, gzip: false, maxRows: 100_000_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(timer);
  await store.removeAll(id);
  fs.rmSync(dir, { recursive: true, force: true });
  await pool.end();
  process.stdout.write(
    JSON.stringify({
      rows: r.rowCount,
      bytes: r.sizeBytes,
      ms,
      rssBefore,
      peakRss: peak,
      maxRss: process.resourceUsage().maxRSS * 1024,
    }) + "\n",
  );
}
main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + "\n");
  process.exit(1);
});
