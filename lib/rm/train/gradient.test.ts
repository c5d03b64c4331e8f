import { describe, expect, it } from "vitest";
import { defaultFeaturizerSpec, type FeaturizerSpec } from "../features/spec";
import { batchLossAndGradient, createBatchWork } from "./batches";
import type { Comparison } from "./comparison";
import { buildComparisonSet, type ComparisonSet, type StrengthUse } from "./dataset";
import { type LossTerms, tieLoss, winLoss } from "./loss";
import { createGradients, initParams, type RewardModelParams } from "./model";
import { sfc32 } from "./random";

// Finite-difference checks of the analytic gradients, in Float64 so that the central difference
// (error O(ε²) plus rounding O(1e-16/ε)) is accurate to about 1e-9.

const spec: FeaturizerSpec = { ...defaultFeaturizerSpec, dims: 256 };
const EPS = 1e-5;

/** |analytic − numeric| ≤ 1e-6 relative to max(1, |numeric|). */
function expectClose(analytic: number, numeric: number, what: string) {
  expect(Math.abs(analytic - numeric), what).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
}

function float64Model(hidden: number, seed: number): RewardModelParams {
  const p = initParams(spec.dims, hidden, seed);
  const random = sfc32(seed + 1);
  // Larger random weights than at initialization, so hidden units are a mix of active and inactive.
  const jitter = (a: Float32Array | Float64Array) => Float64Array.from(a, () => (random() - 0.5) * 2);
  return {
    dims: p.dims,
    hidden,
    embedding: jitter(p.embedding),
    bias1: jitter(p.bias1),
    weight2: jitter(p.weight2),
    bias2: jitter(p.bias2),
  };
}

const comparisons: Comparison[] = [
  { prompt: "p1", chosen: "a short kind answer", rejected: "rude reply" },
  { prompt: "p1", chosen: "rude reply", rejected: "something else entirely", weight: 2.5 },
  { prompt: "p1", chosen: "a short kind answer", rejected: "something else entirely", tie: true },
  { prompt: "p2", chosen: "the sky is blue", rejected: "the sky is green", margin: 0.7 },
  { prompt: "p2", chosen: "the sky is green", rejected: "no idea", strength: 3 },
  { prompt: "p2", chosen: "no idea", rejected: "the sky is blue", tie: true, weight: 0.5 },
];

/** Loss and gradients (into `grads`) of the whole set as one batch. */
function wholeSet(params: RewardModelParams, set: ComparisonSet, threshold: number, grads = createGradients(params)) {
  const groups = new Int32Array(set.promptOffsets.length - 1).map((_, g) => g);
  return batchLossAndGradient(
    params,
    set,
    groups,
    0,
    groups.length,
    threshold,
    grads,
    createBatchWork(set, params.hidden),
  );
}

function lossOf(params: RewardModelParams, set: ComparisonSet, threshold: number): number {
  return wholeSet(params, set, threshold).loss;
}

function checkGradients(hidden: number, strength: StrengthUse, threshold: number) {
  const params = float64Model(hidden, 3);
  const set = buildComparisonSet(spec, comparisons, strength);
  const grads = createGradients(params);
  const { dThreshold } = wholeSet(params, set, threshold, grads);
  const analytic: [string, Float32Array | Float64Array, Float32Array | Float64Array, number][] = [];
  for (let t = 0; t < grads.touchedCount; t++) {
    const width = Math.max(hidden, 1);
    const row = (grads.touchedRows[t] as number) * width;
    for (let i = row; i < row + width; i++) analytic.push(["embedding", params.embedding, grads.embedding, i]);
  }
  for (let h = 0; h < hidden; h++) {
    analytic.push(["bias1", params.bias1, grads.bias1, h]);
    analytic.push(["weight2", params.weight2, grads.weight2, h]);
  }
  analytic.push(["bias2", params.bias2, grads.bias2, 0]);
  expect(analytic.length).toBeGreaterThan(50);
  for (const [name, values, gradient, i] of analytic) {
    const saved = values[i] as number;
    values[i] = saved + EPS;
    const up = lossOf(params, set, threshold);
    values[i] = saved - EPS;
    const down = lossOf(params, set, threshold);
    values[i] = saved;
    const numeric = (up - down) / (2 * EPS);
    expectClose(gradient[i] as number, numeric, `${name}[${i}]`);
  }
  const numericThreshold = (lossOf(params, set, threshold + EPS) - lossOf(params, set, threshold - EPS)) / (2 * EPS);
  expectClose(dThreshold, numericThreshold, "threshold");
  // The untouched rows really have zero gradient: a row no comparison uses does not move the loss.
  const before = lossOf(params, set, threshold);
  const untouched = Array.from({ length: spec.dims }, (_, r) => r).find(
    (r) => !Array.from(grads.touchedRows.subarray(0, grads.touchedCount)).includes(r),
  ) as number;
  params.embedding[untouched * Math.max(hidden, 1)] = 100;
  expect(lossOf(params, set, threshold)).toBe(before);
}

describe("gradient of the comparison loss", () => {
  it("matches finite differences for the MLP with wins, ties, weights and strength as margin", () => {
    checkGradients(3, { as: "margin", perLevel: 0.5 }, 0.8);
  });

  it("matches finite differences with strength as weight", () => {
    checkGradients(3, { as: "weight", perLevel: 0.5 }, 0.3);
  });

  it("matches finite differences for the linear model", () => {
    checkGradients(0, { as: "margin", perLevel: 0.5 }, 0.5);
  });
});

describe("Rao–Kupper loss terms", () => {
  const out: LossTerms = { loss: 0, dGap: 0, dThreshold: 0 };

  it("are the negative log of three probabilities that sum to 1", () => {
    for (const [gap, eta] of [
      [0, 0.5],
      [1.3, 0.2],
      [-4, 1.5],
      [30, 0.1],
    ] as const) {
      const win = Math.exp(-winLoss(gap, eta, 0, out).loss);
      const lose = Math.exp(-winLoss(-gap, eta, 0, out).loss);
      const tie = Math.exp(-tieLoss(gap, eta, out).loss);
      expect(win + lose + tie).toBeCloseTo(1, 12);
    }
  });

  it("reduce to Bradley–Terry −log σ(d) without threshold and margin", () => {
    expect(winLoss(0.8, 0, 0, out).loss).toBeCloseTo(Math.log(1 + Math.exp(-0.8)), 12);
    // A margin shifts the gap: −log σ(d − m).
    expect(winLoss(0.8, 0, 0.3, out).loss).toBeCloseTo(Math.log(1 + Math.exp(-0.5)), 12);
  });

  it("have derivatives that match finite differences", () => {
    for (const [gap, eta] of [
      [0.4, 0.6],
      [-2, 0.05],
      [5, 2],
    ] as const) {
      const numeric = (f: (x: number) => number, x: number) => (f(x + EPS) - f(x - EPS)) / (2 * EPS);
      const t = tieLoss(gap, eta, { ...out });
      expectClose(
        t.dGap,
        numeric((d) => tieLoss(d, eta, out).loss, gap),
        "tie dGap",
      );
      expectClose(
        t.dThreshold,
        numeric((e) => tieLoss(gap, e, out).loss, eta),
        "tie dThreshold",
      );
      const w = winLoss(gap, eta, 0.2, { ...out });
      expectClose(
        w.dGap,
        numeric((d) => winLoss(d, eta, 0.2, out).loss, gap),
        "win dGap",
      );
      expectClose(
        w.dThreshold,
        numeric((e) => winLoss(gap, e, 0.2, out).loss, eta),
        "win dThreshold",
      );
    }
  });
});
