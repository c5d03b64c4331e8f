import { LineChart } from "@/components/charts/line-chart";
import type { ReliabilityBin } from "@/lib/agreement/held-out";

const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * Predicted P(A beats B) against how often A was chosen, per bin of the prediction, with each
 * bin's count of judgments. A calibrated model follows the diagonal.
 */
export function ReliabilityDiagram({ bins }: { bins: readonly ReliabilityBin[] | null }) {
  if (bins === null)
    return <p className="text-sm text-stone-600">Not recorded for this version (its held-out pairs were pruned).</p>;
  if (bins.length === 0)
    return <p className="text-sm text-stone-600">No decisive held-out judgments to draw it from.</p>;
  const data = bins.map((b) => ({
    bin: `${pct(b.lower)}–${pct(b.upper)}%`,
    observed: pct(b.observed),
    predicted: pct(b.predicted),
    judgments: b.count,
  }));
  return (
    <div className="space-y-2">
      <LineChart
        label="Reliability: observed share of A wins (%) against the predicted P(A beats B), per bin"
        data={data}
        xKey="bin"
        yLabel="observed %"
        yDomain={[0, 100]}
        series={[
          { key: "observed", label: "observed A wins" },
          { key: "predicted", label: "predicted (perfect calibration)" },
        ]}
      />
      <table className="w-full text-left text-xs tabular-nums">
        <caption className="sr-only">Reliability bins</caption>
        <thead className="text-stone-600">
          <tr>
            <th className="py-1">Predicted bin</th>
            <th>Mean predicted</th>
            <th>Observed</th>
            <th>Judgments</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.bin} className="border-t border-stone-200">
              <td className="py-0.5">{row.bin}</td>
              <td>{row.predicted}%</td>
              <td>{row.observed}%</td>
              <td>{row.judgments.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
