import { embedTexts } from "../features/encoder";
import { trainingSetupForProject } from "../train/setup";
import type { TrainOptions } from "../train/train";
import { textEncoderFromEnv } from "./encoder-env";
import type { TrainingSnapshot } from "./snapshot";

/**
 * The setup of trainingSetupForProject for a snapshot, with the encoder of RM_TEXT_ENCODER for a
 * text project when one is configured, and then the embedding of every text the version reads
 * (judged, gold and truth pairs, and every candidate it will score).
 */
export async function prepareTraining(
  project: { kind: "TEXT" | "GO"; question: string | null },
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
