import { z } from "zod";
import { nextTask } from "@/lib/assign";
import { LABELING } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { requireProjectAccess } from "@/lib/projects";

const query = z.object({
  /** Comma-separated leases the client already holds (shown or queued), so they are not served again. */
  exclude: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean).slice(0, 50) : [])),
});

export const GET = apiRoute({ roles: LABELING, query }, async ({ user, params, query }) => {
  const project = await requireProjectAccess(user, params.slug ?? "");
  return nextTask(project, user.id, { exclude: query.exclude });
});
