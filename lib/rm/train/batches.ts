import type { ComparisonSet } from "./dataset";
import { type LossTerms, tieLoss, winLoss } from "./loss";
import { backwardRange, forwardRange, type Gradients, type RewardModelParams } from "./model";

// One minibatch is a run of whole prompt groups, as in InstructGPT's reward model: a prompt's
// candidates usually appear in several comparisons, and with the whole group in one batch each
// distinct candidate needs one forward and one backward pass per batch, however many comparisons
// it is in. The loss gradient with respect to its reward is summed over those comparisons first.

/** Scratch space reused across batches, sized for one comparison set. */
export type BatchWork = {
  slotOf: Int32Array;
  stampOf: Int32Array;
  stamp: number;
  candidates: Int32Array;
  reward: Float64Array;
  dReward: Float64Array;
  pre: Float64Array;
  dPre: Float64Array;
  terms: LossTerms;
};

export function createBatchWork(set: ComparisonSet, hidden: number): BatchWork {
  return {
    slotOf: new Int32Array(set.candidateCount),
    stampOf: new Int32Array(set.candidateCount),
    stamp: 0,
    candidates: new Int32Array(64),
    reward: new Float64Array(64),
    dReward: new Float64Array(64),
    pre: new Float64Array(64 * hidden),
    dPre: new Float64Array(hidden),
    terms: { loss: 0, dGap: 0, dThreshold: 0 },
  };
}

/**
 * Mean weighted loss over the comparisons of prompt groups groups[from, to) and its gradient:
 * parameter gradients are added to `grads`, the one of the tie threshold η is returned.
 */
export function batchLossAndGradient(
  params: RewardModelParams,
  set: ComparisonSet,
  groups: Int32Array,
  from: number,
  to: number,
  threshold: number,
  grads: Gradients,
  work: BatchWork,
): { loss: number; dThreshold: number; comparisons: number } {
  const { hidden } = params;
  const { offsets, indices, values } = set;
  work.stamp++;
  let slots = 0;
  let comparisons = 0;
  const slot = (candidate: number) => {
    if (work.stampOf[candidate] === work.stamp) return work.slotOf[candidate] as number;
    work.stampOf[candidate] = work.stamp;
    work.slotOf[candidate] = slots;
    if (slots === work.candidates.length) grow(work, hidden);
    work.candidates[slots] = candidate;
    return slots++;
  };
  for (let g = from; g < to; g++) {
    const group = groups[g] as number;
    for (let k = set.promptOffsets[group] as number; k < (set.promptOffsets[group + 1] as number); k++) {
      const i = set.byPrompt[k] as number;
      slot(set.chosen[i] as number);
      slot(set.rejected[i] as number);
      comparisons++;
    }
  }
  for (let s = 0; s < slots; s++) {
    const c = work.candidates[s] as number;
    const pre = work.pre.subarray(s * hidden, s * hidden + hidden);
    work.reward[s] = forwardRange(params, indices, values, offsets[c] as number, offsets[c + 1] as number, pre);
    work.dReward[s] = 0;
  }

  const scale = 1 / comparisons;
  let loss = 0;
  let dThreshold = 0;
  for (let g = from; g < to; g++) {
    const group = groups[g] as number;
    for (let k = set.promptOffsets[group] as number; k < (set.promptOffsets[group + 1] as number); k++) {
      const i = set.byPrompt[k] as number;
      const a = work.slotOf[set.chosen[i] as number] as number;
      const b = work.slotOf[set.rejected[i] as number] as number;
      const gap = (work.reward[a] as number) - (work.reward[b] as number);
      const terms = set.tie[i]
        ? tieLoss(gap, threshold, work.terms)
        : winLoss(gap, threshold, set.margin[i] as number, work.terms);
      const weight = (set.weight[i] as number) * scale;
      loss += weight * terms.loss;
      dThreshold += weight * terms.dThreshold;
      work.dReward[a] = (work.dReward[a] as number) + weight * terms.dGap;
      work.dReward[b] = (work.dReward[b] as number) - weight * terms.dGap;
    }
  }

  for (let s = 0; s < slots; s++) {
    const c = work.candidates[s] as number;
    const pre = work.pre.subarray(s * hidden, s * hidden + hidden);
    const start = offsets[c] as number;
    backwardRange(
      params,
      indices,
      values,
      start,
      offsets[c + 1] as number,
      pre,
      work.dReward[s] as number,
      grads,
      work.dPre,
    );
  }
  return { loss, dThreshold, comparisons };
}

function grow(work: BatchWork, hidden: number): void {
  const size = work.candidates.length * 2;
  const candidates = new Int32Array(size);
  candidates.set(work.candidates);
  const pre = new Float64Array(size * hidden);
  pre.set(work.pre);
  work.candidates = candidates;
  work.pre = pre;
  work.reward = new Float64Array(size);
  work.dReward = new Float64Array(size);
}

/** Scores every candidate of the set once. */
export function scoreCandidates(params: RewardModelParams, set: ComparisonSet): Float64Array {
  const scores = new Float64Array(set.candidateCount);
  const pre = new Float64Array(params.hidden);
  for (let c = 0; c < set.candidateCount; c++) {
    scores[c] = forwardRange(
      params,
      set.indices,
      set.values,
      set.offsets[c] as number,
      set.offsets[c + 1] as number,
      pre,
    );
  }
  return scores;
}

/**
 * Mean weighted loss, and accuracy over the comparisons that are not ties (a tied score counts ½).
 * Without a tie threshold (ties not modelled) ties have probability 0, so they are left out.
 */
export function evaluateSet(
  params: RewardModelParams,
  set: ComparisonSet,
  threshold: number,
): { loss: number; correct: number; decided: number } {
  const scores = scoreCandidates(params, set);
  const terms: LossTerms = { loss: 0, dGap: 0, dThreshold: 0 };
  let loss = 0;
  let counted = 0;
  let correct = 0;
  let decided = 0;
  for (let i = 0; i < set.size; i++) {
    const gap = (scores[set.chosen[i] as number] as number) - (scores[set.rejected[i] as number] as number);
    if (set.tie[i] && threshold <= 0) continue;
    counted++;
    if (set.tie[i]) loss += (set.weight[i] as number) * tieLoss(gap, threshold, terms).loss;
    else {
      loss += (set.weight[i] as number) * winLoss(gap, threshold, set.margin[i] as number, terms).loss;
      decided++;
      correct += gap > 0 ? 1 : gap === 0 ? 0.5 : 0;
    }
  }
  return { loss: counted ? loss / counted : Number.NaN, correct, decided };
}
