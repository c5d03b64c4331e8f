import { ML_TEAM } from "@/lib/auth/roles";
import { trlPreferenceLines } from "@/lib/export";
import { projectRoute } from "@/lib/http/project-route";

/** Streams the project's preference pairs as TRL JSONL. */
export const GET = projectRoute(
  {
    roles: ML_TEAM,
    access: "staff",
    scope: "export:read",
    summary: "The project's preference pairs as TRL JSONL",
    produces: {
      contentType: "application/x-ndjson",
      description: "One JSON object per line: prompt, chosen, rejected.",
    },
  },
  async ({ project }) => {
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
  },
);
