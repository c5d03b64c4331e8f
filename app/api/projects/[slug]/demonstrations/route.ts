import { LABELING } from "@/lib/auth/roles";
import { demonstrationInputSchema, submitDemonstration } from "@/lib/demonstrations";
import { projectRoute } from "@/lib/http/project-route";

export const POST = projectRoute(
  { roles: LABELING, access: "member", body: demonstrationInputSchema },
  async ({ user, project, body }) => submitDemonstration(project, user.id, body),
);
