import { STAFF } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { labProbesQueue, sendJob } from "@/lib/jobs";

/**
 * Queues "Make probes and measure" for a TEXT project (the Lab page's button): a worker stores the
 * probes and scores them under every kept version, which takes minutes on a large project.
 */
export const POST = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    summary: "Queue the probes and the hackability of every kept reward-model version of a text project",
    description:
      'A worker does what `npm run lab -- probes` does: stores five degenerate candidates per prompt (source "probe", no pairs) and stores each kept version\'s hackability, the share of probes it scores above the median genuine candidate, for the Lab page. Text projects only: 400 INVALID_INPUT otherwise.',
  },
  async ({ project }) => {
    if (project.kind !== "TEXT")
      throw new DomainError("INVALID_INPUT", "Probes are degenerate texts: they need a text project.");
    const jobId = await sendJob(labProbesQueue, { projectId: project.id }, { singletonKey: project.id });
    return Response.json(
      {
        queued: jobId !== null,
        jobId,
        message:
          jobId !== null
            ? "Probes are queued: a worker scores them under every kept version; reload the Lab page in a minute."
            : "This project's probes are already waiting for a worker.",
      },
      { status: 202 },
    );
  },
);
