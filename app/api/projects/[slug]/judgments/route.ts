import { LABELING } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { judgmentInputSchema, submitJudgment } from "@/lib/judgments";
import { requireProjectAccess } from "@/lib/projects";

export const POST = apiRoute({ roles: LABELING, body: judgmentInputSchema }, async ({ user, params, body }) => {
  const project = await requireProjectAccess(user, params.slug ?? "");
  return submitJudgment(project, user.id, body);
});
