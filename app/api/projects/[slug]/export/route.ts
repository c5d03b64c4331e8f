import { ML_TEAM } from "@/lib/auth/roles";
import { trlPreferenceLines } from "@/lib/export";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug } from "@/lib/projects";

/** Streams the project's preference pairs as TRL JSONL. */
export const GET = apiRoute({ roles: ML_TEAM }, async ({ params }) => {
  const project = await projectBySlug(params.slug ?? "");
  const lines = trlPreferenceLines(project);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${project.slug}-preferences.jsonl"`,
    },
  });
});
