import type { TableCell, TableColumn } from "@/components/ui/table-data";
import type { LabelerQuality, Share } from "@/lib/labelers";

const pct = (x: number) => `${Math.round(100 * x)}%`;

// Non-breaking spaces and hyphen keep a figure and its interval on one line; the table scrolls sideways.
const oneLine = (text: string) => text.replaceAll(" ", "\u00a0").replaceAll("–", "\u2011");

/** "82% (71–89%) n=40", sorted by the value, written to CSV as the bare value. */
function intervalCell(value: number | null, low: number | null, high: number | null, n: number): TableCell {
  if (value === null) return { text: oneLine(`– n=${n}`), sort: null, csv: "" };
  const interval = low === null || high === null ? "" : ` (${Math.round(100 * low)}–${pct(high)})`;
  return { text: oneLine(`${pct(value)}${interval} n=${n}`), sort: value, csv: value.toFixed(4) };
}

const shareCell = (s: Share) => intervalCell(s.value, s.low, s.high, s.n);

const rateCell = (x: number | null): TableCell => (x === null ? null : { text: pct(x), sort: x, csv: x.toFixed(4) });

function pValue(p: number | null): string {
  if (p === null) return "";
  return p < 0.001 ? "p<0.001" : `p=${p.toFixed(3)}`;
}

const FLAG_NAMES: Record<LabelerQuality["flags"][number]["rule"], string> = {
  gold: "gold accuracy",
  fast: "fast decisions",
  left: "left rate",
};

export const qualityColumns: TableColumn[] = [
  { key: "labeler", label: "Labeler" },
  { key: "status", label: "Status" },
  { key: "judgments", label: "Judgments", numeric: true },
  { key: "gold", label: "Gold accuracy", numeric: true },
  { key: "left", label: "Left rate", numeric: true },
  { key: "leftP", label: "Left-rate test", numeric: true },
  { key: "ties", label: "Ties", numeric: true },
  { key: "bothBad", label: "Both bad", numeric: true },
  { key: "median", label: "Median time", numeric: true },
  { key: "fast", label: "Fast", numeric: true },
  { key: "majority", label: "Majority agreement", numeric: true },
  { key: "model", label: "Model agreement", numeric: true },
  { key: "skips", label: "Skips", numeric: true },
  { key: "reports", label: "Reports", numeric: true },
  { key: "flags", label: "Flags" },
];

export function qualityRow(q: LabelerQuality): Record<string, TableCell> {
  const m = q.majority;
  return {
    labeler: q.label,
    status: q.status,
    judgments: q.judgments,
    gold: shareCell(q.gold),
    left: shareCell(q.left),
    leftP: q.left.p === null ? null : { text: pValue(q.left.p), sort: q.left.p, csv: q.left.p.toPrecision(4) },
    ties: rateCell(q.tieRate),
    bothBad: rateCell(q.bothBadRate),
    median: q.medianMs === null ? null : { text: `${(q.medianMs / 1000).toFixed(1)} s`, sort: q.medianMs },
    fast: shareCell(q.fast),
    majority:
      m.value === null ? { text: m.reason ?? "–", sort: null, csv: "" } : intervalCell(m.value, m.ciLow, m.ciHigh, m.n),
    model: shareCell(q.model),
    skips: q.skips,
    reports: q.reports,
    // Short names here (the reasons are listed above the table); the CSV gets the reasons in full.
    flags:
      q.flags.length === 0
        ? ""
        : {
            text: q.flags.map((f) => FLAG_NAMES[f.rule]).join(", "),
            sort: q.flags.length,
            csv: q.flags.map((f) => f.reason).join("; "),
          },
  };
}
