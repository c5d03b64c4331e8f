import { z } from "zod";
import { ADMINS, LABELING } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { createProject, listProjects } from "@/lib/projects";

export const GET = apiRoute({ roles: LABELING }, async ({ user }) => listProjects(user));

// The fields are validated in lib/projects, whose messages name them as the forms do.
export const POST = apiRoute({ roles: ADMINS, body: z.unknown() }, async ({ body }) => createProject(body));
