import { ProjectLifecycle } from "@/components/projects/project-lifecycle";
import { SettingsForm } from "@/components/projects/settings-form";
import { SectionHeader } from "@/components/shell/section-header";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { freshProjectBySlug, SETTING_KEYS } from "@/lib/projects";
import type { ProjectSettings } from "@/lib/projects/settings";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await pageUserWithRole(STAFF, `/projects/${slug}/settings`);
  const project = await orNotFound(freshProjectBySlug(slug));
  const values = Object.fromEntries(SETTING_KEYS.map((key) => [key, project[key]])) as ProjectSettings;
  const admin = user.role === "ADMIN";
  return (
    <section className="space-y-6">
      <SectionHeader section={sectionAt("settings")} />
      <p className="text-sm text-stone-600">
        {admin
          ? "Changes are saved together when you press Save, and reach labelers within a few seconds. Each field says what a change does to data already collected."
          : "Only admins change settings; you see them read-only."}
      </p>
      <SettingsForm key={JSON.stringify(values)} slug={slug} kind={project.kind} values={values} editable={admin} />
      {admin && (
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">Archive or delete</h2>
          <ProjectLifecycle slug={slug} name={project.name} archivedAt={project.archivedAt?.toISOString() ?? null} />
        </div>
      )}
    </section>
  );
}
