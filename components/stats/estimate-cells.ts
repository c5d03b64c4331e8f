import type { TableCell } from "@/components/ui/table-data";
import type { Estimate } from "@/lib/agreement/estimate";

type Format = "ratio" | "percent";

const show = (x: number, format: Format) => (format === "percent" ? `${(x * 100).toFixed(1)}%` : x.toFixed(3));

/**
 * An estimate as table cells: the value (or why there is none), its interval and its count, each
 * sortable and written to CSV as plain numbers. The interval keeps to one line (no-break space and word joiner):
 * on a phone the table scrolls sideways rather than stacking numbers.
 */
export function estimateCells(e: Estimate, format: Format = "ratio"): Record<"value" | "interval" | "n", TableCell> {
  return {
    value:
      e.value === null
        ? { text: e.reason ?? "not enough data", sort: null, csv: "" }
        : { text: show(e.value, format), sort: e.value, csv: String(e.value) },
    interval:
      e.ciLow === null || e.ciHigh === null
        ? null
        : {
            text: `${show(e.ciLow, format)}\u00a0–\u2060\u00a0${show(e.ciHigh, format)}`,
            sort: e.ciLow,
            csv: `${e.ciLow};${e.ciHigh}`,
          },
    n: e.n,
  };
}
