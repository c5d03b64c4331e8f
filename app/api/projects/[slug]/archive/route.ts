import { ADMINS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { setArchived } from "@/lib/projects";

/** Archives the project: no pairs are served, everything is kept. */
export const POST = projectRoute(
  { roles: ADMINS, access: "staff", summary: "Archive the project: no pairs are served, everything is kept" },
  async ({ project }) => setArchived(project.slug, true),
);

/** Unarchives it: pairs are served again. */
export const DELETE = projectRoute(
  { roles: ADMINS, access: "staff", summary: "Unarchive the project: pairs are served again" },
  async ({ project }) => setArchived(project.slug, false),
);
