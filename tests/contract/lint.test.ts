// The committed openapi.json passes an independent OpenAPI linter with no
// errors and no warnings: Redocly CLI's `lint` with its recommended ruleset
// (examples must match their schemas, every tag described, a licence, …).
// document.test.ts keeps the committed copy equal to what the routes build.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");
const REDOCLY = path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js");

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

it("lints clean with Redocly's recommended ruleset", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [REDOCLY, "lint", "openapi.json", "--extends=recommended", "--format=json", "--max-problems=1000"],
    {
      cwd: ROOT,
      // The CLI would otherwise phone home (telemetry, update check); this machine is offline.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    },
  ).catch((err: { stdout?: string; stderr?: string }) => {
    // Exit 1 when it finds errors: the report is still on stdout.
    if (!err.stdout) throw err;
    return { stdout: err.stdout };
  });
  const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: Problem[] };
  const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  expect(problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
});

it("declares the repository's licence", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { license: string };
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, "openapi.json"), "utf8")) as {
    info: { license?: { identifier?: string } };
  };
  expect(doc.info.license?.identifier).toBe(pkg.license);
});
