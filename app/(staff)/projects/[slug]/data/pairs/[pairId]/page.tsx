import { redirect } from "next/navigation";
import { pairHref } from "@/components/data/format";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { pairPromptId } from "@/lib/browse";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";

export const dynamic = "force-dynamic";

/** A pair's stable address (for reports and links from elsewhere): its place on its prompt's page. */
export default async function DataPair({ params }: { params: Promise<{ slug: string; pairId: string }> }) {
  const { slug, pairId } = await params;
  await pageUserWithRole(STAFF, `/projects/${slug}/data/pairs/${pairId}`);
  const project = await orNotFound(projectBySlug(slug));
  redirect(pairHref(slug, await orNotFound(pairPromptId(project, pairId)), pairId));
}
