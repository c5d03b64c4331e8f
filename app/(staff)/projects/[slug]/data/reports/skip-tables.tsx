import type { SkipCounts } from "@/lib/reports";

/** Skip counts per pair and per labeler, most skipped first. */
export function SkipTables({ skips }: { skips: SkipCounts }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section
        // Scrolls sideways on a phone: focusable, so it scrolls by keyboard too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label="Most skipped pairs (scrolls sideways)"
        className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
      >
        <table data-testid="skips-by-pair" className="w-full text-left text-sm">
          <caption className="px-3 pt-2 text-left text-sm font-medium text-stone-800">Most skipped pairs</caption>
          <thead className="text-stone-700">
            <tr>
              <th className="px-3 py-2 font-medium">Pair (prompt)</th>
              <th className="px-3 py-2 text-right font-medium">Skips</th>
              <th className="px-3 py-2 text-right font-medium">Reports</th>
            </tr>
          </thead>
          <tbody>
            {skips.byPair.map((p) => (
              <tr key={p.pairId} data-pair-id={p.pairId} className="border-t border-stone-200 align-top">
                <td className="px-3 py-2">
                  <span className="font-mono text-xs text-stone-700">{p.promptExternalId}</span>{" "}
                  <span className="break-words text-stone-900">{p.prompt}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{p.skips}</td>
                <td className="px-3 py-2 text-right tabular-nums">{p.reports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section
        // Scrolls sideways on a phone: focusable, so it scrolls by keyboard too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label="Skips by labeler (scrolls sideways)"
        className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
      >
        <table data-testid="skips-by-labeler" className="w-full text-left text-sm">
          <caption className="px-3 pt-2 text-left text-sm font-medium text-stone-800">Skips by labeler</caption>
          <thead className="text-stone-700">
            <tr>
              <th className="px-3 py-2 font-medium">Labeler</th>
              <th className="px-3 py-2 text-right font-medium">Skips</th>
              <th className="px-3 py-2 text-right font-medium">Reports</th>
            </tr>
          </thead>
          <tbody>
            {skips.byLabeler.map((l) => (
              <tr key={l.userId} data-user-id={l.userId} className="border-t border-stone-200">
                <td className="px-3 py-2 break-all">{l.labeler}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.skips}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.reports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
