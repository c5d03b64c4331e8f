import type { VersionSummary } from "@/lib/rm/service/versions";
import { percent } from "./format";

/** The reward model in two lines for the overview, with the way to the Model page. */
export function ModelSummary({ slug, versions }: { slug: string; versions: readonly VersionSummary[] }) {
  const current = versions.find((v) => v.current);
  const m = current?.metrics;
  return (
    <section aria-labelledby="model-summary" className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <h3 id="model-summary" className="text-lg font-medium">
        Reward model
      </h3>
      <p className="text-sm">
        {current && m
          ? `Serving v${current.version}: ${percent(m.pairwiseAccuracy)} held-out accuracy against the majority vote (${m.pairsWithMajority} pairs); one labeler agrees with the others' majority ${percent(m.humanMajorityAgreement)} of the time.`
          : versions.length
            ? `${versions.length} version${versions.length > 1 ? "s" : ""} trained, none serving.`
            : "No version trained yet."}{" "}
        <a className="underline underline-offset-4" href={`/projects/${slug}/model`}>
          Intervals, learning curve and calibration on the Model page
        </a>
      </p>
    </section>
  );
}
