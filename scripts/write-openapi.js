#!/usr/bin/env node
// Writes the OpenAPI document built from the route table to openapi.json at
// the repository root (the committed copy; `npm run openapi` refreshes it).
// tests/contract/document.test.ts fails when the committed copy differs from
// what the routes generate, so a route change without its contract is caught.
// Needs the build (apps/api/dist).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { loadConfig } = require(path.join(root, "apps/api/dist/config.js"));
const { buildRouteTable } = require(path.join(root, "apps/api/dist/routes/index.js"));

// Defaults only: the committed document must not depend on the machine's env.
const { openapi } = buildRouteTable(loadConfig({}));
const file = path.join(root, "openapi.json");
fs.writeFileSync(file, `${JSON.stringify(openapi, null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
