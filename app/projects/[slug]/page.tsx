import Link from "next/link";
import { ExcludeToggle } from "@/components/staff/exclude-toggle";
import { Forbidden } from "@/components/staff/forbidden";
import { pageUserWithRole } from "@/lib/auth/page";
import { LEADS, ML_TEAM, STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { projectOverview } from "@/lib/stats";
import { RewardModelSection } from "./reward-model-section";

export const dynamic = "force-dynamic";

const percent = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(0)}%`);

export default async function ProjectDashboard({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ retrain?: string }>;
}) {
  const { slug } = await params;
  const user = await pageUserWithRole(STAFF, `/projects/${slug}`);
  if (!user) return <Forbidden />;
  const project = await orNotFound(projectBySlug(slug));
  const o = await projectOverview(project);
  const canExclude = LEADS.includes(user.role);
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
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-10">
      <header className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">{project.name}</h1>
        <nav className="space-x-4 text-sm">
          <Link className="underline" href={`/label/${slug}`}>
            Label
          </Link>
          {ML_TEAM.includes(user.role) && (
            <a className="underline" href={`/api/projects/${slug}/export`}>
              Export TRL JSONL
            </a>
          )}
          <Link className="underline" href="/">
            ← projects
          </Link>
        </nav>
      </header>
      <section className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded border border-stone-200 bg-white p-3">
            <p className="text-xs text-stone-500">{label}</p>
            <p className="text-2xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</p>
          </div>
        ))}
      </section>
      <RewardModelSection
        project={project}
        canDownload={ML_TEAM.includes(user.role)}
        queued={(await searchParams).retrain === "queued"}
      />
      <section>
        <h2 className="mb-2 text-lg font-medium">Labelers</h2>
        <p className="mb-3 text-sm text-stone-600">
          Gold accuracy is the share of known-answer pairs answered right; left rate near 50% means no position bias;
          very short median times suggest answers without reading.
        </p>
        <table className="w-full text-left text-sm tabular-nums">
          <thead className="text-stone-500">
            <tr>
              <th className="py-1">Labeler</th>
              <th>Judgments</th>
              <th>Gold accuracy</th>
              <th>Left rate</th>
              <th>Median time</th>
              {canExclude && <th />}
            </tr>
          </thead>
          <tbody>
            {o.labelers.map((l) => (
              <tr
                key={l.userId}
                className={`border-t border-stone-200 ${l.excluded ? "text-stone-400 line-through" : ""}`}
              >
                <td className="py-1">{l.label}</td>
                <td>{l.judgments}</td>
                <td>
                  {percent(l.goldAccuracy)} <span className="text-stone-400">({l.goldJudged})</span>
                </td>
                <td>{percent(l.leftRate)}</td>
                <td>{l.medianMs === null ? "–" : `${(l.medianMs / 1000).toFixed(1)} s`}</td>
                {canExclude && (
                  <td>
                    <ExcludeToggle slug={slug} userId={l.userId} excluded={l.excluded} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
