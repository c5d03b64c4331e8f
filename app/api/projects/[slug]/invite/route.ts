import { ADMINS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { rotateInviteCode } from "@/lib/projects";

/** An admin replaces the invite code: links with the old code stop working at once. */
export const POST = projectRoute(
  { roles: ADMINS, access: "staff", summary: "Replace the invite code: links with the old code stop working at once" },
  async ({ project }) => rotateInviteCode(project),
);
