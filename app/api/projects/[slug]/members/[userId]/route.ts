import { z } from "zod";
import { LEADS } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug, setMemberExcluded } from "@/lib/projects";

const body = z.object({ excluded: z.boolean() });

/** A lead excludes an unreliable labeler: their judgments stay stored but are left out downstream. */
export const PATCH = apiRoute({ roles: LEADS, body }, async ({ params, body }) => {
  const project = await projectBySlug(params.slug ?? "");
  return setMemberExcluded(project.id, params.userId ?? "", body.excluded);
});
