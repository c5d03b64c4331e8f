import { db } from "../db";
import { DomainError, notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { hillClimb, type Trajectory } from "../lab/optimizer";
import { words } from "../lab/probes";
import { scoreWithVersion } from "../rm/service/score-request";
import { saveLabRun } from "./runs";

export type OptimizeOptions = {
  prompt: string;
  from: "genuine" | "empty";
  steps?: number;
  beam?: number;
  seed?: number;
};

/** The project's most frequent words in genuine candidates: what the optimizer may insert. */
async function vocabulary(projectId: string, size = 300): Promise<string[]> {
  const rows = await db().candidate.findMany({
    where: { prompt: { projectId }, source: { not: "probe" } },
    select: { text: true },
    take: 5000,
  });
  const counts = new Map<string, number>();
  for (const row of rows) for (const w of words(row.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([w]) => w);
}

/**
 * Hill-climbs a text for one prompt (its external id) against the serving model, from the
 * prompt's first genuine candidate or from empty, and stores the trajectory as an "optimizer" run.
 */
export async function optimizeAgainstModel(
  project: Project,
  options: OptimizeOptions,
): Promise<Trajectory & { model_version: number }> {
  if (project.kind !== "TEXT")
    throw new DomainError("INVALID_INPUT", `Project "${project.slug}" is a Go project: the optimizer edits texts.`);
  const prompt = await db().prompt.findUnique({
    where: { projectId_externalId: { projectId: project.id, externalId: options.prompt } },
    select: {
      text: true,
      candidates: {
        where: { source: { not: "probe" } },
        select: { text: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  if (!prompt) throw notFound(`Prompt "${options.prompt}" of project "${project.slug}"`);
  const started = performance.now();
  let modelVersion = 0;
  const trajectory = await hillClimb({
    start: options.from === "empty" ? "" : (prompt.candidates[0]?.text ?? ""),
    vocabulary: await vocabulary(project.id),
    score: async (texts) => {
      const scored = await scoreWithVersion(project, {
        prompt: prompt.text,
        candidates: texts.map((text) => ({ text })),
      });
      modelVersion = scored.version;
      return scored.rewards;
    },
    maxSteps: options.steps ?? 30,
    beam: options.beam ?? 1,
    seed: options.seed ?? 1,
  });
  await saveLabRun(project.id, {
    kind: "optimizer",
    modelVersion,
    params: { ...options },
    result: trajectory,
    seconds: (performance.now() - started) / 1000,
  });
  return { ...trajectory, model_version: modelVersion };
}
