import { EstimateView } from "@/components/stats/estimate-view";
import type { TruthAgreements } from "@/lib/stats";

/** Go: humans vs. the true answer, the model vs. the true answer, and the model vs. the humans, side by side. */
export function TruthAgreementsView({ truth }: { truth: TruthAgreements }) {
  const cells = [
    ["Labelers' majority vs. the true answer", truth.humansVsTruth],
    ["Model vs. the true answer", truth.modelVsTruth],
    ["Model vs. the labelers' majority", truth.modelVsHumans],
  ] as const;
  return (
    <div className="space-y-2">
      <dl className="grid gap-3 sm:grid-cols-3">
        {cells.map(([label, estimate]) => (
          <div key={label} className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{label}</dt>
            <dd>
              <EstimateView estimate={estimate} format="percent" />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm">{truth.words}</p>
    </div>
  );
}
