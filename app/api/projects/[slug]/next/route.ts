import { z } from "zod";
import { nextTask } from "@/lib/assign";
import { LABELING } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";

const query = z.object({
  /** Comma-separated leases the client already holds (shown or queued), so they are not served again. */
  exclude: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean).slice(0, 50) : [])),
});

export const GET = projectRoute(
  { roles: LABELING, access: "member", summary: "The next pair for the labeler to judge", query },
  async ({ user, project, query }) => nextTask(project, user.id, { exclude: query.exclude }),
);
