import { boardFromPosition } from "../../go/candidate";
import { questionSide } from "../../go/question";
import { type SentenceEncoderInfo, sentenceEncoderSpec } from "../features/encoder-spec";
import { goPlanesSpec } from "../features/go-spec";
import { defaultFeaturizerSpec } from "../features/spec";
import type { TrainOptions } from "./train";

/**
 * How a project's next version is trained: text projects on hashed text, or on the embeddings of
 * the local sentence encoder when one is configured (`encoder`); Go projects on board
 * planes seen from the side the project's question asks about, over the board sizes its
 * candidates have, with every judgment also learned in the board's 8 symmetries. Throws, naming
 * the candidate, when a Go candidate is not a readable position.
 */
export function trainingSetupForProject(
  project: { kind: "TEXT" | "GO"; question: string | null },
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
