// Reading rollups across granularities. Each granularity is authoritative up
// to the end of its watermark; later time comes from the next finer one. So a
// "last 30 days" read takes days up to the last compacted day, hours after
// that, minutes after the last compacted hour — no bucket is counted twice and
// the current, not yet compacted, period is included.
import type pg from "pg";

import { BUCKET_MS, type Granularity } from "./buckets";
import { getWatermarks } from "./retention";

export interface Layer {
  granularity: Granularity;
  /** Inclusive start, exclusive end (ms). */
  from: number;
  to: number;
}

const FINER: Record<Granularity, Granularity[]> = {
  day: ["day", "hour", "minute"],
  hour: ["hour", "minute"],
  minute: ["minute"],
};

const MIN = 0;
const MAX = Date.UTC(9999, 0, 1);

/** Layers that together cover every time, coarsest first, for reads at `target` granularity or coarser. */
export async function readLayers(pool: pg.Pool, target: Granularity): Promise<Layer[]> {
  const marks = await getWatermarks(pool);
  const gs = FINER[target];
  const out: Layer[] = [];
  let from = MIN;
  gs.forEach((g, i) => {
    const last = i === gs.length - 1;
    const mark = marks[g];
    if (!last && !mark) return; // nothing compacted at g yet: the finer layers cover it
    const to = last || !mark ? MAX : mark.getTime() + BUCKET_MS[g];
    if (to > from) out.push({ granularity: g, from, to });
    from = Math.max(from, to);
  });
  return out;
}

/** SQL predicate selecting `layers` (params appended to `params`). */
export function layerPredicate(layers: Layer[], params: unknown[]): string {
  const parts = layers.map((l) => {
    params.push(l.granularity, new Date(l.from), new Date(l.to));
    const n = params.length;
    return `(granularity = $${n - 2} AND bucket >= $${n - 1} AND bucket < $${n})`;
  });
  return parts.length ? `(${parts.join(" OR ")})` : "false";
}
