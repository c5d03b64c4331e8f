"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SERIES_COLORS } from "@/components/charts/palette";

export type GoodhartPoint = {
  n: number;
  kl: number;
  proxy: number;
  proxyLow: number;
  proxyHigh: number;
  truth: number;
  truthLow: number;
  truthHigh: number;
};

const PROXY = SERIES_COLORS[0];
const TRUTH = SERIES_COLORS[1];
/** Each curve on its own axis (the proxy's scale is the model's, the truth's a probability). */
const CURVES = [
  { key: "proxy", name: "Reward model score (proxy)", color: PROXY },
  { key: "truth", name: "True win probability", color: TRUTH },
] as const;

/**
 * The Goodhart curve: the reward model's score (left axis) and the true win probability (right
 * axis) of the best-of-n move against KL from the base policy, on a true numeric KL axis, each
 * with its 95% band, and the fitted peak of the truth as a vertical line.
 */
export function GoodhartChart({
  points,
  peakKl,
  side,
}: {
  points: GoodhartPoint[];
  peakKl: number | null;
  side: string;
}) {
  const rows = points.map((p) => ({
    ...p,
    kl: Number(p.kl.toFixed(3)),
    proxyBand: [p.proxyLow, p.proxyHigh],
    truthBand: [p.truthLow, p.truthHigh],
  }));
  const maxKl = points.at(-1)?.kl ?? 1;
  return (
    <figure
      aria-label={`Best-of-n: reward model score and true win probability for ${side} against KL divergence`}
      className="rounded border border-stone-200 bg-white p-3"
      data-testid="goodhart-chart"
    >
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={rows} margin={{ top: 20, right: 8, bottom: 24, left: 4 }}>
          <CartesianGrid stroke="#e7e5e4" />
          <XAxis
            dataKey="kl"
            type="number"
            domain={[0, Math.ceil(maxKl * 10) / 10]}
            tick={{ fontSize: 12 }}
            label={{ value: "KL from the policy (nats)", position: "insideBottom", offset: -12, fontSize: 12 }}
          />
          <YAxis yAxisId="proxy" tick={{ fontSize: 12, fill: PROXY }} domain={["auto", "auto"]} width={48} />
          <YAxis
            yAxisId="truth"
            orientation="right"
            tick={{ fontSize: 12, fill: TRUTH }}
            domain={["auto", "auto"]}
            tickFormatter={(v: number) => `${Math.round(100 * v)}%`}
            width={44}
          />
          <Tooltip
            formatter={(value, name) =>
              typeof value === "number"
                ? [name === "True win probability" ? `${(100 * value).toFixed(1)}%` : value.toFixed(3), name]
                : [String(value), name]
            }
            labelFormatter={(kl) => `KL ${kl}`}
          />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
          {CURVES.map((c) => (
            <Area
              key={`${c.key}Band`}
              yAxisId={c.key}
              dataKey={`${c.key}Band`}
              name={`${c.name} 95% CI`}
              stroke="none"
              fill={c.color}
              fillOpacity={0.15}
              isAnimationActive={false}
              legendType="none"
            />
          ))}
          {CURVES.map((c) => (
            <Line
              key={c.key}
              yAxisId={c.key}
              dataKey={c.key}
              name={c.name}
              stroke={c.color}
              strokeWidth={2}
              isAnimationActive={false}
              dot={{ r: 2 }}
            />
          ))}
          {peakKl !== null && peakKl <= maxKl * 1.5 && (
            <ReferenceLine
              yAxisId="truth"
              x={Number(peakKl.toFixed(3))}
              stroke="#57534e"
              strokeDasharray="4 3"
              label={{ value: "fitted peak", fontSize: 11, position: "insideTopRight" }}
              ifOverflow="extendDomain"
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="mt-1 text-xs text-stone-600">
        Left axis (blue): the reward model&apos;s score of the move chosen as the best of n. Right axis (orange): that
        move&apos;s true win probability for {side}. Shaded: 95% bootstrap intervals over positions.
      </figcaption>
    </figure>
  );
}
