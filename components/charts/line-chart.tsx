"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLORS } from "./palette";

export type LineSeries = {
  key: string;
  label: string;
  /** Keys of this series' 95% interval in each point; drawn as a shaded band. */
  band?: { low: string; high: string };
};

type Props = {
  /** Says what the chart shows, for screen readers (the page also gives the numbers as a table). */
  label: string;
  data: Record<string, number | string | null>[];
  xKey: string;
  xLabel?: string;
  yLabel?: string;
  series: LineSeries[];
  yDomain?: [number | "auto", number | "auto"];
  height?: number;
};

/**
 * Lines over a shared x axis, each with an optional interval band; values on hover. Recharts draws
 * only in the browser (its server render is an empty div), so this is a client component.
 */
export function LineChart({ label, data, xKey, xLabel, yLabel, series, yDomain, height = 260 }: Props) {
  const rows = data.map((point) => {
    const row: Record<string, unknown> = { ...point };
    for (const s of series) {
      if (s.band) row[`${s.key}__band`] = [point[s.band.low], point[s.band.high]];
    }
    return row;
  });
  return (
    <figure aria-label={label} className="rounded border border-stone-200 bg-white p-3">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: xLabel ? 20 : 4, left: 4 }}>
          <CartesianGrid stroke="#e7e5e4" />
          <XAxis
            dataKey={xKey}
            tick={{ fontSize: 12 }}
            label={xLabel ? { value: xLabel, position: "insideBottom", offset: -12, fontSize: 12 } : undefined}
          />
          <YAxis
            tick={{ fontSize: 12 }}
            domain={yDomain ?? ["auto", "auto"]}
            label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fontSize: 12 } : undefined}
          />
          <Tooltip />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s, i) =>
            s.band ? (
              <Area
                key={`${s.key}__band`}
                dataKey={`${s.key}__band`}
                name={`${s.label} (95% CI)`}
                stroke="none"
                fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                fillOpacity={0.15}
                isAnimationActive={false}
                legendType="none"
              />
            ) : null,
          )}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={2}
              dot={data.length <= 40}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="mt-1 text-xs text-stone-600">{label}</figcaption>
    </figure>
  );
}
