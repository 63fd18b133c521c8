// util.parseArgs with the CLI's conventions: strict options, positionals
// allowed, and parse failures reported as usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";

import { usageError } from "./command";

type Options = NonNullable<ParseArgsConfig["options"]>;

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

export function parse<O extends Options>(args: string[], options: O, positionals: string[]): Parsed<O> {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.positionals.length !== positionals.length) {
    throw usageError(`expected ${positionals.map((p) => `<${p}>`).join(" ") || "no arguments"}`);
  }
  return parsed;
}

export function intOption(value: string, name: string): number;
export function intOption(value: string | undefined, name: string): number | undefined;
export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--${name} must be a whole number`);
  return Number(value);
}

export const JSON_FLAG = { json: { type: "boolean", default: false } } as const;
