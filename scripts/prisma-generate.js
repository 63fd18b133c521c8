#!/usr/bin/env node
// Runs `prisma generate` for packages/db.
// Input: prisma/schema/*.prisma. Output: packages/db/src/generated/prisma.
// The Prisma CLI wants a native schema engine it would download; `generate`
// does not use it, so we point it at a stub file when none is configured.
// Migrations are applied by packages/db/src/migrate.ts, never by the CLI.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = path.join(os.tmpdir(), "opsdeck-prisma-engine-stub");
  if (!fs.existsSync(stub)) fs.writeFileSync(stub, "");
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
execFileSync(process.execPath, [require.resolve("prisma/build/index.js", { paths: [root] }), "generate"], {
  cwd: root,
  env,
  stdio: ["ignore", "ignore", "inherit"],
});
