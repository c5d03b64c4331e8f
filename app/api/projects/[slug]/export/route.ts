import { ML_TEAM } from "@/lib/auth/roles";
import { exportBody, exportQuerySchema, startExport } from "@/lib/export";
import { projectRoute } from "@/lib/http/project-route";

/**
 * Streams one export of the project (TRL preference rows or raw votes, as JSONL, Parquet or CSV)
 * and stores its manifest once the last byte is sent. The manifest's id is in the list at
 * /api/projects/[slug]/export/manifests.
 */
export const GET = projectRoute(
  {
    roles: ML_TEAM,
    access: "staff",
    scope: "export:read",
    query: exportQuerySchema,
    summary: "One export of the project: TRL preference rows or raw votes, as JSONL, Parquet or CSV",
    description:
      "Streamed in constant memory from one database snapshot; the manifest (filters, row rule, counts, content hash) is stored when the last byte is sent.",
    produces: {
      contentType: "application/x-ndjson",
      description: "JSONL by default; Parquet (application/vnd.apache.parquet) or CSV (text/csv) as `as` asks.",
    },
  },
  async ({ project, user, query }) => {
    const run = await startExport(project, query, user.email ?? user.id);
    return new Response(exportBody(run), {
      headers: {
        "content-type": run.contentType,
        "content-disposition": `attachment; filename="${run.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
