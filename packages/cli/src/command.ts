// The shape every CLI command implements. A group (queues, jobs, keys…) is a
// map of commands; main.ts dispatches `opsdeck <group> <command>`. A command
// declares its arguments, flags and examples as data: the same declaration
// parses the command line (node:util parseArgs) and renders its --help and
// the usage line printed with every usage error (help.ts).
import { parseArgs } from "node:util";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** One flag: a node:util parseArgs option, plus what --help says about it. */
export interface Flag {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Placeholder of a string flag's value in help, e.g. "N" or "1h|ISO". @defaultValue "VALUE" */
  value?: string;
  /** One line for --help. */
  help: string;
  /** Written without brackets in the usage line, and checked before the command runs. */
  required?: boolean;
  /**
   * The API field this flag fills, when that is not the flag's name with "-"
   * as "_": the API's validation errors on the field are shown as this flag's.
   */
  field?: string;
}

export type Flags = Record<string, Flag>;

type Parsed<F extends Flags> = ReturnType<
  typeof parseArgs<{ args: string[]; options: F; allowPositionals: true; strict: true }>
>["values"];

/** The parsed flags, with required ones typed as present. */
type Values<F extends Flags> = Parsed<F> & {
  [K in keyof F as F[K] extends { required: true } ? K : never]-?: string;
};

export interface Command {
  description: string;
  /** Positional arguments, in order, shown as `<name>`; all required. */
  args: readonly string[];
  flags: Flags;
  /** Full command lines; the first is printed with usage errors. */
  examples: readonly string[];
  /** Parses `argv` against `args` and `flags` (a usage error, exit 2, when it does not fit), then runs. */
  run(argv: string[], io: Io): Promise<void>;
}

export interface CommandGroup {
  description: string;
  commands: Record<string, Command>;
  /** What `opsdeck <group>` (or `opsdeck <group> --flag…`) runs; without it, the group's help. */
  default?: string;
}

/** A failure with a stable code, printed as one line: `error: <code>: <message>`. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Process exit code. @defaultValue 1 */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A command line that does not fit: main.ts adds the usage line and an example (exit 2). */
export const usageError = (message: string) => new CliError("usage", message, 2);

/** parseArgs' failures in the CLI's words. */
function parseFailure(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const named = /'([^']+)'/.exec(e.message ?? "")?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && named) return `unknown flag '${named}'`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && named && /argument missing/.test(e.message ?? "")) {
    return `${/--[\w-]+/.exec(named)?.[0] ?? named} needs a value`;
  }
  return e.message ?? String(err);
}

function parseInput<F extends Flags>(argv: string[], flags: F, args: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(parseFailure(err));
  }
  const given = parsed.positionals;
  if (given.length < args.length) {
    throw usageError(
      `missing ${args
        .slice(given.length)
        .map((a) => `<${a}>`)
        .join(" ")}`,
    );
  }
  if (given.length > args.length) throw usageError(`unexpected argument '${given[args.length]}'`);
  const values = parsed.values as Record<string, unknown>;
  for (const [name, flag] of Object.entries(flags)) {
    if (flag.required && values[name] === undefined) throw usageError(`--${name} is required`);
  }
  return { values: parsed.values as Values<F>, args: given };
}

/** A command from its declaration; `run` gets the flags typed by `flags` and one string per declared argument. */
export function command<const F extends Flags, const A extends readonly string[] = []>(spec: {
  description: string;
  args?: A;
  flags: F;
  examples: string[];
  run(input: { values: Values<F>; args: { [K in keyof A]: string } }, io: Io): Promise<void>;
}): Command {
  const args: readonly string[] = spec.args ?? [];
  return {
    description: spec.description,
    args,
    flags: spec.flags,
    examples: spec.examples,
    run: (argv, io) => {
      const input = parseInput(argv, spec.flags, args);
      return spec.run({ values: input.values, args: input.args as { [K in keyof A]: string } }, io);
    },
  };
}
