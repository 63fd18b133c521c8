#!/usr/bin/env node
// Benchmark: what the console's first page costs a browser in JavaScript —
// every script index.html loads (the entry and its modulepreloads), gzipped as
// a server or proxy would send it — against the raw (uncompressed) bytes of
// the same files measured in the same run, and against the 250 KB budget.
//   npm run build && node bench/console/bundle.js
// Inputs: apps/console/dist (Vite's build). Output: per file raw and gzip
// (level 6, the usual default of nginx and compression middleware) and
// brotli (quality 11, for pre-compressed assets) sizes, the totals, gzip/raw
// and the share of the budget. Exits 1 when the gzipped total is over budget.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const dist = path.resolve(__dirname, "../../apps/console/dist");
const BUDGET_BYTES = 250 * 1024;

const html = readFileSync(path.join(dist, "index.html"), "utf8");
const scripts = [
  ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1]);
if (scripts.length === 0) throw new Error("index.html loads no script: run `npm run build` first");

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let raw = 0;
let gz = 0;
let br = 0;
for (const src of new Set(scripts)) {
  const file = path.join(dist, src.replace(/^\/console\//, ""));
  const body = readFileSync(file);
  const g = zlib.gzipSync(body, { level: 6 }).length;
  const b = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += body.length;
  gz += g;
  br += b;
  console.log(`${path.basename(file)}  raw ${kb(body.length)}  gzip ${kb(g)}  brotli ${kb(b)}`);
}
console.log(`first page JavaScript: raw ${kb(raw)}, gzip ${kb(gz)}, brotli ${kb(br)}`);
console.log(
  `gzip/raw ${(gz / raw).toFixed(3)}; budget ${kb(BUDGET_BYTES)} gzip: ${((gz / BUDGET_BYTES) * 100).toFixed(1)} % used`,
);
if (gz > BUDGET_BYTES) process.exitCode = 1;
