import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { removeMember } from "@/lib/projects";

// Excluding and pausing go through /labelers/[userId]/actions, which records who, when and why.

/** A lead removes a member: no more access to the project; their judgments stay. */
export const DELETE = projectRoute(
  { roles: LEADS, access: "staff", summary: "Remove a member from the project; their judgments stay" },
  async ({ project, params }) => removeMember(project.id, params.userId ?? ""),
);
