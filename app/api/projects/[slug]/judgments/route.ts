import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { judgeAndContinue, judgmentRequestSchema } from "@/lib/judgments";
import { limit } from "@/lib/security/rate-limit";

export const POST = projectRoute(
  {
    roles: LABELING,
    access: "member",
    summary: "Submit a judgment of the pair on the labeler's screen, and optionally get the next pair",
    description:
      "With `next`, the answer carries the labeler's next task (`next`), so one request per judgment keeps the next pair loaded. The judgment is stored whether or not a next task is found; without `next` in the answer, ask GET /next.",
    body: judgmentRequestSchema,
  },
  async ({ user, project, body }) => {
    await limit("judgment", user.id);
    return judgeAndContinue(project, user.id, body);
  },
);
