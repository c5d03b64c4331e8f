import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { projectOverview } from "@/lib/stats";

export const GET = projectRoute(
  { roles: LEADS, access: "staff", summary: "The project's overview: progress, agreement, labelers" },
  async ({ project }) => projectOverview(project),
);
