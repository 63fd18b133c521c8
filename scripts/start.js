#!/usr/bin/env node
// `npm start` (after the build): one command, both processes.
//  1. validates the API's and the worker's config (one line per problem, exit 2);
//  2. creates the database if missing and applies migrations;
//  3. creates the first ops key when none exists (.opsdeck/bootstrap-key, 0600);
//  4. starts the API and the worker as child processes and prints the URLs;
//  5. Ctrl-C / SIGTERM stops both (each drains); if one dies, the other is stopped.
"use strict";
const { spawn } = require("node:child_process");
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
    if (await db.ensureDatabase(api.DATABASE_URL)) say(`created database ${db.splitDatabaseUrl(api.DATABASE_URL).database}`);
    const m = await db.migrate(api.DATABASE_URL);
    say(m.applied.length ? `applied migrations: ${m.applied.join(", ")}` : "database schema is up to date");
  } catch (err) {
    process.stderr.write(`opsdeck: cannot prepare the database (${api.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")}): ${err.message}\n`);
    process.exit(1);
  }
  const keyFile = path.resolve(process.env.OPSDECK_BOOTSTRAP_KEY_FILE || path.join(root, ".opsdeck/bootstrap-key"));
  const { prisma, close } = db.createDb({ url: api.DATABASE_URL, max: 1 });
  try {
    const b = await db.bootstrapOpsKey(prisma, keyFile);
    if (b.created) say(`created the first ops key in ${b.path} (mode 0600): export OPSDECK_KEY=$(cat ${path.relative(process.cwd(), b.path) || b.path})`);
  } finally {
    await close();
  }
  return api;
}

async function main() {
  const api = await prepare();
  const children = new Map();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) child.kill(signal);
  };

  for (const [name, entry] of [
    ["api", "apps/api/dist/main.js"],
    ["worker", "apps/worker/dist/main.js"],
  ]) {
    const child = spawn(process.execPath, [path.join(root, entry)], { stdio: "inherit", env: process.env });
    children.set(name, child);
    child.on("exit", (code, signal) => {
      children.delete(name);
      if (!stopping) {
        process.stderr.write(`opsdeck: ${name} exited (${signal ?? code}); stopping the rest\n`);
        exitCode = code || 1;
        stopAll("SIGTERM");
      }
      if (children.size === 0) process.exit(exitCode);
    });
  }
  process.on("SIGINT", () => stopAll("SIGTERM"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));

  // Print the URLs once the API answers /readyz.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const r = await fetch(`${api.publicUrl}/livez`);
      if (r.ok) {
        say(`API          ${api.publicUrl}`);
        say(`Bull Board   ${api.publicUrl}/admin/queues`);
        say(`OpenAPI      ${api.publicUrl}/openapi.json`);
        say(`try: curl -H "X-API-Key: $(cat .opsdeck/bootstrap-key)" ${api.publicUrl}/api/integration/health`);
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  process.stderr.write(`opsdeck: ${err.stack || err}\n`);
  process.exit(1);
});
