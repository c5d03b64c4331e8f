"use client";

import { useParams, useRouter } from "next/navigation";

/** Jumps to another project's workspace; the project on screen is preselected. */
export function ProjectSwitcher({ projects }: { projects: { slug: string; name: string }[] }) {
  const router = useRouter();
  const params = useParams<{ slug?: string }>();
  const current = projects.some((p) => p.slug === params.slug) ? params.slug : undefined;
  return (
    <label className="flex items-center gap-2 text-sm text-stone-700">
      <span>Project</span>
      <select
        className="rounded border border-stone-300 bg-white px-2 py-1 text-stone-900"
        value={current ?? ""}
        onChange={(event) => router.push(`/projects/${event.target.value}`)}
      >
        {!current && (
          <option value="" disabled>
            Choose a project
          </option>
        )}
        {projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
