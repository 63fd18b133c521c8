// Drops the run's template database, then checks conformance coverage: when
// the whole suite ran, every operation in openapi.json must have been called
// at least once (the calls were logged by tests/helpers/conformance.ts), and
// every tolerated known mismatch must still occur.
// Throwing here makes jest exit non-zero after all test files have reported.
// OPSDECK_CONFORMANCE_REPORT=<file> writes each operation's statuses there.
import fs from "node:fs";

import { dropDatabase } from "../../packages/db/src/ensureDatabase";
import { ConformanceValidator, COVERAGE_DIR_ENV, readCalls } from "../helpers/conformance";
import { SERVER_URL } from "./globalSetup";

/** The part of jest's GlobalConfig that says whether a run was narrowed (see wholeSuite). */
interface RunSelection {
  testPathPatterns?: { isSet?: () => boolean; patterns?: string[] } | string[];
  nonFlagArgs?: string[];
  testNamePattern?: string;
  filter?: string;
  shard?: unknown;
  onlyChanged?: boolean;
  onlyFailures?: boolean;
  findRelatedTests?: boolean;
  lastCommit?: boolean;
  changedSince?: string;
  listTests?: boolean;
  watch?: boolean;
  watchAll?: boolean;
}

/**
 * Whether every test of the suite was selected: no path patterns, no -t, no
 * shard, no changed-files mode. OPSDECK_CONFORMANCE_COVERAGE=on|off overrides
 * (on: check even a narrowed run; off: never check).
 */
export function wholeSuite(config: RunSelection, env = process.env.OPSDECK_CONFORMANCE_COVERAGE): boolean {
  if (env === "on" || env === "1") return true;
  if (env === "off" || env === "0") return false;
  const patterns = config.testPathPatterns;
  const narrowedByPath = Array.isArray(patterns)
    ? patterns.length > 0
    : (patterns?.isSet?.() ?? (patterns?.patterns?.length ?? 0) > 0);
  return !(
    narrowedByPath ||
    (config.nonFlagArgs?.length ?? 0) > 0 ||
    config.testNamePattern ||
    config.filter ||
    config.shard ||
    config.onlyChanged ||
    config.onlyFailures ||
    config.findRelatedTests ||
    config.lastCommit ||
    config.changedSince ||
    config.listTests ||
    config.watch ||
    config.watchAll
  );
}

/** "METHOD /template: statuses" for every documented operation, for OPSDECK_CONFORMANCE_REPORT. */
function coverageSummary(dir: string, validator = new ConformanceValidator()): string {
  const calls = readCalls(dir);
  return validator
    .operations()
    .map((op) => `${op}: ${[...(calls.get(op) ?? [])].sort().join(" ") || "never called"}\n`)
    .join("");
}

export function coverageProblems(dir: string, validator = new ConformanceValidator()): string | null {
  const calls = readCalls(dir);
  const missing = validator.operations().filter((op) => !calls.has(op));
  if (!missing.length) return null;
  return (
    `conformance coverage: ${missing.length} documented operation(s) were never called by the suite:\n` +
    missing.map((op) => `  - ${op}`).join("\n") +
    "\nAdd a test that calls each (through createTestApp, so its responses are validated)."
  );
}

export default async function globalTeardown(globalConfig: RunSelection = {}): Promise<void> {
  const template = process.env.OPSDECK_TEST_TEMPLATE;
  const dir = process.env[COVERAGE_DIR_ENV];
  let problem: string | null = null;
  try {
    // Which operations were called with which statuses, whatever the selection (e.g. to see what a file covers).
    const report = process.env.OPSDECK_CONFORMANCE_REPORT;
    if (dir && report) fs.writeFileSync(report, coverageSummary(dir));
    if (dir && wholeSuite(globalConfig)) {
      problem = coverageProblems(dir);
      const called = readCalls(dir).size;
      console.log(
        `\nconformance: ${called} of ${new ConformanceValidator().operations().length} documented operations called`,
      );
    }
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (template) await dropDatabase(`${SERVER_URL}/${template}`);
  }
  if (problem) throw new Error(problem);
}
