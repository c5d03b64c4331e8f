import { EstimateView } from "@/components/stats/estimate-view";
import type { Estimate } from "@/lib/agreement/estimate";

/** The model's held-out accuracy against the majority next to the human ceiling on the same pairs, and what they mean. */
export function AccuracyVsCeiling({
  accuracy,
  ceiling,
  verdict,
}: {
  accuracy: Estimate;
  ceiling: Estimate;
  verdict: string;
}) {
  return (
    <div className="space-y-2">
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Model vs. the majority vote (held-out pairs)</dt>
          <dd>
            <EstimateView estimate={accuracy} format="percent" />
          </dd>
        </div>
        <div className="rounded border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Human ceiling: one labeler vs. the others' majority, same pairs</dt>
          <dd>
            <EstimateView estimate={ceiling} format="percent" />
          </dd>
        </div>
      </dl>
      <p className="text-sm" data-testid="model-verdict">
        {verdict}
      </p>
    </div>
  );
}
