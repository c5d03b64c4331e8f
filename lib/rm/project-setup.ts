import type { ProjectKind } from "../generated/prisma/client";
import { boardFromPosition } from "../go/candidate";
import { questionSide } from "../go/question";
import type { TrainingSnapshot } from "./dataset-db";
import { textEncoderFromEnv } from "./encoder-env";
import { embedTexts } from "./encoder-features";
import { type SentenceEncoderInfo, sentenceEncoderSpec } from "./encoder-spec";
import { goPlanesSpec } from "./go-spec";
import { defaultFeaturizerSpec } from "./spec";
import type { TrainOptions } from "./train";

/**
 * How a project's next version is trained: text projects on hashed text, or on the embeddings of
 * the local sentence encoder when one is configured (`encoder`); Go projects on board
 * planes seen from the side the project's question asks about, over the board sizes its
 * candidates have, with every judgment also learned in the board's 8 symmetries. Throws, naming
 * the candidate, when a Go candidate is not a readable position.
 */
export function trainingSetupForProject(
  project: { kind: ProjectKind; question: string | null },
  candidates: readonly { id: string; text: string }[],
  encoder?: SentenceEncoderInfo,
): Pick<TrainOptions, "featurizer" | "augment"> {
  if (project.kind !== "GO") {
    return { featurizer: encoder ? sentenceEncoderSpec(encoder) : defaultFeaturizerSpec, augment: "none" };
  }
  const sizes = new Set<number>();
  for (const candidate of candidates) {
    try {
      sizes.add(boardFromPosition({ position: candidate.text }).size);
    } catch (error) {
      throw new Error(`Go candidate ${candidate.id} is not a board position: ${(error as Error).message}.`);
    }
  }
  if (sizes.size === 0) sizes.add(9);
  return { featurizer: goPlanesSpec(questionSide(project.question), sizes), augment: "board-symmetries" };
}

/**
 * The setup of trainingSetupForProject for a snapshot, with the encoder of RM_TEXT_ENCODER for a
 * text project when one is configured, and then the embedding of every text the version reads
 * (judged, gold and truth pairs, and every candidate it will score).
 */
export async function prepareTraining(
  project: { kind: ProjectKind; question: string | null },
  snapshot: TrainingSnapshot,
): Promise<Pick<TrainOptions, "featurizer" | "augment" | "embeddings">> {
  const encoder = project.kind === "GO" ? null : await textEncoderFromEnv();
  const setup = trainingSetupForProject(project, snapshot.candidates, encoder?.info);
  if (!encoder || setup.featurizer.name !== "sentence-encoder") return setup;
  const texts = [
    ...snapshot.comparisons.flatMap((c) => [c.chosen, c.rejected]),
    ...[...snapshot.gold, ...snapshot.truth].flatMap((p) => [p.better, p.worse]),
    ...snapshot.candidates.map((c) => c.text),
  ];
  return { ...setup, embeddings: await embedTexts(setup.featurizer, encoder, texts) };
}
