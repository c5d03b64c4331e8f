import { z } from "zod";
import { ML_TEAM } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug } from "@/lib/projects";
import { scoreWithVersion } from "@/lib/rm/service/score-request";

const MAX_CANDIDATES = 1_000;
const MAX_CHARS = 100_000;

const body = z.object({
  project: z.string().min(1, "give the project's slug"),
  prompt: z.string().max(MAX_CHARS).optional(),
  candidates: z
    .array(z.object({ text: z.string().max(MAX_CHARS, `at most ${MAX_CHARS} characters`) }))
    .min(1, "give at least one candidate")
    .max(MAX_CANDIDATES, `at most ${MAX_CANDIDATES} candidates per request; split the batch`),
  // A number, or "current" for the serving version (the default), like the download URLs.
  version: z.union([z.number().int().positive(), z.literal("current")]).optional(),
});

const response = z.object({
  project: z.string(),
  version: z.number().int().meta({ description: "The version that scored (the serving one for current)." }),
  modelId: z.string(),
  device: z.string().meta({ description: "Where onnxruntime ran: cpu or cuda." }),
  rewards: z.array(z.number()).meta({ description: "One reward per candidate, in the order sent." }),
});

/** Scores a batch of candidates for a prompt with the project's serving reward model or a numbered version. */
export const POST = apiRoute(
  {
    roles: ML_TEAM,
    scope: "score",
    response,
    summary: "Score candidates for a prompt with a project's reward model (the serving version or a numbered one)",
    body,
  },
  async ({ body }) => {
    const project = await projectBySlug(body.project);
    const { prompt, candidates, version } = body;
    const scored = await scoreWithVersion(project, { prompt, candidates, version });
    return { project: project.slug, ...scored };
  },
);
