import { type Gradients, type RewardModelParams, rowWidth } from "./model";

// AdamW (Loshchilov & Hutter): Adam on the loss gradient plus weight decay applied to the weights
// directly (p ← p − lr·λ·p), not through the gradient, so it does not get rescaled by Adam.
//
// The embedding is updated lazily, row by row, only where the batch had non-zeros (as TF's
// LazyAdam): the moments of an untouched row are left as they are instead of decaying. The weight
// decay of skipped steps is not lost: a row remembers the last step it was updated and catches up
// with (1 − lr·λ)^skipped when touched next, or at `flush`. So with a constant learning rate the
// decay is exactly what dense AdamW would apply.
//
// Decay applies to the embedding and w2 only; biases and the tie threshold are not decayed.

export type AdamWConfig = {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
};

export class AdamW {
  private step = 0;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly lastStep: Int32Array;
  private readonly dense = new Map<string, { m: Float64Array; v: Float64Array }>();

  constructor(
    params: RewardModelParams,
    private readonly config: AdamWConfig,
  ) {
    this.m = new Float64Array(params.embedding.length);
    this.v = new Float64Array(params.embedding.length);
    this.lastStep = new Int32Array(params.dims);
  }

  /** One step over the gradient of a batch; `extra` are scalar parameters (the tie threshold). */
  update(params: RewardModelParams, grads: Gradients, extra: { name: string; value: number; grad: number }[]): void {
    const { learningRate: lr, beta1, beta2, epsilon, weightDecay } = this.config;
    const t = ++this.step;
    const correction1 = 1 - beta1 ** t;
    const correction2 = 1 - beta2 ** t;
    const keep = 1 - lr * weightDecay;
    const width = rowWidth(params);
    const { m, v } = this;
    const p = params.embedding;
    const g = grads.embedding;
    for (let r = 0; r < grads.touchedCount; r++) {
      const row = grads.touchedRows[r] as number;
      const skipped = t - 1 - (this.lastStep[row] as number);
      const decay = skipped > 0 ? keep ** (skipped + 1) : keep;
      this.lastStep[row] = t;
      const end = row * width + width;
      for (let i = row * width; i < end; i++) {
        const gi = g[i] as number;
        const mi = beta1 * (m[i] as number) + (1 - beta1) * gi;
        const vi = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] = (p[i] as number) * decay - (lr * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
      }
    }
    this.denseStep("bias1", params.bias1, grads.bias1, 1);
    this.denseStep("weight2", params.weight2, grads.weight2, keep);
    this.denseStep("bias2", params.bias2, grads.bias2, 1);
    for (const e of extra) {
      const value = new Float64Array([e.value]);
      this.denseStep(e.name, value, new Float64Array([e.grad]), 1);
      e.value = value[0] as number;
    }
  }

  /** Applies the weight decay rows are still owed, so the parameters are those of dense AdamW. */
  flush(params: RewardModelParams): void {
    const keep = 1 - this.config.learningRate * this.config.weightDecay;
    const width = rowWidth(params);
    for (let row = 0; row < params.dims; row++) {
      const skipped = this.step - (this.lastStep[row] as number);
      if (skipped === 0) continue;
      const decay = keep ** skipped;
      for (let i = row * width; i < row * width + width; i++)
        params.embedding[i] = (params.embedding[i] as number) * decay;
      this.lastStep[row] = this.step;
    }
  }

  private denseStep(name: string, p: Float32Array | Float64Array, g: Float64Array, decay: number): void {
    const { learningRate: lr, beta1, beta2, epsilon } = this.config;
    let state = this.dense.get(name);
    if (!state) {
      state = { m: new Float64Array(p.length), v: new Float64Array(p.length) };
      this.dense.set(name, state);
    }
    const correction1 = 1 - beta1 ** this.step;
    const correction2 = 1 - beta2 ** this.step;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i] as number;
      const mi = beta1 * (state.m[i] as number) + (1 - beta1) * gi;
      const vi = beta2 * (state.v[i] as number) + (1 - beta2) * gi * gi;
      state.m[i] = mi;
      state.v[i] = vi;
      p[i] = (p[i] as number) * decay - (lr * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
    }
  }
}
