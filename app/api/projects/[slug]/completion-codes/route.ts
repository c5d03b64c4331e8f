import { LEADS } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { completionCodesCsv } from "@/lib/projects";

/** Every member's completion code as CSV, to check crowd workers' codes before paying them. */
export const GET = projectRoute(
  {
    roles: LEADS,
    access: "staff",
    summary: "Every member's completion code as CSV",
    produces: { contentType: "text/csv", description: "One row per member: worker id and completion code." },
  },
  async ({ project }) =>
    new Response(await completionCodesCsv(project), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${project.slug}-completion-codes.csv"`,
        "cache-control": "no-store",
      },
    }),
);
