// A page's filters live in the URL's search params (so a link pasted into an
// incident channel opens the same view). Absent params read as "", and
// setting one to "" removes it, so URLs stay short.
import { useSearchParams } from "wouter";

export function useUrlParams<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (next: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>;
  const set = (next: Partial<Record<K, string>>) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(next) as [K, string | undefined][]) {
        if (v) out.set(k, v);
        else out.delete(k);
      }
      return out;
    });
  return [values, set];
}

/** A datetime-local input's value ("2026-12-06T06:30") as ISO 8601 in UTC; "" when empty or invalid. */
export function localToIso(local: string): string {
  if (!local) return "";
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? "" : new Date(ms).toISOString();
}

/** ISO 8601 as a datetime-local input's value, in the browser's time zone. */
export function isoToLocal(iso: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return "";
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Keeps only the set values, so optional query params are left out rather than sent empty. */
export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== "" && v !== undefined && v !== null),
  ) as Partial<T>;
}
