import { NextResponse } from "next/server";
import { STAFF } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { labBonQueue, sendJob } from "@/lib/jobs";

/**
 * Queues the best-of-n Goodhart curve of a GO project's serving reward model (the Lab page's
 * button). A plain form post goes back to the Lab page; API callers get JSON.
 */
export const POST = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    summary: "Queue the best-of-n Goodhart curve of a Go project's serving reward model",
    description:
      "A worker computes it with the defaults of `npm run lab -- bon` (about a minute) and stores it for the Lab page. Go projects only: 400 INVALID_INPUT otherwise.",
  },
  async ({ req, project }) => {
    if (project.kind !== "GO")
      throw new DomainError("INVALID_INPUT", "The best-of-n curve needs a Go project: only Go has a computable truth.");
    const jobId = await sendJob(labBonQueue, { projectId: project.id }, { singletonKey: project.id });
    if (req.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
      return new Response(null, { status: 303, headers: { location: `/projects/${project.slug}/lab?bon=queued` } });
    }
    return NextResponse.json(
      {
        queued: jobId !== null,
        jobId,
        message:
          jobId !== null
            ? "The curve is queued: a worker computes it (about a minute) and the Lab page shows it."
            : "A computation of this project's curve is already waiting.",
      },
      { status: 202 },
    );
  },
);
