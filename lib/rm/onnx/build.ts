import os from "node:os";
import onnxProto from "onnx-proto";
import type { Floats } from "../train/model";

// Small builders for ONNX graphs written with onnx-proto: the reward-model export (export.ts)
// and the tiny test encoder (tests/fixtures/tiny-encoder.ts).

export const { onnx } = onnxProto;
export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;

/** A node named after its first output. */
export function op(
  opType: string,
  input: string[],
  output: string[],
  attribute: onnxProto.onnx.IAttributeProto[] = [],
) {
  return onnx.NodeProto.create({ opType, input, output, name: output[0], attribute });
}

export function intAttribute(name: string, i: number): onnxProto.onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i };
}

export function floatTensor(name: string, dims: number[], data: Floats): onnxProto.onnx.TensorProto {
  const floats = data instanceof Float32Array ? data : Float32Array.from(data);
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: bytesOf(floats) });
}

export function int64Tensor(name: string, dims: number[], data: number[]): onnxProto.onnx.TensorProto {
  return onnx.TensorProto.create({ name, dims, dataType: INT64, rawData: bytesOf(BigInt64Array.from(data, BigInt)) });
}

/** A graph input or output with symbolic dimensions. */
export function valueInfo(name: string, elemType: number, shape: string[]): onnxProto.onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: shape.map((dimParam) => ({ dimParam })) } } } };
}

function bytesOf(array: Float32Array | BigInt64Array): Uint8Array {
  // ONNX raw_data is little-endian; typed arrays use the host's byte order.
  if (os.endianness() !== "LE") throw new Error("Writing ONNX tensors needs a little-endian host.");
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
