// Numbers, times and durations for people, through Intl (the browser's locale).
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export const formatCount = (n: number | null | undefined): string => (n == null ? "—" : integer.format(n));

/** A fraction (0.125) as a percentage ("12.5%"). */
export const formatRatio = (r: number | null | undefined): string => (r == null ? "—" : percent.format(r));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago" for an ISO time. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "—";
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") return relative.format(Math.round(seconds / size), unit);
  }
  return "—";
}

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : "—");

const DURATION_UNITS: [number, string][] = [
  [86_400, "d"],
  [3_600, "h"],
  [60, "min"],
];

/** A duration in seconds as "1 h 5 min", "42 s": the two largest units. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return "—";
  if (seconds < 60) return `${integer.format(seconds)} s`;
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [size, label] of DURATION_UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${integer.format(Math.floor(rest / size))} ${label}`);
      rest %= size;
    }
  }
  return parts.join(" ");
}

/** Milliseconds as "850 ms" or "1.2 s". */
export const formatMs = (ms: number | null | undefined): string =>
  ms == null
    ? "—"
    : ms < 1000
      ? `${integer.format(ms)} ms`
      : `${(ms / 1000).toLocaleString(undefined, { maximumFractionDigits: 1 })} s`;

const bytes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A size in bytes as "12.3 MB" (powers of 1000, as file managers show them). */
export function formatBytes(n: number | null | undefined): string {
  if (n == null) return "—";
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${bytes.format(v)} ${units[i]}`;
}
