import type { VersionSummary } from "@/lib/rm/service/versions";
import { decimal, percent } from "./format";

/** A version's other held-out figures as recorded when it was trained. */
export function VersionMetricsTable({ version, go }: { version: VersionSummary; go: boolean }) {
  const m = version.metrics;
  const rows: [string, string, string][] = [
    ["Accuracy on individual judgments", percent(m.judgmentAccuracy), `${m.heldOutJudgments} held-out judgments`],
    ["Log loss", decimal(m.logLoss), "lower is better"],
    ["Expected calibration error", decimal(m.expectedCalibrationError), "lower is better"],
    ["Gold pairs", percent(m.goldAccuracy), `${m.goldPairs} pairs`],
    ...(go
      ? ([["Model vs. true answer (all held-out)", percent(m.truthAccuracy), `${m.truthPairs} pairs`]] as [
          string,
          string,
          string,
        ][])
      : []),
  ];
  return (
    <table className="w-full text-left text-sm tabular-nums">
      <caption className="sr-only">Other held-out figures of v{version.version}</caption>
      <tbody>
        {rows.map(([label, value, note]) => (
          <tr key={label} className="border-t border-stone-200">
            <th scope="row" className="py-1 font-normal">
              {label}
            </th>
            <td className="font-medium">{value}</td>
            <td className="text-stone-600">{note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
