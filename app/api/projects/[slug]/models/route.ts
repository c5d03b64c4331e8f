import { STAFF } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { listVersions } from "@/lib/rm/service/versions";

/** Every reward-model version of the project, newest first, with its metrics and learning curve. */
export const GET = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    scope: "models:read",
    summary: "Every reward-model version, newest first, with metrics and learning curve",
  },
  async ({ project }) => ({
    project: project.slug,
    versions: await listVersions(project.id),
  }),
);
