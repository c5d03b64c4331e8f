import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { undoInputSchema, undoJudgment } from "@/lib/judgments";

/** Takes back the labeler's last judgment (sent through the browser's outbox, retried like a judgment). */
export const POST = projectRoute(
  { roles: LABELING, access: "member", summary: "Take back the labeler's last judgment", body: undoInputSchema },
  async ({ user, project, body }) => undoJudgment(project, user.id, body),
);
