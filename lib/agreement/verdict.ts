import { clearlyApart, type Estimate } from "./estimate";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * What a lead may conclude from the model's accuracy against the majority and the human ceiling
 * on the same pairs: a claim only when the 95% intervals do not overlap.
 */
export function modelAgainstCeiling(model: Estimate, ceiling: Estimate): string {
  if (model.value === null)
    return "The model's held-out accuracy cannot be measured yet: no held-out pair has a majority vote.";
  if (ceiling.value === null) return `The human ceiling cannot be measured on these held-out pairs: ${ceiling.reason}.`;
  if (clearlyApart(model, ceiling)) {
    return model.value > ceiling.value
      ? `The model predicts the consensus better than one labeler does (${pct(model.value)} against ${pct(ceiling.value)}; the intervals do not overlap).`
      : `The model predicts the consensus less well than one labeler does (${pct(model.value)} against ${pct(ceiling.value)}; the intervals do not overlap): it has not reached the human ceiling.`;
  }
  return `The model's accuracy is within the noise of human agreement (${pct(model.value)} against ${pct(ceiling.value)}; the intervals overlap, so these held-out judgments cannot tell the two apart).`;
}

/** One agreement against another, in words, e.g. "the model" vs "the labelers' majority" on the true answer. */
export function compareAgreements(
  first: { name: string; estimate: Estimate },
  second: { name: string; estimate: Estimate },
  against: string,
): string {
  const a = first.estimate;
  const b = second.estimate;
  if (a.value === null || b.value === null)
    return `Not enough pairs yet to compare ${first.name} and ${second.name} against ${against}.`;
  if (!clearlyApart(a, b))
    return `${capital(first.name)} and ${second.name} agree with ${against} equally often, within the noise (${pct(a.value)} and ${pct(b.value)}).`;
  const [better, worse] = a.value > b.value ? [first, second] : [second, first];
  return `${capital(better.name)} agrees with ${against} more often than ${worse.name} (${pct(better.estimate.value ?? 0)} against ${pct(worse.estimate.value ?? 0)}; the intervals do not overlap).`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
