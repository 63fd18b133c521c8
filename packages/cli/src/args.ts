// Flags shared by several commands, and the converters of flag values
// (numbers, durations, times) that fail as usage errors naming the flag.
import { usageError } from "./command";

export const JSON_FLAG = {
  json: { type: "boolean", default: false, help: "print the answer as JSON instead of a table" },
} as const;

export const PAGE_FLAGS = {
  limit: { type: "string", value: "N", help: "how many to show (default 50, at most 100)" },
  offset: { type: "string", value: "N", help: "skip this many (the next page)" },
} as const;

export function intOption(value: string, name: string): number;
export function intOption(value: string | undefined, name: string): number | undefined;
export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(`--${name} must be a whole number, e.g. --${name} 100`);
  return Number(value);
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** "90s", "15m", "24h", "30d", or a bare number of seconds → seconds. */
export function seconds(value: string, name: string): number;
export function seconds(value: string | undefined, name: string): number | undefined;
export function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,9})([smhd]?)$/.exec(value);
  if (!m) throw usageError(`--${name} must be a duration like 90s, 15m, 24h or 30d (got '${value}')`);
  return (Number(m[1]) * UNIT_MS[(m[2] || "s") as Unit]) / 1_000;
}

/** `--since 15m` / `2h` / `7d` (that long ago), or an ISO time → ISO time. */
export function time(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const rel = /^(\d+)([smhd])$/.exec(value);
  if (rel) return new Date(Date.now() - Number(rel[1]) * UNIT_MS[rel[2] as Unit]).toISOString();
  if (Number.isNaN(Date.parse(value))) {
    throw usageError(`--${name} must be an ISO time or a duration ago like 15m, 2h, 7d (got '${value}')`);
  }
  return new Date(value).toISOString();
}

/** `params` without its empty strings: an empty flag (`-q ""`) means no filter. */
export function withoutEmpty<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== "")) as T;
}
