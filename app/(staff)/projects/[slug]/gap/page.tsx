import { GapSummary } from "@/components/gap/gap-summary";
import { GapTiles } from "@/components/gap/gap-tiles";
import { SectionHeader } from "@/components/shell/section-header";
import { pageUserWithRole } from "@/lib/auth/page";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { gapPanel } from "@/lib/stats";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

const section = sectionAt("gap");

export default async function ProjectGap({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await pageUserWithRole(section.roles, `/projects/${slug}/gap`);
  const project = await orNotFound(projectBySlug(slug));
  const gap = await gapPanel(project.id);
  const settings = `/projects/${slug}/settings`;
  return (
    <div className="space-y-6">
      <SectionHeader section={section} />
      {gap.promptsWithHuman === 0 ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
          No human-written answers yet, so there is no gap to measure.{" "}
          {project.demonstrations ? (
            "Demonstrations are on: labelers are asked to write one now and then; the gap appears once their answers have been judged against the model candidates."
          ) : (
            <>
              Turn on demonstrations in{" "}
              <a className="underline" href={settings}>
                Settings
              </a>{" "}
              to measure the gap (or import candidates with source “human”).
            </>
          )}
        </p>
      ) : (
        <>
          <GapSummary gap={gap} />
          <GapTiles gap={gap} />
        </>
      )}
    </div>
  );
}
