import { z } from "zod";
import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { setMemberExcluded } from "@/lib/projects";

const body = z.object({ excluded: z.boolean() });

/** A lead excludes an unreliable labeler: their judgments stay stored but are left out downstream. */
export const PATCH = projectRoute({ roles: LEADS, access: "staff", body }, async ({ project, params, body }) =>
  setMemberExcluded(project.id, params.userId ?? "", body.excluded),
);
