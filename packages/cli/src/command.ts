// The shape every CLI command group implements. A group (queues, jobs, keys…)
// is a map of subcommands; main.ts dispatches `opsdeck <group> <command>`.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  /** e.g. "pause <queue>" */
  usage: string;
  description: string;
  /** Resolves on success; throws CliError (or any error) on failure. */
  run(args: string[], io: Io): Promise<void>;
}

export interface CommandGroup {
  description: string;
  commands: Record<string, Command>;
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

export const usageError = (message: string) => new CliError("usage", message, 2);
