import { ADMINS, LABELING } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { createProject, listProjects, newProjectSchema } from "@/lib/projects";

export const GET = apiRoute({ roles: LABELING }, async ({ user }) => listProjects(user));

export const POST = apiRoute({ roles: ADMINS, body: newProjectSchema }, async ({ body }) => createProject(body));
