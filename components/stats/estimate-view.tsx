import type { Estimate } from "@/lib/agreement/estimate";

type Props = { estimate: Estimate; format?: "ratio" | "percent" };

function show(x: number, format: "ratio" | "percent"): string {
  return format === "percent" ? `${(x * 100).toFixed(1)}%` : x.toFixed(3);
}

/** "0.712 (95% CI 0.650–0.771, 118 pairs)", or the reason the figure cannot be computed. */
export function EstimateView({ estimate: e, format = "ratio" }: Props) {
  if (e.value === null) {
    return (
      <span className="text-stone-600">
        {e.reason ?? "not enough data"} ({e.n.toLocaleString("en-US")} {e.unit})
      </span>
    );
  }
  const count = `${e.n.toLocaleString("en-US")} ${e.unit}`;
  const interval =
    e.ciLow !== null && e.ciHigh !== null ? `95% CI ${show(e.ciLow, format)}–${show(e.ciHigh, format)}, ` : "";
  return (
    <span>
      <span className="font-semibold tabular-nums">{show(e.value, format)}</span>{" "}
      <span className="text-sm text-stone-600 tabular-nums">
        ({interval}
        {count})
      </span>
    </span>
  );
}
