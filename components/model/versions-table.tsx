import type { VersionSummary } from "@/lib/rm/service/versions";
import { decimal, percent, utcMinute } from "./format";

/** Every version (newest first): its held-out figures, status, and Promote for kept ones. */
export function VersionsTable({
  slug,
  versions,
  shown,
  hackability,
}: {
  slug: string;
  versions: readonly VersionSummary[];
  /** The version whose panel the page shows. */
  shown: number | null;
  /** Each version's hackability from the latest probes measurement (Lab page); absent when none was made. */
  hackability?: ReadonlyMap<number, number | null>;
}) {
  const base = `/api/projects/${slug}/models`;
  return (
    <section
      // Scrolls sideways on a phone: focusable, so it scrolls by keyboard too.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      aria-label="Reward-model versions (scrolls sideways)"
      className="overflow-x-auto"
    >
      <table className="w-full min-w-[36rem] text-left text-sm tabular-nums">
        <caption className="sr-only">Reward-model versions</caption>
        <thead className="text-stone-600">
          <tr>
            <th className="py-1">Version</th>
            <th>Trained</th>
            <th>Judgments</th>
            <th>Accuracy</th>
            <th>Log loss</th>
            <th>Gold</th>
            {hackability && (
              <th title="Share of the Lab's probes scored above the median genuine answer">Hackability</th>
            )}
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} className="border-t border-stone-200">
              <td className="py-1">
                {v.version === shown ? (
                  <strong aria-current="true">v{v.version}</strong>
                ) : (
                  <a className="underline" href={`/projects/${slug}/model?version=${v.version}`}>
                    v{v.version}
                  </a>
                )}
              </td>
              <td>{utcMinute(v.createdAt)}</td>
              <td>{v.judgmentCount.toLocaleString("en-US")}</td>
              <td>{percent(v.metrics.pairwiseAccuracy)}</td>
              <td>{decimal(v.metrics.logLoss)}</td>
              <td>{percent(v.metrics.goldAccuracy)}</td>
              {hackability && <td>{percent(hackability.get(v.version) ?? null)}</td>}
              <td>
                {v.current ? (
                  "serving"
                ) : v.prunedAt ? (
                  <span title="ONNX file and scores removed to bound storage; metrics and card kept">pruned</span>
                ) : (
                  <form method="post" action={`${base}/${v.version}/promote`} className="flex items-center gap-2">
                    <span className="text-stone-600" title={v.notServedReason ?? undefined}>
                      {v.notServedReason ? "kept (not served)" : "kept"}
                    </span>
                    <button type="submit" className="rounded border border-stone-300 px-2 text-xs hover:bg-stone-100">
                      Promote v{v.version}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
