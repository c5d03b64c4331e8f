import { EstimateView } from "@/components/stats/estimate-view";
import type { Estimate } from "@/lib/agreement/estimate";
import type { GapPanel } from "@/lib/stats";

type Tile = { label: string; estimate: Estimate; format: "percent" | "seconds"; note?: string };

/** Each figure of the gap with its 95% interval and the count it rests on. */
export function GapTiles({ gap }: { gap: GapPanel }) {
  const tiles: Tile[] = [
    { label: "Median seconds to write a demonstration", estimate: gap.writeSeconds, format: "seconds" },
    { label: "Median seconds to make a comparison (same prompts)", estimate: gap.chooseSeconds, format: "seconds" },
    { label: "Agreement among labelers on these comparisons", estimate: gap.agreement, format: "percent" },
    {
      label: "Human-written answer wins, blind, against model candidates",
      estimate: gap.humanWins,
      format: "percent",
      note: gap.ties ? `${gap.ties} ties left out` : undefined,
    },
    {
      label: "Best of N by the comparisons wins against the human-written answer",
      estimate: gap.comparisonsPickWins,
      format: "percent",
    },
    {
      label: `Best of N by the reward model${gap.servingVersion ? ` (v${gap.servingVersion})` : ""} wins against the human-written answer`,
      estimate: gap.servingVersion
        ? gap.rewardModelPickWins
        : { ...gap.rewardModelPickWins, reason: "no reward model serves yet" },
      format: "percent",
    },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {tiles.map((t) => (
        <div key={t.label} className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">{t.label}</dt>
          <dd>
            {t.format === "percent" ? (
              <EstimateView estimate={t.estimate} format="percent" />
            ) : (
              <SecondsView estimate={t.estimate} />
            )}
            {t.note && <span className="block text-xs text-stone-600">{t.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SecondsView({ estimate: e }: { estimate: Estimate }) {
  if (e.value === null) return <EstimateView estimate={e} />;
  const s = (x: number) => x.toFixed(1);
  return (
    <span>
      <span className="font-semibold tabular-nums">{s(e.value)} s</span>{" "}
      <span className="text-sm text-stone-600 tabular-nums">
        ({e.ciLow !== null && e.ciHigh !== null ? `95% CI ${s(e.ciLow)}–${s(e.ciHigh)} s, ` : ""}
        {e.n.toLocaleString("en-US")} {e.unit})
      </span>
    </span>
  );
}
