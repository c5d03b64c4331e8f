import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { reportInputSchema, reportPair } from "@/lib/reports";

/** Reports the pair on the labeler's screen (broken, offensive, duplicate, other) and skips it. */
export const POST = projectRoute(
  {
    roles: LABELING,
    access: "member",
    summary: "Report the pair on the labeler's screen and skip it",
    body: reportInputSchema,
  },
  async ({ user, project, body }) => reportPair(project, user.id, body),
);
