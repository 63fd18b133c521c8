// One write of `mib` MiB of random bytes into the bench's S3 server, in its
// own process, sampling RSS every 20 ms. `stream`: the s3 FileStore (as the
// worker writes exports and archives); `put`: one PutObject of a Buffer.
// Prints one JSON line: ms and peak RSS above the start, MiB.
"use strict";
const { randomFillSync } = require("node:crypto");
const { once } = require("node:events");
const path = require("node:path");

const { PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");

const root = path.resolve(__dirname, "../..");
const db = require(path.join(root, "packages/db/dist/index.js"));

const CHUNK = 1024 * 1024;

async function main() {
  const [mode, port, mib] = process.argv.slice(2);
  const settings = {
    EXPORT_STORAGE: "s3",
    EXPORT_DIR: "/nonexistent",
    S3_BUCKET: "opsdeck-bench",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: true,
    S3_KEY_PREFIX: "",
  };
  const chunk = randomFillSync(Buffer.alloc(CHUNK));
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = process.hrtime.bigint();
  if (mode === "stream") {
    const up = db.fileStoreFor(settings).create("log_archive_20000101.ndjson.gz");
    for (let i = 0; i < Number(mib); i++) {
      if (!up.stream.write(Buffer.from(chunk))) await once(up.stream, "drain");
    }
    up.stream.end();
    await up.commit();
  } else {
    const body = Buffer.alloc(Number(mib) * CHUNK);
    for (let i = 0; i < Number(mib); i++) chunk.copy(body, i * CHUNK);
    const client = new S3Client({
      region: "us-east-1",
      endpoint: settings.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    await client.send(new PutObjectCommand({ Bucket: "opsdeck-bench", Key: "raw-baseline", Body: body }));
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(`${JSON.stringify({ ms, peakMiB: (peak - start) / 1048576 })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
