// Public surface of the reward model's pure layers: featurize candidates (hashed text, Go board
// planes, or the embeddings of a local sentence encoder), train from comparisons, measure, export
// to ONNX and score through onnxruntime-node. No database, queue or HTTP here.
//
//   features/   what a candidate becomes: featurizer specs, hashed text, Go planes, encoder embeddings
//   train/      the model, its loss, batches, AdamW, the training loop, datasets and splits
//   eval/       metrics, held-out evaluation, the model card, train-and-evaluate (also in a thread)
//   onnx/       graph builders, export, reading back, onnxruntime-node sessions
//   synthetic/  simulated comparisons for tests and benches
//   service/    the only layer that touches the database, jobs, env or HTTP: the training snapshot,
//               the retrain job, stored versions and the atomic switch, scoring a request, the
//               retrain trigger and lock. Import it by path (lib/rm/service/…), never from here.

export { buildModelCard, type ModelCard, type TrainingSnapshot } from "./eval/card";
export { evaluateRewardModel, type RewardModelMetrics } from "./eval/evaluate";
export {
  type CalibrationBin,
  calibrationBins,
  expectedCalibrationError,
  logLoss,
  pairwiseAccuracy,
  type ScoredPair,
} from "./eval/metrics";
export { scoreTexts } from "./eval/score-texts";
export { embedTexts } from "./features/encoder";
export { type SentenceEncoderSpec, sentenceEncoderSpec } from "./features/encoder-spec";
export {
  describeFeaturizer,
  type Embeddings,
  type FeaturizerInput,
  featuresDependOnPrompt,
  featurize,
  type SparseVector,
} from "./features/featurize";
export { GO_PLANES, type GoPlanesSpec, goPlanesSpec, goScalarSlot } from "./features/go-spec";
export { SentenceEncoder } from "./features/sentence-encoder";
export {
  defaultFeaturizerSpec,
  type FeaturizerSpec,
  featurizerSpecSchema,
  type HashedTextSpec,
  parseFeaturizerSpec,
  scalarSlot,
} from "./features/spec";
export { exportOnnx, metadataKeys, ONNX_IR_VERSION, ONNX_OPSET } from "./onnx/export";
export { readOnnxMetadata, readOnnxModel } from "./onnx/read";
export {
  createRewardSession,
  deviceFromEnv,
  type RewardSession,
  type RmDevice,
  releaseSharedSession,
  type SessionOptions,
  scoreBatch,
  sharedRewardSession,
} from "./onnx/session";
export type { Comparison } from "./train/comparison";
export type { StrengthUse } from "./train/dataset";
export { forward, type RewardModel, type RewardModelParams } from "./train/model";
export { splitByPrompt } from "./train/split";
export {
  defaultTrainOptions,
  type EpochReport,
  type TrainOptions,
  type TrainResult,
  trainRewardModel,
} from "./train/train";
