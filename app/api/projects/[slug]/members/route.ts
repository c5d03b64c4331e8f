import { z } from "zod";
import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { addMemberByEmail } from "@/lib/projects";
import { emailSchema } from "@/lib/users";

const body = z.object({ email: emailSchema() });

/** A lead or admin adds an existing account to the project by its email. */
export const POST = projectRoute(
  { roles: LEADS, access: "staff", summary: "Add an existing account to the project by its email", body },
  async ({ project, body }) => addMemberByEmail(project.id, body.email),
);
