// promtool (Prometheus's own checker) for the metrics tests: found on PATH or
// installed by scripts/install-promtool.sh, which prints its path either way
// (quick when present; a failed install fails the test).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

let found: string | undefined;

function promtoolPath(): string {
  found ??= execFileSync(path.resolve(__dirname, "../../scripts/install-promtool.sh"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 600_000, // ms: apt-get update and a 19 MB download when missing
  }).trim();
  return found;
}

/** `promtool check metrics` over an exposition text: its exit status and what it printed (problems, one a line). */
export function checkMetrics(text: string): { status: number | null; output: string } {
  const r = spawnSync(promtoolPath(), ["check", "metrics"], { input: text, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}
