import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { skipInputSchema, skipPair } from "@/lib/skips";

/** Skips the pair on the labeler's screen: the lease is released and the pair not served to them again. */
export const POST = projectRoute(
  { roles: LABELING, access: "member", summary: "Skip the pair on the labeler's screen", body: skipInputSchema },
  async ({ user, project, body }) => skipPair(project, user.id, body),
);
