// The `opsdeck` CLI: `opsdeck <group> <command> [args]`. Groups live in
// commands/<group>.ts and register here; `run` returns the exit code (0 ok,
// 1 failure, 2 usage) and never calls process.exit, so tests can drive it.
import fs from "node:fs";
import path from "node:path";

import { OpsdeckApiError, OpsdeckError } from "@opsdeck/client";
import { coerceError } from "@opsdeck/core";

import { CliError, type Command, type CommandGroup, type Io } from "./command";
import { alerts } from "./commands/alerts";
import { audit } from "./commands/audit";
import { demo } from "./commands/demo";
import { health } from "./commands/health";
import { integrations } from "./commands/integrations";
import { jobs } from "./commands/jobs";
import { keys } from "./commands/keys";
import { logs } from "./commands/logs";
import { queues } from "./commands/queues";
import { commandHelp, groupHelp, mainHelp, usageHint } from "./help";
import { line } from "./output";

export const groups: Record<string, CommandGroup> = {
  queues,
  jobs,
  logs,
  alerts,
  health,
  integrations,
  audit,
  keys,
  demo,
};

const isHelpFlag = (arg: string | undefined) => arg === "--help" || arg === "-h";
/** In the group or command position, the word works too: `opsdeck help`, `opsdeck queues help`. */
const isHelp = (arg: string | undefined) => isHelpFlag(arg) || arg === "help";
const isVersion = (arg: string | undefined) => arg === "--version" || arg === "-V" || arg === "-v";

function version(): string {
  // dist/main.js (or src/main.ts) → the package's package.json.
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** The API's per-field validation errors, with the fields the command's flags fill named as those flags. */
function fieldProblems(err: OpsdeckApiError, c: Command): string {
  if (!Array.isArray(err.details)) return "";
  const flagOf = new Map(Object.entries(c.flags).map(([name, f]) => [f.field ?? name.replace(/-/g, "_"), `--${name}`]));
  return (err.details as unknown[])
    .flatMap((d) => {
      const { field, message } = (d ?? {}) as { field?: unknown; message?: unknown };
      if (typeof field !== "string" || typeof message !== "string") return [];
      // "body.grace_seconds" → --grace; "body.sending_ips[1]" → --sending-ip.
      const where =
        flagOf.get(
          field
            .split(".")
            .pop()
            ?.replace(/\[\d+\]$/, "") ?? "",
        ) ?? field;
      return [line`  ${where}: ${message}\n`];
    })
    .join("");
}

async function runCommand(io: Io, groupName: string, name: string, c: Command, args: string[]): Promise<number> {
  if (args.some(isHelpFlag)) {
    io.out(commandHelp(groupName, name, c));
    return 0;
  }
  try {
    await c.run(args, io);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.err(line`error: ${err.code}: ${err.message}\n`);
      if (err.exitCode === 2) io.err(`${usageHint(groupName, name, c)}\n`);
      return err.exitCode;
    }
    // From the API client: the API's own error code and message (server text: made printable), or connection_failed.
    if (err instanceof OpsdeckApiError) {
      io.err(line`error: ${err.code}: ${err.message}\n` + fieldProblems(err, c));
      return 1;
    }
    if (err instanceof OpsdeckError) {
      io.err(line`error: ${err.code}: ${err.message} (OPSDECK_URL names the API)\n`);
      return 1;
    }
    io.err(line`error: internal: ${coerceError(err).message}\n`);
    return 1;
  }
}

const defaultIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
};

export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (isVersion(first)) {
    io.out(`opsdeck ${version()}\n`);
    return 0;
  }
  // `opsdeck help [group [command]]` is `opsdeck [group [command]] --help`.
  if (first === "help" && second) return run([second, ...rest, "--help"], io);
  if (!first || isHelp(first)) {
    io.out(mainHelp(groups));
    return first ? 0 : 2;
  }
  const group = Object.hasOwn(groups, first) ? groups[first] : undefined;
  if (!group) {
    io.err(line`error: usage: unknown command '${first}'; the groups are ${Object.keys(groups).join(", ")}\n`);
    io.err("more: opsdeck --help\n");
    return 2;
  }
  // `opsdeck demo --exit` is `opsdeck demo run --exit`.
  if (group.default && (second === undefined || (second.startsWith("-") && !isHelp(second)))) {
    const c = group.commands[group.default] as Command;
    return runCommand(io, first, group.default, c, argv.slice(1));
  }
  if (second === undefined || isHelp(second)) {
    io.out(groupHelp(first, group));
    return second ? 0 : 2;
  }
  const c = Object.hasOwn(group.commands, second) ? group.commands[second] : undefined;
  if (!c) {
    io.err(line`error: usage: unknown command '${first} ${second}'\n\n`);
    io.err(groupHelp(first, group));
    return 2;
  }
  return runCommand(io, first, second, c, rest);
}
