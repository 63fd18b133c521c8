// --help for the CLI, a group and a command, and the usage lines printed with
// usage errors, all rendered from the commands' declarations (command.ts).
import type { Command, CommandGroup, Flag } from "./command";

const HELP_FLAG: Flag = { type: "boolean", short: "h", help: "show this help" };

function flagUsage(name: string, f: Flag): string {
  const flag = f.short ? `-${f.short}` : `--${name}`;
  const text = f.type === "boolean" ? flag : `${flag} ${f.value ?? "VALUE"}`;
  if (f.required) return text;
  return f.multiple ? `[${text}]…` : `[${text}]`;
}

/** `opsdeck queues clean <queue> --state STATE [--grace AGE] …` */
function usageLine(group: string, name: string, c: Command): string {
  return [
    `opsdeck ${group} ${name}`,
    ...c.args.map((a) => `<${a}>`),
    ...Object.entries(c.flags).map(([n, f]) => flagUsage(n, f)),
  ].join(" ");
}

/** What follows a usage error: the usage line, an example and where the rest is. */
export function usageHint(group: string, name: string, c: Command): string {
  return [
    `usage: ${usageLine(group, name, c)}`,
    ...(c.examples[0] ? [`example: ${c.examples[0]}`] : []),
    `more: opsdeck ${group} ${name} --help`,
  ].join("\n");
}

export function commandHelp(group: string, name: string, c: Command): string {
  const rows = [...Object.entries(c.flags), ["help", HELP_FLAG] as const].map(([n, f]) => {
    const left = `${f.short ? `-${f.short}, ` : "    "}--${n}${f.type === "string" ? ` ${f.value ?? "VALUE"}` : ""}`;
    const dflt = f.default !== undefined && f.default !== false ? ` (default ${String(f.default)})` : "";
    return [left, `${f.help}${f.required ? " (required)" : ""}${dflt}`] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    `usage: ${usageLine(group, name, c)}`,
    "",
    c.description,
    "",
    "options:",
    ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`),
    "",
    c.examples.length > 1 ? "examples:" : "example:",
    ...c.examples.map((e) => `  ${e}`),
    "",
  ].join("\n");
}

function commandList(group: string, g: CommandGroup, indent: string): string[] {
  const names = Object.keys(g.commands);
  const width = Math.max(...names.map((n) => n.length));
  return names.map(
    (n) =>
      `${indent}${n.padEnd(width)}  ${g.commands[n]?.description ?? ""}${g.default === n ? ` (also: opsdeck ${group})` : ""}`,
  );
}

export function groupHelp(name: string, g: CommandGroup): string {
  return [
    `usage: opsdeck ${name} <command> [arguments] [options]`,
    "",
    g.description,
    "",
    "commands:",
    ...commandList(name, g, "  "),
    "",
    `opsdeck ${name} <command> --help shows a command's flags and an example.`,
    "",
  ].join("\n");
}

export function mainHelp(groups: Record<string, CommandGroup>): string {
  const lines = [
    "usage: opsdeck <group> <command> [arguments] [options]",
    "       opsdeck <group> <command> --help     flags and an example",
    "       opsdeck --version",
    "",
    "env: OPSDECK_URL (the API, default http://127.0.0.1:3000) and OPSDECK_KEY (an API key);",
    "     keys commands use DATABASE_URL instead",
    "",
  ];
  for (const [name, g] of Object.entries(groups)) {
    lines.push(`${name} — ${g.description}`, ...commandList(name, g, "  "), "");
  }
  return lines.join("\n");
}
