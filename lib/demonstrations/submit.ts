import { db } from "../db";
import { DomainError, notFound } from "../errors";
import type { Project } from "../generated/prisma/client";
import { sample, shuffleKey } from "../pairs/plan";
import type { DemonstrationInput } from "./schema";

export type StoredDemonstration = { demonstrationId: string; candidateId: string };

/**
 * A written answer becomes a `human` candidate paired with up to `pairCap` of the prompt's other
 * candidates. Its author never gets those pairs (lib/assign excludes them); others judge it blind.
 * The client id makes a retried submission return the first one's answer.
 */
export async function submitDemonstration(
  project: Project,
  userId: string,
  input: DemonstrationInput,
): Promise<StoredDemonstration> {
  if (!project.demonstrations) throw new DomainError("DEMONSTRATIONS_OFF", "This project takes no demonstrations.");
  const replay = await findReplay(input.clientId, userId);
  if (replay) return replay;

  const prompt = await db().prompt.findFirst({
    where: { id: input.promptId, projectId: project.id },
    select: { id: true, candidates: { select: { id: true } } },
  });
  if (!prompt) throw notFound("Prompt");

  try {
    return await db().$transaction(async (tx) => {
      const candidate = await tx.candidate.create({
        data: {
          promptId: prompt.id,
          externalId: `human-${input.clientId}`,
          text: input.text,
          source: "human",
          authorId: userId,
        },
      });
      const demonstration = await tx.demonstration.create({
        data: { ...input, promptId: prompt.id, userId, candidateId: candidate.id },
      });
      await tx.pair.createMany({
        data: sample(prompt.candidates, project.pairCap).map((other) => ({
          projectId: project.id,
          promptId: prompt.id,
          candidateAId: other.id,
          candidateBId: candidate.id,
          openSlots: project.k,
          shuffleKey: shuffleKey(),
        })),
      });
      return { demonstrationId: demonstration.id, candidateId: candidate.id };
    });
  } catch (error) {
    // A concurrent retry with the same client id won the unique constraint: answer as it did.
    const raced = await findReplay(input.clientId, userId);
    if (raced) return raced;
    throw error;
  }
}

async function findReplay(clientId: string, userId: string): Promise<StoredDemonstration | null> {
  const row = await db().demonstration.findUnique({ where: { clientId } });
  if (!row) return null;
  if (row.userId !== userId)
    throw new DomainError("CLIENT_ID_TAKEN", "This client id was used by someone else; generate a new one.");
  return { demonstrationId: row.id, candidateId: row.candidateId };
}
