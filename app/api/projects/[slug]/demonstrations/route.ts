import { LABELING } from "@/lib/auth/roles";
import { demonstrationInputSchema, submitDemonstration } from "@/lib/demonstrations";
import { apiRoute } from "@/lib/http/route";
import { requireProjectAccess } from "@/lib/projects";

export const POST = apiRoute({ roles: LABELING, body: demonstrationInputSchema }, async ({ user, params, body }) => {
  const project = await requireProjectAccess(user, params.slug ?? "");
  return submitDemonstration(project, user.id, body);
});
