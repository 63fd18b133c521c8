// Output helpers: aligned plain-text tables, key/value blocks, lines and JSON.
// Everything the CLI prints for a human that comes from data (the API's
// answers, the database, the server's error messages) goes through
// `printable`, so a log message or a job name holding `ESC[2J` or a bidi
// override is shown as `\x1b[2J` / `\u202e` instead of driving the terminal.

/**
 * Characters a terminal acts on instead of showing: C0 controls, DEL, C1
 * controls (U+0080–U+009F: 8-bit CSI, OSC…) and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what
 * follows them on the line.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** CONTROL less C0, which JSON.stringify already escapes inside strings (and "\n" is its layout outside them). */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).padStart(digits, "0");
const escape = (c: string) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);

/**
 * `text` with every control character shown as an escape (`\x1b`, `\n`,
 * `\u202e`). `keepNewlines` keeps "\n" for multi-line blocks (a stack trace);
 * a table cell or a one-line value gets it escaped, so data cannot break the
 * layout. Backslashes are left as they are: the exact value is in `--json`.
 */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(CONTROL, (c) => (keepNewlines && c === "\n" ? c : escape(c)));
}

/** A value as one printable line: null and undefined as "-", objects as JSON. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "-";
  return printable(typeof value === "object" ? JSON.stringify(value) : String(value));
}

/** A template whose own text is kept and whose interpolated values are printed as `cell` prints them. */
export function line(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? cell(values[i]) : ""), "");
}

/** A multi-line value (a stack trace, log lines), each line indented by `indent`. */
export function block(text: string, indent = "  "): string {
  return printable(text.replace(/\r\n/g, "\n"), true)
    .split("\n")
    .map((l) => indent + l)
    .join("\n");
}

/** `text` cut to `max` characters (an ellipsis marks the cut), for a table column. */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function table(headers: string[], rows: unknown[][]): string {
  const cells = rows.map((r) => r.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const row = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [row(headers), row(widths.map((w) => "-".repeat(w))), ...cells.map(row)].join("\n") + "\n";
}

/** "12 of 40 — next page: --offset 12", under a table paged by offset. */
export function pageFooter(shown: number, p: { total: number; offset: number }): string {
  const next = p.offset + shown < p.total ? ` — next page: --offset ${p.offset + shown}` : "";
  return `${shown} of ${p.total}${next}\n`;
}

export function keyValues(pairs: [string, unknown][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${k.padEnd(width)}  ${cell(v)}`).join("\n") + "\n";
}

/**
 * Exact JSON: JSON.stringify escapes C0 controls itself; DEL, C1 and the bidi
 * controls it leaves raw are written as \u escapes too (the same JSON value),
 * so piping --json to a terminal is as safe as the tables.
 */
export const json = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${hex(c, 4)}`) + "\n";
