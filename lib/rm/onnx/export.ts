import type { RewardModel } from "../train/model";
import { FLOAT, floatTensor, INT64, int64Tensor, intAttribute, onnx, op, valueInfo } from "./build";

// The trained model as an ONNX graph (IR version 8, opset 17) that computes exactly the TypeScript
// forward pass, so it can be scored by onnxruntime anywhere:
//
//   indices int64 [N, K], values float [N, K]   (each row one candidate, padded with index 0, value 0)
//   Gather(E, indices)            → [N, K, H]   only the rows the candidates use; no input of width dims
//   Mul(·, Unsqueeze(values, 2))  → [N, K, H]
//   ReduceSum(·, axes=[1])        → [N, H]      (opset ≥ 13 takes the axes as an input tensor)
//   Add(b1) → Relu → MatMul(w2 [H]) → [N] → Add(b2) → reward float [N]
//
// The linear model (hidden = 0) is Gather(e [dims]) → Mul(values) → ReduceSum(axes=[1]) → Add(b) → [N].
// Padding is harmless: slot 0 times value 0 adds 0.

export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;
/** Metadata keys under which the .onnx file carries what is needed to featurize and explain it. */
export const metadataKeys = {
  featurizer: "vibecheck.featurizer",
  tieThreshold: "vibecheck.tie_threshold",
  card: "vibecheck.card",
};

export function exportOnnx(model: RewardModel, options: { card?: unknown; name?: string } = {}): Uint8Array {
  const { hidden, dims } = model.params;
  const initializer = [
    floatTensor("embedding", hidden ? [dims, hidden] : [dims], model.params.embedding),
    int64Tensor("axis_k", [1], [1]),
    floatTensor("bias2", [1], model.params.bias2),
  ];
  const node = [op("Gather", ["embedding", "indices"], ["gathered"], [intAttribute("axis", 0)])];
  if (hidden > 0) {
    initializer.push(
      int64Tensor("axis_h", [1], [2]),
      floatTensor("bias1", [hidden], model.params.bias1),
      floatTensor("weight2", [hidden], model.params.weight2),
    );
    node.push(
      op("Unsqueeze", ["values", "axis_h"], ["values_3d"]),
      op("Mul", ["gathered", "values_3d"], ["weighted"]),
      op("ReduceSum", ["weighted", "axis_k"], ["bag"], [intAttribute("keepdims", 0)]),
      op("Add", ["bag", "bias1"], ["pre_activation"]),
      op("Relu", ["pre_activation"], ["hidden"]),
      op("MatMul", ["hidden", "weight2"], ["hidden_out"]),
      op("Add", ["hidden_out", "bias2"], ["reward"]),
    );
  } else {
    node.push(
      op("Mul", ["gathered", "values"], ["weighted"]),
      op("ReduceSum", ["weighted", "axis_k"], ["bag"], [intAttribute("keepdims", 0)]),
      op("Add", ["bag", "bias2"], ["reward"]),
    );
  }
  const graph = onnx.GraphProto.create({
    name: options.name ?? "vibecheck_reward_model",
    node,
    initializer,
    input: [valueInfo("indices", INT64, ["N", "K"]), valueInfo("values", FLOAT, ["N", "K"])],
    output: [valueInfo("reward", FLOAT, ["N"])],
  });
  const metadataProps = [
    { key: metadataKeys.featurizer, value: JSON.stringify(model.featurizer) },
    { key: metadataKeys.tieThreshold, value: String(model.tieThreshold) },
  ];
  if (options.card !== undefined) metadataProps.push({ key: metadataKeys.card, value: JSON.stringify(options.card) });
  const proto = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: "", version: ONNX_OPSET }],
    producerName: "vibecheck",
    docString:
      "Reward model over sparse features (hashed text or Go board planes); see the vibecheck.featurizer metadata.",
    graph,
    metadataProps,
  });
  return onnx.ModelProto.encode(proto).finish();
}
