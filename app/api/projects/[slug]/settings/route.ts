import { z } from "zod";
import { ADMINS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { settingsPatchSchema, updateSettings } from "@/lib/projects";

// The fields are validated in lib/projects, whose messages name them as the settings page does.
export const PATCH = projectRoute(
  {
    roles: ADMINS,
    access: "staff",
    summary: "Change the project's settings (fields are validated as the settings page does)",
    body: z.unknown(),
    validatedIn: settingsPatchSchema,
  },
  async ({ project, body }) => updateSettings(project.slug, body),
);
