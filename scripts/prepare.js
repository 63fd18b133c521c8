#!/usr/bin/env node
// Prepares a machine for Opsdeck, idempotently (run by `npm start`, and by
// the `migrate` service in docker-compose):
//  1. validates the API's and the worker's config (one line per problem, exit 2);
//  2. creates the database if missing and applies migrations;
//  3. creates the first ops key when none exists (.opsdeck/bootstrap-key, mode 0600;
//     OPSDECK_BOOTSTRAP_KEY_FILE moves it). The key is never printed, only its path.
// Needs the build (apps/*/dist, packages/*/dist). Returns the API config and the key file's path.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { loadConfig: loadApiConfig } = require(path.join(root, "apps/api/dist/config.js"));
const { loadConfig: loadWorkerConfig } = require(path.join(root, "apps/worker/dist/config.js"));
const { ConfigError } = require(path.join(root, "packages/core/dist/index.js"));
const db = require(path.join(root, "packages/db/dist/index.js"));

function say(line) {
  process.stdout.write(`opsdeck: ${line}\n`);
}

async function prepare() {
  let api;
  try {
    api = loadApiConfig();
    loadWorkerConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`opsdeck: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  try {
    if (await db.ensureDatabase(api.DATABASE_URL)) {
      say(`created database ${db.splitDatabaseUrl(api.DATABASE_URL).database}`);
    }
    const m = await db.migrate(api.DATABASE_URL);
    say(m.applied.length ? `applied migrations: ${m.applied.join(", ")}` : "database schema is up to date");
  } catch (err) {
    const where = api.DATABASE_URL.replace(/\/\/[^@/]*@/, "//…@");
    process.stderr.write(`opsdeck: cannot prepare the database at ${where}: ${err.message}\n`);
    process.exit(1);
  }
  const keyFile = path.resolve(process.env.OPSDECK_BOOTSTRAP_KEY_FILE || path.join(root, ".opsdeck/bootstrap-key"));
  const { prisma, close } = db.createDb({ url: api.DATABASE_URL, max: 1 });
  try {
    const b = await db.bootstrapOpsKey(prisma, keyFile);
    if (b.created) say(`created the first ops key in ${b.path} (mode 0600; the key is not printed)`);
  } finally {
    await close();
  }
  const shown = path.relative(process.cwd(), keyFile);
  return { api, keyFile: shown && !shown.startsWith("..") ? shown : keyFile };
}

module.exports = { prepare };

if (require.main === module) {
  prepare().catch((err) => {
    process.stderr.write(`opsdeck: ${err.stack || err}\n`);
    process.exit(1);
  });
}
