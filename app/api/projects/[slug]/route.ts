import { z } from "zod";
import { ADMINS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { deleteProject } from "@/lib/projects";

const body = z.object({ confirmSlug: z.unknown() });

/** Deletes the project and everything in it; the body repeats the slug to confirm. */
export const DELETE = projectRoute(
  {
    roles: ADMINS,
    access: "staff",
    summary: "Delete the project and everything in it; the body repeats the slug",
    body,
  },
  async ({ project, body }) => deleteProject(project.slug, body.confirmSlug),
);
