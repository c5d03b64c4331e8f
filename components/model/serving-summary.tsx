import type { Project } from "@/lib/generated/prisma/client";
import { retrainStatus } from "@/lib/rm/service/trigger";
import { judgmentsSinceLatestVersion, type VersionSummary } from "@/lib/rm/service/versions";
import { utcMinute } from "./format";

/**
 * The serving version in one paragraph (what it was trained on, what it reads, its files) with
 * "Retrain now" and the retrain status.
 */
export async function ServingSummary({
  project,
  versions,
  canDownload,
  queued,
}: {
  project: Project;
  versions: readonly VersionSummary[];
  canDownload: boolean;
  queued: boolean;
}) {
  const [progress, status] = await Promise.all([
    judgmentsSinceLatestVersion(project.id),
    retrainStatus(project.id).catch(() => "idle" as const),
  ]);
  const current = versions.find((v) => v.current);
  const newest = versions[0];
  const m = current?.metrics;
  const base = `/api/projects/${project.slug}/models`;
  return (
    <section id="reward-model" aria-label="Serving version" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-medium">Serving version</h3>
        <form method="post" action={`/api/projects/${project.slug}/retrain`}>
          <button type="submit" className="rounded border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100">
            Retrain now
          </button>
        </form>
      </div>
      <p className="text-sm text-stone-600">
        {queued || status === "queued" ? "A retrain is queued. " : status === "running" ? "A retrain is running. " : ""}
        {project.retrainEvery > 0
          ? `Retrained automatically every ${project.retrainEvery} judgments: ${progress.newJudgments} since the last snapshot.`
          : "Automatic retraining is off."}
      </p>
      {newest && !newest.current && newest.notServedReason && (
        <p className="text-sm text-amber-800">
          v{newest.version} is kept, not serving: {newest.notServedReason}
        </p>
      )}
      {!current ? (
        <p className="text-sm text-stone-600">
          {versions.length
            ? "No version serves yet: promote one below."
            : "No version yet: press Retrain now once labelers have judged some pairs."}
        </p>
      ) : (
        <p className="text-sm">
          Serving <strong>v{current.version}</strong>, trained on{" "}
          {((m?.trainJudgments ?? 0) + (m?.heldOutJudgments ?? 0)).toLocaleString("en-US")} judgments (snapshot of{" "}
          {current.judgmentCount.toLocaleString("en-US")} up to {utcMinute(current.cutoff)}). The metrics come from a
          held-out run trained on {m?.trainJudgments.toLocaleString("en-US")} of them and measured on{" "}
          {m?.heldOutPrompts ?? 0} held-out prompts. Reads {current.features}.{" "}
          {canDownload && (
            <a className="underline" href={`${base}/${current.version}/onnx`}>
              Download ONNX
            </a>
          )}{" "}
          <a className="underline" href={`${base}/${current.version}/card`}>
            Model card
          </a>
        </p>
      )}
    </section>
  );
}
