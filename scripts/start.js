#!/usr/bin/env node
// `npm start` (after the build): one command, both processes.
//  1. validates the API's and the worker's config (one line per problem, exit 2);
//  2. creates the database if missing and applies migrations;
//  3. creates the first ops key when none exists (.opsdeck/bootstrap-key, 0600);
//  4. starts the API and the worker as child processes and prints the URLs;
//  5. Ctrl-C / SIGTERM stops both (each drains); if one dies, the other is stopped.
// package.json's start script `exec`s this file: npm forwards SIGTERM to the
// script's shell, which would die of it and leave this process running.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { prepare } = require("./prepare");

function say(line) {
  process.stdout.write(`opsdeck: ${line}\n`);
}

async function main() {
  const { api, keyFile } = await prepare();
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
    // Own process group: a terminal's Ctrl-C reaches only this supervisor, which then sends each child
    // exactly one SIGTERM (a second signal would make them skip the drain).
    const child = spawn(process.execPath, [path.join(root, entry)], {
      stdio: "inherit",
      env: process.env,
      detached: true,
    });
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
        say(`Console      ${api.publicUrl}/console/`);
        say(`OpenAPI      ${api.publicUrl}/openapi.json`);
        say(`try: curl -H "X-API-Key: $(cat ${keyFile})" ${api.publicUrl}/api/integration/health`);
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
