import { z } from "zod";
import { STAFF } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { labOptimizeQueue, sendJob } from "@/lib/jobs";

const body = z.object({
  prompt: z.string().min(1, "Choose a prompt."),
  from: z.enum(["genuine", "empty"]).default("genuine"),
  steps: z.number().int().min(1).max(200).default(30),
});

/**
 * Queues the optimizer on one prompt of a TEXT project (the Lab page's form): each step scores
 * dozens of edited texts through the serving model, so a worker runs it and stores the trajectory.
 */
export const POST = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    body,
    summary: "Queue the optimizer's hill-climb against the serving reward model on one prompt",
    description:
      "`prompt` is the prompt's id from the import; `from` is genuine (its first genuine candidate) or empty. A worker does what `npm run lab -- optimize` does and stores the score at every step and the final text for the Lab page. Text projects only: 400 INVALID_INPUT otherwise; 404 for an unknown prompt.",
  },
  async ({ project, body }) => {
    if (project.kind !== "TEXT")
      throw new DomainError("INVALID_INPUT", "The optimizer edits texts: it needs a text project.");
    const prompt = await db().prompt.findUnique({
      where: { projectId_externalId: { projectId: project.id, externalId: body.prompt } },
      select: { id: true },
    });
    if (!prompt) throw notFound(`Prompt "${body.prompt}" of project "${project.slug}"`);
    if (!project.currentModelId)
      throw new DomainError("INVALID_INPUT", "The optimizer climbs against the serving model: train one first.");
    const jobId = await sendJob(labOptimizeQueue, { projectId: project.id, ...body });
    return Response.json(
      {
        queued: jobId !== null,
        jobId,
        message: `The optimizer is queued on prompt "${body.prompt}": reload the Lab page in a minute to see its climb.`,
      },
      { status: 202 },
    );
  },
);
