#!/usr/bin/env node
// Object storage benchmark: writing a file through the s3 backend's streaming
// multipart upload (FileStore.create, 8 MiB parts, two in flight) against the
// raw baseline of one PutObject of the same bytes held whole in memory, both
// into the same local S3 server (s3rver) in the same run. Each variant runs
// in a child process of its own so its peak RSS is its own.
//   npm run build && node bench/storage/run.js [mib=64] [runs=3]
// Prints MiB/s, peak RSS above the process's start, and the ratios.
"use strict";
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const S3rver = require("s3rver");

const mib = Number(process.argv[2] ?? 64);
const runs = Number(process.argv[3] ?? 3);
const BUCKET = "opsdeck-bench";

// Asynchronous: the S3 server runs in this process's event loop, so it must stay free while a child writes.
async function child(mode, port) {
  const script = path.join(__dirname, "writeChild.js");
  const { stdout } = await promisify(execFile)(process.execPath, [script, mode, String(port), String(mib)]);
  return JSON.parse(stdout.trim().split("\n").pop());
}

const best = (xs, key) => xs.reduce((a, b) => (b[key] < a[key] ? b : a));

async function main() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-bench-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  try {
    await child("stream", port); // warm-up: the server's first files, the disk cache
    const stream = [];
    const raw = [];
    for (let i = 0; i < runs; i++) {
      stream.push(await child("stream", port));
      raw.push(await child("put", port));
    }
    const s = best(stream, "ms");
    const r = best(raw, "ms");
    const rate = (x) => mib / (x.ms / 1000);
    console.log(`file: ${mib} MiB of random bytes, best of ${runs} alternating runs each`);
    console.log(
      `load average: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}, ${os.cpus().length} CPUs`,
    );
    console.log(`streamed multipart (FileStore): ${rate(s).toFixed(1)} MiB/s, peak RSS +${s.peakMiB.toFixed(1)} MiB`);
    console.log(`raw PutObject, whole in memory: ${rate(r).toFixed(1)} MiB/s, peak RSS +${r.peakMiB.toFixed(1)} MiB`);
    console.log(
      `ratio streamed / raw: throughput ${(rate(s) / rate(r)).toFixed(2)}×, peak memory ${(s.peakMiB / r.peakMiB).toFixed(2)}×`,
    );
  } finally {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
