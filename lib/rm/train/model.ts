import type { SparseVector } from "../features/featurize";
import type { FeaturizerSpec } from "../features/spec";
import { normal, sfc32 } from "./random";

// r(x) = w2 · relu(Eᵀx + b1) + b2, with x a sparse hashed vector and E (dims × hidden) used as an
// embedding bag: only the rows of x's non-zeros are read, never a dense row of width `dims`.
// hidden = 0 is the linear model r(x) = eᵀx + b2 (E is then dims × 1).

/** Float32Array in production; the gradient check builds the same parameters in Float64Array. */
export type Floats = Float32Array | Float64Array;

export type RewardModelParams = {
  dims: number;
  hidden: number;
  /** Row-major dims × max(hidden, 1). */
  embedding: Floats;
  bias1: Floats;
  weight2: Floats;
  /** One element. */
  bias2: Floats;
};

/** A trained model: everything needed to score a text and reproduce its features. */
export type RewardModel = {
  featurizer: FeaturizerSpec;
  params: RewardModelParams;
  /** Rao–Kupper η on the reward scale; 0 when ties were not modelled. */
  tieThreshold: number;
};

/** Width of one embedding row. */
export function rowWidth(params: { hidden: number }): number {
  return Math.max(params.hidden, 1);
}

/**
 * Small random embedding rows break the symmetry between hidden units; they are small enough that
 * hash slots never seen in training add almost nothing to a score. w2 starts at ±1/√hidden and b1
 * slightly positive so every unit starts in the linear part of the ReLU.
 */
export function initParams(dims: number, hidden: number, seed: number): RewardModelParams {
  const random = sfc32(seed);
  const width = Math.max(hidden, 1);
  const embedding = new Float32Array(dims * width);
  for (let i = 0; i < embedding.length; i++) embedding[i] = 0.01 * normal(random);
  const bias1 = new Float32Array(hidden).fill(0.1);
  const weight2 = new Float32Array(hidden);
  for (let h = 0; h < hidden; h++) weight2[h] = (random() < 0.5 ? -1 : 1) / Math.sqrt(hidden);
  return { dims, hidden, embedding, bias1, weight2, bias2: new Float32Array(1) };
}

/**
 * Reward of the sparse vector stored at [start, end) of `indices`/`values`. Writes the hidden
 * pre-activations into `preActivation` (length ≥ hidden) for the backward pass.
 */
export function forwardRange(
  params: RewardModelParams,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  preActivation: Float64Array,
): number {
  const { hidden, embedding, bias1, weight2 } = params;
  if (hidden === 0) {
    let r = params.bias2[0] as number;
    for (let k = start; k < end; k++) r += (embedding[indices[k] as number] as number) * (values[k] as number);
    return r;
  }
  // Eight hidden units at a time in local variables: the accumulators stay in registers instead of
  // going through memory once per non-zero, which is most of the training time.
  let h0 = 0;
  for (; h0 + 8 <= hidden; h0 += 8) {
    let a0 = bias1[h0] as number;
    let a1 = bias1[h0 + 1] as number;
    let a2 = bias1[h0 + 2] as number;
    let a3 = bias1[h0 + 3] as number;
    let a4 = bias1[h0 + 4] as number;
    let a5 = bias1[h0 + 5] as number;
    let a6 = bias1[h0 + 6] as number;
    let a7 = bias1[h0 + 7] as number;
    for (let k = start; k < end; k++) {
      const e = (indices[k] as number) * hidden + h0;
      const v = values[k] as number;
      a0 += (embedding[e] as number) * v;
      a1 += (embedding[e + 1] as number) * v;
      a2 += (embedding[e + 2] as number) * v;
      a3 += (embedding[e + 3] as number) * v;
      a4 += (embedding[e + 4] as number) * v;
      a5 += (embedding[e + 5] as number) * v;
      a6 += (embedding[e + 6] as number) * v;
      a7 += (embedding[e + 7] as number) * v;
    }
    preActivation[h0] = a0;
    preActivation[h0 + 1] = a1;
    preActivation[h0 + 2] = a2;
    preActivation[h0 + 3] = a3;
    preActivation[h0 + 4] = a4;
    preActivation[h0 + 5] = a5;
    preActivation[h0 + 6] = a6;
    preActivation[h0 + 7] = a7;
  }
  for (let h = h0; h < hidden; h++) {
    let a = bias1[h] as number;
    for (let k = start; k < end; k++)
      a += (embedding[(indices[k] as number) * hidden + h] as number) * (values[k] as number);
    preActivation[h] = a;
  }
  let r = params.bias2[0] as number;
  for (let h = 0; h < hidden; h++) {
    const z = preActivation[h] as number;
    if (z > 0) r += (weight2[h] as number) * z;
  }
  return r;
}

const scratch = { preActivation: new Float64Array(0) };

