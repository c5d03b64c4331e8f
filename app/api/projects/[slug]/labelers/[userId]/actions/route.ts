import { z } from "zod";
import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { actOnLabeler } from "@/lib/labelers";

const body = z.object({
  action: z.enum(["PAUSE", "UNPAUSE", "EXCLUDE", "INCLUDE"]),
  reason: z.string().max(2000).default(""),
});

/** A lead pauses or excludes a labeler, or undoes it; recorded in the labeler history with the reason. */
export const POST = projectRoute(
  {
    roles: LEADS,
    access: "staff",
    body,
    summary: "Pause or exclude a labeler, or undo it; recorded with who, when and why",
  },
  async ({ project, params, user, body }) => actOnLabeler(project, params.userId ?? "", user.id, body),
);
