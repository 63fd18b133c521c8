// `opsdeck --help`, `--version`, a group's and a command's --help, and usage
// errors that say what to type (no API or database needed: all of these are
// answered before any connection).
import fs from "node:fs";
import path from "node:path";

import { groups } from "../../packages/cli/src/main";
import { opsdeck } from "./inProcess";

const VERSION = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../packages/cli/package.json"), "utf8")) as {
    version: string;
  }
).version;

it("prints its version for --version, -V and -v", async () => {
  for (const flag of ["--version", "-V", "-v"]) {
    expect(await opsdeck([flag])).toEqual({ code: 0, stdout: `opsdeck ${VERSION}\n`, stderr: "" });
  }
});

it("lists every group and command for --help, -h and help", async () => {
  for (const argv of [["--help"], ["-h"], ["help"]]) {
    const r = await opsdeck(argv);
    expect(r.code).toBe(0);
    for (const [name, g] of Object.entries(groups)) {
      expect(r.stdout).toContain(`\n${name} — ${g.description}\n`);
      for (const c of Object.keys(g.commands)) expect(r.stdout).toMatch(new RegExp(`\\n  ${c} +\\S`));
    }
  }
});

it("shows a group's commands for `<group> --help` and `help <group>`", async () => {
  for (const argv of [
    ["queues", "--help"],
    ["queues", "-h"],
    ["help", "queues"],
  ]) {
    const r = await opsdeck(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: opsdeck queues <command>/);
    for (const c of ["list", "get", "pause", "resume", "retry", "clean", "promote"]) {
      expect(r.stdout).toMatch(new RegExp(`\\n  ${c} +\\S`));
    }
  }
});

it("shows a command's flags and an example for `<group> <command> --help`", async () => {
  const r = await opsdeck(["jobs", "retry", "--help"]);
  expect(r).toMatchObject({ code: 0, stderr: "" });
  expect(r.stdout).toMatch(/^usage: opsdeck jobs retry <job_id> \[--queue QUEUE\] \[--json\]\n/);
  expect(r.stdout).toMatch(/\n {6}--queue QUEUE {2}the job's queue/);
  expect(r.stdout).toMatch(/\n {2}-h, --help +show this help\n/);
  expect(r.stdout).toMatch(/\nexample:\n {2}opsdeck jobs retry \S+ --queue \S+\n/);
  expect((await opsdeck(["help", "jobs", "retry"])).stdout).toBe(r.stdout);
});

it("gives every command a description, help for each flag and an example of itself", async () => {
  for (const [group, g] of Object.entries(groups)) {
    for (const [name, c] of Object.entries(g.commands)) {
      expect(c.description).not.toBe("");
      for (const f of Object.values(c.flags)) expect(f.help).not.toBe("");
      expect(c.examples.length).toBeGreaterThan(0);
      const prefixes = [`opsdeck ${group} ${name}`, ...(g.default === name ? [`opsdeck ${group}`] : [])];
      for (const e of c.examples) expect(prefixes.some((p) => e === p || e.startsWith(`${p} `))).toBe(true);
      const r = await opsdeck([group, name, "--help"]);
      expect(r.code).toBe(0);
      for (const flag of Object.keys(c.flags)) expect(r.stdout).toContain(`--${flag}`);
    }
  }
});

describe("usage errors say what to type", () => {
  it("names a missing argument, with the usage line, an example and where help is", async () => {
    const r = await opsdeck(["queues", "clean"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr.split("\n")).toEqual([
      "error: usage: missing <queue>",
      "usage: opsdeck queues clean <queue> --state STATE [--grace AGE] [--limit N] [--dry-run] [--json]",
      "example: opsdeck queues clean email-sending --state completed --grace 24h --dry-run",
      "more: opsdeck queues clean --help",
      "",
    ]);
  });

  it("names a missing required flag, an unknown flag, a flag without its value and a stray argument", async () => {
    expect((await opsdeck(["jobs", "list"])).stderr).toMatch(
      /^error: usage: --queue is required\nusage: opsdeck jobs list --queue QUEUE /,
    );
    expect((await opsdeck(["queues", "list", "--bogus"])).stderr).toMatch(
      /^error: usage: unknown flag '--bogus'\nusage: opsdeck queues list \[--json\]\n/,
    );
    expect((await opsdeck(["logs", "search", "-q"])).stderr).toMatch(/^error: usage: --query needs a value\n/);
    expect((await opsdeck(["queues", "list", "extra"])).stderr).toMatch(/^error: usage: unexpected argument 'extra'\n/);
    for (const argv of [
      ["jobs", "list"],
      ["queues", "list", "--bogus"],
      ["queues", "list", "extra"],
    ]) {
      expect((await opsdeck(argv)).code).toBe(2);
    }
  });

  it("says a role is invalid and lists the valid ones", async () => {
    const r = await opsdeck(["keys", "create", "--name", "x", "--role", "admin"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      "error: usage: --role 'admin' is not a role; use one of: ops, viewer, integration",
    );
  });

  it("says how to write a number or a duration it could not read", async () => {
    expect((await opsdeck(["queues", "retry", "q", "--limit", "many"])).stderr).toMatch(
      /^error: usage: --limit must be a whole number, e.g. --limit 100\n/,
    );
    expect((await opsdeck(["queues", "clean", "q", "--state", "failed", "--grace", "soon"])).stderr).toMatch(
      /^error: usage: --grace must be a duration like 90s, 15m, 24h or 30d \(got 'soon'\)\n/,
    );
  });

  it("lists the groups, or a group's commands, for an unknown one", async () => {
    const g = await opsdeck(["bogus"]);
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/^error: usage: unknown command 'bogus'; the groups are queues, jobs, logs, /);
    const c = await opsdeck(["queues", "bogus"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^error: usage: unknown command 'queues bogus'\n\nusage: opsdeck queues <command>/);
    expect(c.stderr).toMatch(/\n {2}promote +Move delayed jobs/);
  });

  it("shows a group's help when no command is named, and the main help with no arguments, exit 2", async () => {
    expect(await opsdeck(["queues"])).toMatchObject({
      code: 2,
      stdout: expect.stringMatching(/^usage: opsdeck queues/),
    });
    expect(await opsdeck([])).toMatchObject({ code: 2, stdout: expect.stringMatching(/^usage: opsdeck <group>/) });
  });
});
