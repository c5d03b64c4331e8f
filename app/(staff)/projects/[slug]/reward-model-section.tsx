import type { Project } from "@/lib/generated/prisma/client";
import { retrainStatus } from "@/lib/rm/service/trigger";
import { judgmentsSinceLatestVersion, listVersions } from "@/lib/rm/service/versions";

const percent = (x: number | null | undefined) => (x == null ? "–" : `${(100 * x).toFixed(1)}%`);
const decimal = (x: number | null | undefined) => (x == null ? "–" : x.toFixed(3));

/**
 * The reward model on the project dashboard: the serving version's held-out metrics next to the
 * human ceiling, its learning curve, earlier versions, and "Retrain now".
 */
export async function RewardModelSection({
  project,
  canDownload,
  queued,
}: {
  project: Project;
  canDownload: boolean;
  queued: boolean;
}) {
  const [versions, progress, status] = await Promise.all([
    listVersions(project.id),
    judgmentsSinceLatestVersion(project.id),
    retrainStatus(project.id).catch(() => "idle" as const),
  ]);
  const current = versions.find((v) => v.current);
  const newest = versions[0];
  const m = current?.metrics;
  const base = `/api/projects/${project.slug}/models`;
  const rows: [string, string, string][] = m
    ? [
        ["Accuracy vs. majority vote", percent(m.pairwiseAccuracy), `${m.pairsWithMajority} held-out pairs`],
        [
          "Human agreement: one labeler vs. the others' majority",
          percent(m.humanMajorityAgreement),
          `${m.humanAgreementJudgments} judgments; the model above it predicts the consensus better than one labeler`,
        ],
        ["Accuracy on individual judgments", percent(m.judgmentAccuracy), `${m.heldOutJudgments} held-out`],
        ["Log loss", decimal(m.logLoss), "lower is better"],
        ["Expected calibration error", decimal(m.expectedCalibrationError), "lower is better"],
        ["Gold pairs", percent(m.goldAccuracy), `${m.goldPairs} pairs`],
        ...(project.kind === "GO"
          ? ([
              ["Model vs. true answer (Go)", percent(m.truthAccuracy), `${m.truthPairs} pairs`],
              ["Majority vote vs. true answer", percent(m.humanTruthAccuracy), `${m.humanTruthPairs} pairs`],
            ] as [string, string, string][])
          : []),
      ]
    : [];
  return (
    <section id="reward-model" className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-medium">Reward model</h2>
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
        <p className="text-sm text-stone-600">{versions.length ? "No version serves yet." : "No version yet."}</p>
      ) : (
        <>
          <p className="text-sm">
            Serving <strong>v{current.version}</strong>, trained on{" "}
            {((m?.trainJudgments ?? 0) + (m?.heldOutJudgments ?? 0)).toLocaleString("en-US")} judgments (snapshot of{" "}
            {current.judgmentCount.toLocaleString("en-US")} up to{" "}
            {current.cutoff.toISOString().slice(0, 16).replace("T", " ")} UTC). The metrics come from a held-out run
            trained on {m?.trainJudgments.toLocaleString("en-US")} of them and measured on {m?.heldOutPrompts ?? 0}{" "}
            held-out prompts. Reads {current.features}.{" "}
            {canDownload && (
              <a className="underline" href={`${base}/${current.version}/onnx`}>
                Download ONNX
              </a>
            )}{" "}
            <a className="underline" href={`${base}/${current.version}/card`}>
              Model card
            </a>
          </p>
          <table className="w-full text-left text-sm tabular-nums">
            <tbody>
              {rows.map(([label, value, note]) => (
                <tr key={label} className="border-t border-stone-200">
                  <td className="py-1">{label}</td>
                  <td className="font-medium">{value}</td>
                  <td className="text-stone-500">{note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {current.learningCurve.length > 0 && (
            <p className="text-sm text-stone-600">
              Learning curve (held-out accuracy vs. judgments used):{" "}
              {current.learningCurve
                .map((p) => `${p.judgments.toLocaleString("en-US")} → ${percent(p.pairwiseAccuracy)}`)
                .join(" · ")}
            </p>
          )}
        </>
      )}
      {versions.length > (current ? 1 : 0) && (
        <table className="w-full text-left text-sm tabular-nums">
          <thead className="text-stone-500">
            <tr>
              <th className="py-1">Version</th>
              <th>Trained</th>
              <th>Judgments</th>
              <th>Accuracy</th>
              <th>Log loss</th>
              <th>Gold</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {versions.slice(0, 10).map((v) => (
              <tr key={v.id} className="border-t border-stone-200">
                <td className="py-1">
                  v{v.version}
                  {v.current ? " (serving)" : ""}
                </td>
                <td>{v.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>{v.judgmentCount.toLocaleString("en-US")}</td>
                <td>{percent(v.metrics.pairwiseAccuracy)}</td>
                <td>{decimal(v.metrics.logLoss)}</td>
                <td>{percent(v.metrics.goldAccuracy)}</td>
                <td>
                  {v.current ? (
                    "serving"
                  ) : v.prunedAt ? (
                    <span title="ONNX file and scores removed to bound storage; metrics and card kept">pruned</span>
                  ) : (
                    <form method="post" action={`${base}/${v.version}/promote`} className="flex items-center gap-2">
                      <span className="text-stone-500" title={v.notServedReason ?? undefined}>
                        {v.notServedReason ? "kept (not served)" : "kept"}
                      </span>
                      <button type="submit" className="rounded border border-stone-300 px-2 text-xs hover:bg-stone-100">
                        Promote
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
