import { ML_TEAM } from "@/lib/auth/roles";
import { listManifests } from "@/lib/export";
import { projectRoute } from "@/lib/http/project-route";

/** The project's export manifests, newest first: what each export contained and its content hash. */
export const GET = projectRoute(
  {
    roles: ML_TEAM,
    access: "staff",
    scope: "export:read",
    summary: "The project's export manifests, newest first, with their filters, counts and content hashes",
  },
  async ({ project }) => ({
  manifests: await listManifests(project.id),
}));
