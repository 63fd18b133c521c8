#!/usr/bin/env node
// Entry of the `opsdeck` CLI; the TypeScript sources build to ../dist.
"use strict";
require("../dist/main.js")
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
