import { db } from "../db";
import type { Project } from "../generated/prisma/client";
import { shuffleKey } from "../pairs/plan";

/**
 * Closes the loop: every probe and optimizer output of a TEXT project (candidates with source
 * "probe") that is not in a pair yet is paired with one genuine candidate of its prompt (the
 * prompts' genuine candidates taken in turn) and served to labelers like any other pair: blind, in
 * random left/right order, k judgments. The next retrain learns from those answers. Returns the
 * pairs made.
 */
export async function sendProbesToLabeling(project: Project): Promise<number> {
  const prompts = await db().prompt.findMany({
    where: { projectId: project.id },
    select: {
      id: true,
      candidates: {
        select: { id: true, source: true, pairsAsA: { select: { id: true } }, pairsAsB: { select: { id: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const rows: {
    projectId: string;
    promptId: string;
    candidateAId: string;
    candidateBId: string;
    openSlots: number;
    shuffleKey: number;
  }[] = [];
  for (const prompt of prompts) {
    const genuine = prompt.candidates.filter((c) => c.source !== "probe");
    if (genuine.length === 0) continue;
    const unpaired = prompt.candidates.filter(
      (c) => c.source === "probe" && c.pairsAsA.length === 0 && c.pairsAsB.length === 0,
    );
    unpaired.forEach((probe, i) => {
      const other = genuine[i % genuine.length] as (typeof genuine)[number];
      rows.push({
        projectId: project.id,
        promptId: prompt.id,
        candidateAId: other.id,
        candidateBId: probe.id,
        openSlots: project.k,
        shuffleKey: shuffleKey(),
      });
    });
  }
  if (rows.length === 0) return 0;
  const made = await db().pair.createMany({ data: rows, skipDuplicates: true });
  return made.count;
}
