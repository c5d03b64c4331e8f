import { z } from "zod";
import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { removeMember, setMemberExcluded } from "@/lib/projects";

const body = z.object({ excluded: z.boolean() });

/** A lead excludes an unreliable labeler: their judgments stay stored but are left out downstream. */
export const PATCH = projectRoute(
  {
    roles: LEADS,
    access: "staff",
    summary: "Exclude or re-include a labeler: excluded judgments are left out downstream",
    body,
  },
  async ({ project, params, body }) => setMemberExcluded(project.id, params.userId ?? "", body.excluded),
);

/** A lead removes a member: no more access to the project; their judgments stay. */
export const DELETE = projectRoute(
  { roles: LEADS, access: "staff", summary: "Remove a member from the project; their judgments stay" },
  async ({ project, params }) => removeMember(project.id, params.userId ?? ""),
);
