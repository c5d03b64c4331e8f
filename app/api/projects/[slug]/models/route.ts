import { STAFF } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug } from "@/lib/projects";
import { listVersions } from "@/lib/rm/service/versions";

/** Every reward-model version of the project, newest first, with its metrics and learning curve. */
export const GET = apiRoute({ roles: STAFF }, async ({ params }) => {
  const project = await projectBySlug(params.slug ?? "");
  return { project: project.slug, versions: await listVersions(project.id) };
});
