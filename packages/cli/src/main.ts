// The `opsdeck` CLI: `opsdeck <group> <command> [args]`. Groups live in
// commands/<group>.ts and register here; `run` returns the exit code (0 ok,
// 1 failure, 2 usage) and never calls process.exit, so tests can drive it.
import { OpsdeckError } from "@opsdeck/client";

import { CliError, type CommandGroup, type Io } from "./command";
import { demo } from "./commands/demo";
import { integrations } from "./commands/integrations";
import { jobs } from "./commands/jobs";
import { keys } from "./commands/keys";
import { logs } from "./commands/logs";
import { queues } from "./commands/queues";

export const groups: Record<string, CommandGroup> = { keys, queues, jobs, logs, integrations, demo };

function help(): string {
  const lines = [
    "usage: opsdeck <group> <command> [options]",
    "",
    "env: OPSDECK_URL (default http://127.0.0.1:3000), OPSDECK_KEY",
    "",
  ];
  for (const [name, g] of Object.entries(groups)) {
    lines.push(`${name} — ${g.description}`);
    for (const c of Object.values(g.commands))
      lines.push(`  opsdeck ${name} ${c.usage}`.padEnd(72) + `  ${c.description}`);
    lines.push("");
  }
  return lines.join("\n");
}

const defaultIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
};

export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  // `opsdeck demo [--exit]` is short for `opsdeck demo run`.
  if (argv[0] === "demo" && (argv.length === 1 || argv[1]?.startsWith("--"))) argv = ["demo", "run", ...argv.slice(1)];
  const [groupName, commandName, ...rest] = argv;
  if (!groupName || groupName === "help" || groupName === "--help" || groupName === "-h") {
    io.out(help());
    return groupName ? 0 : 2;
  }
  const group = groups[groupName];
  const command = group && commandName ? group.commands[commandName] : undefined;
  if (!command) {
    io.err(`error: usage: unknown command '${[groupName, commandName].filter(Boolean).join(" ")}'\n\n${help()}`);
    return 2;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.err(
        `error: ${err.code}: ${err.message}${err.exitCode === 2 ? `\nusage: opsdeck ${groupName} ${command.usage}` : ""}\n`,
      );
      return err.exitCode;
    }
    // From the API client: the API's own error code and message, or connection_failed.
    if (err instanceof OpsdeckError) {
      io.err(`error: ${err.code}: ${err.message}\n`);
      return 1;
    }
    io.err(`error: internal: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
