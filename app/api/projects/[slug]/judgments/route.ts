import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { judgmentInputSchema, submitJudgment } from "@/lib/judgments";
import { limit } from "@/lib/security/rate-limit";

export const POST = projectRoute(
  {
    roles: LABELING,
    access: "member",
    summary: "Submit a judgment of the pair on the labeler's screen",
    body: judgmentInputSchema,
  },
  async ({ user, project, body }) => {
    await limit("judgment", user.id);
    return submitJudgment(project, user.id, body);
  },
);
