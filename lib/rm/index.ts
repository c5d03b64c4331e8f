// Public surface of the reward model: featurize candidates (hashed text, Go board planes, or the
// embeddings of a local sentence encoder), train from comparisons, measure, export to ONNX and
// score through onnxruntime-node. Pure library: no database, queue or HTTP here. The database side
// lives next to it: dataset-db (snapshot), retrain (the job), versions (storage and the atomic
// switch), serve (scoring a request), trigger (enqueueing); encoder-env reads RM_TEXT_ENCODER.

export { buildModelCard, type ModelCard, type TrainingSnapshot } from "./card";
export type { Comparison } from "./comparison";
export type { StrengthUse } from "./dataset";
export { embedTexts } from "./encoder-features";
export { type SentenceEncoderSpec, sentenceEncoderSpec } from "./encoder-spec";
export { evaluateRewardModel, type RewardModelMetrics } from "./evaluate";
export {
  describeFeaturizer,
  type Embeddings,
  type FeaturizerInput,
  featuresDependOnPrompt,
  featurize,
  type SparseVector,
} from "./features";
export { GO_PLANES, type GoPlanesSpec, goPlanesSpec, goScalarSlot } from "./go-spec";
export {
  type CalibrationBin,
  calibrationBins,
  expectedCalibrationError,
  logLoss,
  pairwiseAccuracy,
  type ScoredPair,
} from "./metrics";
export { forward, type RewardModel, type RewardModelParams } from "./model";
export { exportOnnx, metadataKeys, ONNX_IR_VERSION, ONNX_OPSET } from "./onnx-export";
export { readOnnxMetadata, readOnnxModel } from "./onnx-read";
export {
  createRewardSession,
  deviceFromEnv,
  type RewardSession,
  type RmDevice,
  releaseSharedSession,
  type SessionOptions,
  scoreBatch,
  sharedRewardSession,
} from "./onnx-session";
export { scoreTexts } from "./score";
export { SentenceEncoder } from "./sentence-encoder";
export {
  defaultFeaturizerSpec,
  type FeaturizerSpec,
  featurizerSpecSchema,
  type HashedTextSpec,
  parseFeaturizerSpec,
  scalarSlot,
} from "./spec";
export { splitByPrompt } from "./split";
export { defaultTrainOptions, type EpochReport, type TrainOptions, type TrainResult, trainRewardModel } from "./train";
