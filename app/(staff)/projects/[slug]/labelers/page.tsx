import { SectionHeader } from "@/components/shell/section-header";
import { ExcludeToggle } from "@/components/staff/exclude-toggle";
import { Forbidden } from "@/components/staff/forbidden";
import { pageUserWithRole } from "@/lib/auth/page";
import { LEADS, STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { projectOverview } from "@/lib/stats";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

const percent = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(0)}%`);

export default async function ProjectLabelers({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await pageUserWithRole(STAFF, `/projects/${slug}/labelers`);
  if (!user) return <Forbidden />;
  const project = await orNotFound(projectBySlug(slug));
  const { labelers } = await projectOverview(project);
  const canExclude = LEADS.includes(user.role);
  return (
    <section>
      <SectionHeader section={sectionAt("labelers")} />
      <p className="mb-3 text-sm text-stone-600">
        Gold accuracy is the share of known-answer pairs answered right; a left rate near 50% means no position bias;
        very short median times suggest answers without reading.
      </p>
      {labelers.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          Nobody has judged a pair yet. Labelers join through the project's invite link on the Admin page.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm tabular-nums">
            <thead className="text-stone-600">
              <tr>
                <th className="py-1">Labeler</th>
                <th>Judgments</th>
                <th>Gold accuracy</th>
                <th>Left rate</th>
                <th>Median time</th>
                {canExclude && <th>Training data</th>}
              </tr>
            </thead>
            <tbody>
              {labelers.map((l) => (
                <tr
                  key={l.userId}
                  className={`border-t border-stone-200 ${l.excluded ? "text-stone-500 line-through" : ""}`}
                >
                  <td className="py-1">{l.label}</td>
                  <td>{l.judgments}</td>
                  <td>
                    {percent(l.goldAccuracy)} <span className="text-stone-500">({l.goldJudged})</span>
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
        </div>
      )}
    </section>
  );
}
