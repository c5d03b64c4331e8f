import { ModelSummary } from "@/components/model/model-summary";
import { ProgressView } from "@/components/overview/progress-view";
import { SectionHeader } from "@/components/shell/section-header";
import { pageUserWithRole } from "@/lib/auth/page";
import { ML_TEAM, STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { listVersions } from "@/lib/rm/service/versions";
import { projectOverview, projectProgress } from "@/lib/stats";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

export default async function ProjectOverview({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await pageUserWithRole(STAFF, `/projects/${slug}`);
  const project = await orNotFound(projectBySlug(slug));
  const [o, progress, versions] = await Promise.all([
    projectOverview(project),
    projectProgress(project),
    listVersions(project.id),
  ]);
  const tiles = [
    ["Prompts", o.prompts],
    ["Candidates", o.candidates],
    ["Pairs", o.pairs],
    [`Pairs with k = ${project.k}`, o.completePairs],
    ["Gold pairs", o.goldPairs],
    ["Judgments", o.judgments],
    ["Demonstrations", o.demonstrations],
  ] as const;
  return (
    <div className="space-y-8">
      <SectionHeader section={sectionAt("")}>
        {ML_TEAM.includes(user.role) && (
          <a className="text-sm underline underline-offset-4" href={`/projects/${slug}/exports`}>
            Export training data
          </a>
        )}
      </SectionHeader>
      {o.prompts === 0 && (
        <p className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
          No prompts yet —{" "}
          {user.role === "ADMIN" ? "import a JSONL file on the Admin page" : "ask an admin to import a JSONL file"} (one
          prompt with its candidates per line; see the README's “Importing data”).
        </p>
      )}
      <section aria-label="Counts" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded border border-stone-200 bg-white p-3">
            <p className="text-xs text-stone-600">{label}</p>
            <p className="text-2xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</p>
          </div>
        ))}
      </section>
      <ProgressView progress={progress} k={project.k} />
      <ModelSummary slug={slug} versions={versions} />
    </div>
  );
}
