// Once per `npm test`: migrate a fresh template database. Each test file
// clones it (CREATE DATABASE … TEMPLATE) and drops its clone afterwards, so
// tests never touch a developer's data and never depend on an earlier run.
// Also creates the run's conformance directory, where every test file logs
// the documented operations it called (tests/helpers/conformance.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { dropDatabase, ensureDatabase } from "../../packages/db/src/ensureDatabase";
import { migrate } from "../../packages/db/src/migrate";
import { COVERAGE_DIR_ENV } from "../helpers/conformance";

export const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432";

export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const template = `opsdeck_test_tpl_${run}`;
  const url = `${SERVER_URL}/${template}`;
  await dropDatabase(url);
  await ensureDatabase(url);
  await migrate(url);
  process.env.OPSDECK_TEST_RUN = run;
  process.env.OPSDECK_TEST_TEMPLATE = template;
  // Set before jest starts any worker, so every test process inherits it.
  process.env[COVERAGE_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), `opsdeck-conformance-${run}-`));
}
