import { LEADS } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug } from "@/lib/projects";
import { projectOverview } from "@/lib/stats";

export const GET = apiRoute({ roles: LEADS }, async ({ params }) =>
  projectOverview(await projectBySlug(params.slug ?? "")),
);
