// Charts load uPlot in a chunk of their own, fetched when a page first draws
// one: the jobs and logs pages show their rows without waiting for charting
// code, and the histogram fills in once it arrives (same box, same label).
import { lazy, Suspense } from "react";

import type { ChartProps } from "./Plot";

const Plot = lazy(() => import("./Plot"));

export function Chart(props: ChartProps) {
  const placeholder = (
    <div
      className={props.spark ? "spark" : "chart"}
      style={{ height: props.height, width: props.width }}
      role="img"
      aria-label={props.label}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <Plot {...props} />
    </Suspense>
  );
}
