import Link from "next/link";
import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { SectionNav } from "@/components/shell/section-nav";
import { pageUser } from "@/lib/auth/guard";
import { STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { sectionHref, sectionsFor } from "@/lib/workspace/sections";

/** A project's workspace: its name, a link to label it, and its sections. */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const user = await pageUser();
  // Signed-out visitors get the page, which sends them to sign in. A labeler is refused here, before
  // the loading skeleton streams: after that the response's status is already 200.
  if (!user) return children;
  if (!STAFF.includes(user.role)) forbidden();
  const project = await orNotFound(projectBySlug(slug));
  const items = sectionsFor(user.role).map((s) => ({ href: sectionHref(slug, s), label: s.label }));
  return (
    <>
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-5">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h1 className="text-2xl font-semibold">
              {project.name}{" "}
              <span className="align-middle text-xs font-normal uppercase tracking-wide text-stone-600">
                {project.kind === "GO" ? "Go" : "text"}
              </span>
              {project.archivedAt && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-medium text-amber-900">
                  Archived
                </span>
              )}
            </h1>
            <Link className="text-sm underline underline-offset-4" href={`/label/${slug}`}>
              Label this project
            </Link>
          </div>
          <SectionNav items={items} />
        </div>
      </div>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
