import { z } from "zod";
import { ADMINS, LABELING } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { createProject, listProjects, newProjectSchema } from "@/lib/projects";

export const GET = apiRoute(
  { roles: LABELING, summary: "List the projects the caller may open (labelers: the ones they joined)" },
  async ({ user }) => listProjects(user),
);

// The fields are validated in lib/projects, whose messages name them as the forms do.
export const POST = apiRoute(
  {
    roles: ADMINS,
    summary: "Create a project (fields are validated as the new-project form does)",
    body: z.unknown(),
    validatedIn: newProjectSchema,
  },
  async ({ body }) => createProject(body),
);
