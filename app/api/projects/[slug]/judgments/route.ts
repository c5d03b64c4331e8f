import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { judgmentInputSchema, submitJudgment } from "@/lib/judgments";

export const POST = projectRoute(
  { roles: LABELING, access: "member", body: judgmentInputSchema },
  async ({ user, project, body }) => submitJudgment(project, user.id, body),
);