/** Reward of one candidate (plain TypeScript forward pass; the ONNX export must match it). */
export function forward(params: RewardModelParams, x: SparseVector): number {
  if (scratch.preActivation.length < params.hidden) scratch.preActivation = new Float64Array(params.hidden);
  return forwardRange(params, x.indices, x.values, 0, x.indices.length, scratch.preActivation);
}

/**
 * Gradient buffers. The embedding gradient is a dense dims × width buffer of which only the rows
 * listed in `touchedRows[0, touchedCount)` are non-zero, so the optimizer visits only those rows.
 */
export type Gradients = {
  /** Same precision as the parameters: Float32 halves the memory traffic of the scatter. */
  embedding: Floats;
  rowStamp: Int32Array;
  stamp: number;
  touchedRows: Int32Array;
  touchedCount: number;
  bias1: Float64Array;
  weight2: Float64Array;
  bias2: Float64Array;
};

export function createGradients(params: RewardModelParams): Gradients {
  return {
    embedding:
      params.embedding instanceof Float64Array
        ? new Float64Array(params.dims * rowWidth(params))
        : new Float32Array(params.dims * rowWidth(params)),
    rowStamp: new Int32Array(params.dims),
    stamp: 1,
    touchedRows: new Int32Array(1024),
    touchedCount: 0,
    bias1: new Float64Array(params.hidden),
    weight2: new Float64Array(params.hidden),
    bias2: new Float64Array(1),
  };
}

/** Clears the gradient, touching only the rows the last batch touched. */
export function resetGradients(grads: Gradients, width: number): void {
  for (let t = 0; t < grads.touchedCount; t++) {
    const row = (grads.touchedRows[t] as number) * width;
    grads.embedding.fill(0, row, row + width);
  }
  grads.touchedCount = 0;
  grads.stamp++;
  grads.bias1.fill(0);
  grads.weight2.fill(0);
  grads.bias2.fill(0);
}

/** Adds dReward · ∂r/∂θ for the vector at [start, end), given its pre-activations from forwardRange. */
export function backwardRange(
  params: RewardModelParams,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  preActivation: Float64Array,
  dReward: number,
  grads: Gradients,
  dPre: Float64Array,
): void {
  const { hidden, weight2 } = params;
  const width = rowWidth(params);
  grads.bias2[0] = (grads.bias2[0] as number) + dReward;
  if (hidden === 0) {
    for (let k = start; k < end; k++) {
      const row = markRow(grads, indices[k] as number);
      grads.embedding[row] = (grads.embedding[row] as number) + (values[k] as number) * dReward;
    }
    return;
  }
  for (let h = 0; h < hidden; h++) {
    const z = preActivation[h] as number;
    if (z > 0) {
      grads.weight2[h] = (grads.weight2[h] as number) + dReward * z;
      dPre[h] = dReward * (weight2[h] as number);
      grads.bias1[h] = (grads.bias1[h] as number) + (dPre[h] as number);
    } else dPre[h] = 0;
  }
  const g = grads.embedding;
  for (let k = start; k < end; k++) markRow(grads, indices[k] as number);
  let h0 = 0;
  for (; h0 + 8 <= hidden; h0 += 8) {
    const d0 = dPre[h0] as number;
    const d1 = dPre[h0 + 1] as number;
    const d2 = dPre[h0 + 2] as number;
    const d3 = dPre[h0 + 3] as number;
    const d4 = dPre[h0 + 4] as number;
    const d5 = dPre[h0 + 5] as number;
    const d6 = dPre[h0 + 6] as number;
    const d7 = dPre[h0 + 7] as number;
    for (let k = start; k < end; k++) {
      const e = (indices[k] as number) * width + h0;
      const v = values[k] as number;
      g[e] = (g[e] as number) + v * d0;
      g[e + 1] = (g[e + 1] as number) + v * d1;
      g[e + 2] = (g[e + 2] as number) + v * d2;
      g[e + 3] = (g[e + 3] as number) + v * d3;
      g[e + 4] = (g[e + 4] as number) + v * d4;
      g[e + 5] = (g[e + 5] as number) + v * d5;
      g[e + 6] = (g[e + 6] as number) + v * d6;
      g[e + 7] = (g[e + 7] as number) + v * d7;
    }
  }
  for (let h = h0; h < hidden; h++) {
    const d = dPre[h] as number;
    for (let k = start; k < end; k++) {
      const e = (indices[k] as number) * width + h;
      g[e] = (g[e] as number) + (values[k] as number) * d;
    }
  }
}

function markRow(grads: Gradients, row: number): number {
  if (grads.rowStamp[row] !== grads.stamp) {
    grads.rowStamp[row] = grads.stamp;
    if (grads.touchedCount === grads.touchedRows.length) {
      const grown = new Int32Array(grads.touchedRows.length * 2);
      grown.set(grads.touchedRows);
      grads.touchedRows = grown;
    }
    grads.touchedRows[grads.touchedCount++] = row;
  }
  return row;
}
