import { LABELING } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { judgmentInputSchema, submitJudgment } from "@/lib/labels";
import { requireProjectAccess } from "@/lib/projects";
import { limit } from "@/lib/security/rate-limit";

export const POST = apiRoute({ roles: LABELING, body: judgmentInputSchema }, async ({ user, params, body }) => {
  await limit("judgment", user.id);
  const project = await requireProjectAccess(user, params.slug ?? "");
  return submitJudgment(project, user.id, body);
});
