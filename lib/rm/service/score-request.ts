import { DomainError } from "../../errors";
import { embedTexts, isSpecEncoder } from "../features/encoder";
import type { SentenceEncoderSpec } from "../features/encoder-spec";
import { featurize } from "../features/featurize";
import { parseFeaturizerSpec } from "../features/spec";
import { scoreBatch, sharedRewardSession } from "../onnx/session";
import { textEncoderFromEnv } from "./encoder-env";
import { findVersion, onnxBytes, prunedError, requireVersion } from "./versions";

export type ScoreRequest = { prompt?: string; candidates: { text: string }[]; version?: number | "current" };

export type ScoreResponse = {
  version: number;
  modelId: string;
  device: "cpu" | "cuda";
  rewards: number[];
};

/**
 * Rewards of candidates for a prompt under the project's serving version (or a numbered one),
 * through the process-wide onnxruntime session of that version. The featurizer is the one stored
 * with the version, so a score is reproducible whatever the current defaults are.
 */
export async function scoreWithVersion(
  project: { id: string; slug: string; retrainEvery: number },
  request: ScoreRequest,
): Promise<ScoreResponse> {
  const model =
    request.version === undefined || request.version === "current"
      ? await findVersion(project.id, "current")
      : await requireVersion(project, request.version);
  if (!model) {
    throw new DomainError(
      "NO_MODEL",
      `Project "${project.slug}" has no reward model yet: one is trained after ${project.retrainEvery} judgments, or ask for one with POST /api/projects/${project.slug}/retrain.`,
    );
  }
  // Checked here too: this process may still hold a session of a version pruned since.
  if (model.prunedAt) throw prunedError(project.slug, model.version, model.prunedAt);
  const spec = parseFeaturizerSpec(model.featurizer);
  const embeddings =
    spec.name === "sentence-encoder" ? await embeddingsFor(spec, model.version, request.candidates) : undefined;
  const vectors = request.candidates.map((c, i) => {
    try {
      return featurize(spec, { prompt: request.prompt, text: c.text }, embeddings);
    } catch (error) {
      // Only board models can refuse a text: it must be a position of a size the model reads.
      const field = `body.candidates.${i}.text`;
      const message = `${(error as Error).message} (a Go reward model scores compact positions such as "X.O/.X./O.. W")`;
      throw new DomainError("INVALID_INPUT", `Invalid body: ${field}: ${message}`, [{ field, message }]);
    }
  });
  const session = await sharedRewardSession(model.id, () => onnxBytes(model.id));
  const rewards = await scoreBatch(session, vectors);
  return { version: model.version, modelId: model.id, device: session.device, rewards: Array.from(rewards) };
}

/** Embeddings from this process's encoder, which must be the one the version was trained with. */
async function embeddingsFor(spec: SentenceEncoderSpec, version: number, candidates: { text: string }[]) {
  const encoder = await textEncoderFromEnv();
  if (!encoder || !isSpecEncoder(spec, encoder)) {
    throw new DomainError(
      "ENCODER_MISSING",
      `Version ${version} reads embeddings of the sentence encoder with model sha256 ${spec.modelSha256}; ${encoder ? "this server's RM_TEXT_ENCODER holds another one" : "this server has no RM_TEXT_ENCODER"}. Start it with RM_TEXT_ENCODER pointing to that encoder's directory.`,
    );
  }
  return embedTexts(
    spec,
    encoder,
    candidates.map((c) => c.text),
  );
}
