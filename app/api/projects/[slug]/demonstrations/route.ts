import { LABELING } from "@/lib/auth/roles";
import { demonstrationInputSchema, submitDemonstration } from "@/lib/demonstrations";
import { projectRoute } from "@/lib/http/project-route";

export const POST = projectRoute(
  {
    roles: LABELING,
    access: "member",
    summary: "Submit a written response (demonstration) for a prompt",
    body: demonstrationInputSchema,
  },
  async ({ user, project, body }) => submitDemonstration(project, user.id, body),
);
