"use client";

import { Bar, CartesianGrid, BarChart as RechartsBarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS } from "./palette";

type Props = {
  /** Says what the chart shows, for screen readers (the page also gives the numbers as a table). */
  label: string;
  data: Record<string, number | string>[];
  xKey: string;
  bars: { key: string; label: string }[];
  stacked?: boolean;
  height?: number;
};

/** Bars per category (a histogram, counts per bucket); values on hover. Client only, like all recharts. */
export function BarChart({ label, data, xKey, bars, stacked = false, height = 220 }: Props) {
  return (
    <figure aria-label={label} className="rounded border border-stone-200 bg-white p-3">
      <ResponsiveContainer width="100%" height={height}>
        <RechartsBarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e7e5e4" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip />
          {bars.map((b, i) => (
            <Bar
              key={b.key}
              dataKey={b.key}
              name={b.label}
              fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              stackId={stacked ? "stack" : undefined}
              isAnimationActive={false}
            />
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
      <figcaption className="mt-1 text-xs text-stone-600">{label}</figcaption>
    </figure>
  );
}
