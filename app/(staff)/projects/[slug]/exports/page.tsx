import { SectionHeader } from "@/components/shell/section-header";
import { pageUserWithRole } from "@/lib/auth/page";
import { ML_TEAM } from "@/lib/auth/roles";
import { listManifests, modelVersions } from "@/lib/export";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { sectionAt } from "@/lib/workspace/sections";
import { ExportForm } from "./export-form";
import { ManifestList } from "./manifest-list";

export const dynamic = "force-dynamic";

export default async function ProjectExports({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await pageUserWithRole(ML_TEAM, `/projects/${slug}/exports`);
  const project = await orNotFound(projectBySlug(slug));
  const [manifests, versions] = await Promise.all([listManifests(project.id), modelVersions(project.id)]);
  return (
    <section className="space-y-6">
      <SectionHeader section={sectionAt("exports")} />
      <ExportForm
        slug={slug}
        go={project.kind === "GO"}
        strength={project.strengthScale}
        versions={versions.map((v) => ({ version: v.version, cutoff: v.cutoff.toISOString() }))}
      />
      <ManifestList slug={slug} manifests={manifests} />
    </section>
  );
}
