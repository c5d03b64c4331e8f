import { AccuracyVsCeiling } from "@/components/model/accuracy-vs-ceiling";
import { LearningCurveChart } from "@/components/model/learning-curve-chart";
import { ReliabilityDiagram } from "@/components/model/reliability-diagram";
import { ServingSummary } from "@/components/model/serving-summary";
import { TruthAgreementsView } from "@/components/model/truth-agreements";
import { VersionMetricsTable } from "@/components/model/version-metrics";
import { VersionsTable } from "@/components/model/versions-table";
import { SectionHeader } from "@/components/shell/section-header";
import { pageUserWithRole } from "@/lib/auth/page";
import { ML_TEAM } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import type { ProbesRunResult } from "@/lib/lab-service/probes";
import { latestLabRun } from "@/lib/lab-service/runs";
import { projectBySlug } from "@/lib/projects";
import { listVersions } from "@/lib/rm/service/versions";
import { modelPanel } from "@/lib/stats";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

const section = sectionAt("model");

export default async function ProjectModel({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ version?: string; retrain?: string; promoted?: string }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await pageUserWithRole(section.roles, `/projects/${slug}/model`);
  const project = await orNotFound(projectBySlug(slug));
  const [versions, probes] = await Promise.all([listVersions(project.id), latestLabRun(project.id, "probes")]);
  const hackability = probes
    ? new Map((probes.result as ProbesRunResult).versions.map((v) => [v.version, v.hackability]))
    : undefined;
  const asked = Number(query.version);
  const shown = versions.find((v) => v.version === asked) ?? versions.find((v) => v.current) ?? versions[0] ?? null;
  const panel = shown ? await modelPanel(project, shown.version) : null;
  const held = panel?.heldOut ?? null;
  return (
    <div className="space-y-8">
      <SectionHeader section={section} />
      {query.promoted && (
        <p className="rounded border border-green-300 bg-green-50 p-3 text-sm">v{query.promoted} serves now.</p>
      )}
      <ServingSummary
        project={project}
        versions={versions}
        canDownload={ML_TEAM.includes(user.role)}
        queued={query.retrain === "queued"}
      />
      {shown && (
        <section aria-labelledby="version-panel" className="space-y-6">
          <h3 id="version-panel" className="text-lg font-medium">
            v{shown.version} on its held-out pairs{shown.current ? " (serving)" : ""}
          </h3>
          {held ? (
            <>
              <p className="text-sm text-stone-600">
                {held.pairs.toLocaleString("en-US")} held-out pairs: prompts this version's evaluation run never trained
                on, with the judgments made up to its snapshot (excluded labelers left out).
              </p>
              <AccuracyVsCeiling accuracy={held.accuracy} ceiling={held.ceiling} verdict={held.verdict} />
              {held.truth && (
                <div className="space-y-2">
                  <h4 className="font-medium">Against the true answer (Go)</h4>
                  <TruthAgreementsView truth={held.truth} />
                </div>
              )}
            </>
          ) : (
            <p className="text-sm text-stone-600">
              This version's held-out pairs were not kept (it was pruned), so its accuracy interval, the human ceiling
              on the same pairs and its reliability diagram are not recorded. The figures below are the ones stored when
              it was trained.
            </p>
          )}
          <VersionMetricsTable version={shown} go={project.kind === "GO"} />
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-2">
              <h4 className="font-medium">Learning curve</h4>
              <LearningCurveChart points={shown.learningCurve} />
            </div>
            <div className="space-y-2">
              <h4 className="font-medium">Reliability diagram</h4>
              <ReliabilityDiagram bins={held?.reliability ?? null} />
            </div>
          </div>
        </section>
      )}
      {versions.length > 0 && (
        <section aria-labelledby="versions" className="space-y-2">
          <h3 id="versions" className="text-lg font-medium">
            All versions
          </h3>
          <VersionsTable slug={slug} versions={versions} shown={shown?.version ?? null} hackability={hackability} />
          {hackability && (
            <p className="text-sm text-stone-600">
              Hackability: the share of the Lab&apos;s probes (deliberately bad answers) a version scores above the
              median genuine answer, from the latest measurement on the{" "}
              <a className="underline" href={`/projects/${slug}/lab`}>
                Lab page
              </a>
              ; lower is harder to game.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
