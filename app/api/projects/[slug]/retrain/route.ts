import { NextResponse } from "next/server";
import { STAFF } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { enqueueRetrain } from "@/lib/rm/service/trigger";

/**
 * Queues a retrain of the project's reward model now. A plain HTML form post (the dashboard's
 * "Retrain now" button) is sent back to the dashboard; API callers get JSON.
 */
export const POST = projectRoute(
  { roles: STAFF, access: "staff", summary: "Queue a retrain of the project's reward model now" },
  async ({ req, project }) => {
    const jobId = await enqueueRetrain(project.id, "manual");
    if (req.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
      // A relative Location: behind a proxy, req.url is the internal address.
      return new Response(null, {
        status: 303,
        headers: { location: `/projects/${project.slug}?retrain=queued#reward-model` },
      });
    }
    return NextResponse.json(
      {
        queued: jobId !== null,
        jobId,
        message:
          jobId !== null
            ? "Retrain queued: a worker trains the new version and switches to it once it is evaluated."
            : "A retrain of this project is already waiting: it now trains whatever the count of new judgments, on every judgment made before it starts.",
      },
      { status: 202 },
    );
  },
);
