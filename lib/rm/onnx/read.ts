import onnxProto from "onnx-proto";
import { parseFeaturizerSpec } from "../features/spec";
import type { RewardModel } from "../train/model";
import { metadataKeys } from "./export";

// Reading an exported file back, so the ONNX bytes alone (as stored per model version) are enough to
// featurize new text and to rebuild the TypeScript model.

const { onnx } = onnxProto;

/** The metadata written by exportOnnx (featurizer spec, tie threshold, card), as strings. */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const proto = onnx.ModelProto.decode(bytes);
  return Object.fromEntries((proto.metadataProps ?? []).map((p) => [p.key ?? "", p.value ?? ""]));
}

/** Rebuilds the model from a file written by exportOnnx. */
export function readOnnxModel(bytes: Uint8Array): RewardModel {
  const proto = onnx.ModelProto.decode(bytes);
  const metadata = Object.fromEntries((proto.metadataProps ?? []).map((p) => [p.key ?? "", p.value ?? ""]));
  const specJson = metadata[metadataKeys.featurizer];
  if (specJson === undefined)
    throw new Error("This ONNX file has no featurizer spec: it was not written by exportOnnx.");
  const tensors = new Map((proto.graph?.initializer ?? []).map((t) => [t.name ?? "", t]));
  const floats = (name: string) => {
    const t = tensors.get(name);
    if (!t?.rawData) return { data: new Float32Array(0), dims: [] as number[] };
    const copy = new Uint8Array(t.rawData);
    return { data: new Float32Array(copy.buffer, 0, copy.byteLength / 4), dims: (t.dims ?? []).map(Number) };
  };
  const embedding = floats("embedding");
  const hidden = embedding.dims.length === 2 ? (embedding.dims[1] as number) : 0;
  return {
    featurizer: parseFeaturizerSpec(JSON.parse(specJson)),
    tieThreshold: Number(metadata[metadataKeys.tieThreshold] ?? 0),
    params: {
      dims: embedding.dims[0] ?? 0,
      hidden,
      embedding: embedding.data,
      bias1: hidden ? floats("bias1").data : new Float32Array(0),
      weight2: hidden ? floats("weight2").data : new Float32Array(0),
      bias2: floats("bias2").data,
    },
  };
}
