// Time series with uPlot: canvas drawing that stays fast with thousands of
// points (30 days of rollups, many queues on one page), and small (~50 KB).
// One component for the sparklines and the full charts; the plot is built
// once and fed new data on refetch (setData), so a live refresh never
// rebuilds or blanks it. Loaded on demand through Chart.tsx.
import "uplot/dist/uPlot.min.css";

import { useEffect, useRef } from "react";
import uPlot from "uplot";

interface Series {
  label: string;
  /** A CSS variable holding the colour, e.g. --chart-1. */
  colorVar: string;
  values: (number | null)[];
}

export interface ChartProps {
  /** Epoch seconds, ascending. */
  times: number[];
  series: Series[];
  height: number;
  /** Text for screen readers: what the chart shows, in words. */
  label: string;
  /** A sparkline: no axes, no legend, fixed width. */
  spark?: boolean;
  width?: number;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
}

export default function Plot({ times, series, height, label, spark = false, width }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = [times, ...series.map((s) => s.values)] as uPlot.AlignedData;
  const shape = `${spark}|${height}|${width ?? ""}|${series.map((s) => s.label).join(",")}`;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const axisColor = cssVar("--muted");
    const opts: uPlot.Options = {
      width: width ?? Math.max(el.clientWidth, 200),
      height,
      legend: { show: !spark },
      cursor: { show: !spark },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: true },
        // From zero, with headroom, so a flat line (a quiet hour) is still drawn inside the box, not on its edge.
        y: { range: (_u, _min, max) => [-Math.max(max, 1) * 0.08, Math.max(max, 1) * 1.08] },
      },
      axes: spark
        ? [{ show: false }, { show: false }]
        : [
            { stroke: axisColor, grid: { stroke: cssVar("--grid") }, ticks: { stroke: cssVar("--grid") } },
            { stroke: axisColor, grid: { stroke: cssVar("--grid") }, ticks: { stroke: cssVar("--grid") }, size: 60 },
          ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: cssVar(s.colorVar),
          width: spark ? 1.5 : 2,
          points: { show: false },
        })),
      ],
    };
    const p = new uPlot(opts, data, el);
    plot.current = p;
    const resize = new ResizeObserver(() => {
      if (!width) p.setSize({ width: Math.max(el.clientWidth, 200), height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      p.destroy();
      plot.current = null;
    };
    // Rebuilt only when its shape changes; new data goes through setData below.
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return <div ref={box} className={spark ? "spark" : "chart"} role="img" aria-label={label} />;
}
