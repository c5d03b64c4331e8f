import { featuresDependOnPrompt, featurize } from "./features";
import type { RewardModel } from "./model";
import { forward } from "./model";

/**
 * Scores texts with the plain TypeScript forward pass, featurizing each distinct (prompt, text)
 * once. Returns a lookup by prompt and text.
 */
export function scoreTexts(
  model: RewardModel,
  items: Iterable<{ prompt: string; text: string }>,
): (prompt: string, text: string) => number {
  const withPrompt = featuresDependOnPrompt(model.featurizer);
  const key = (prompt: string, text: string) => (withPrompt ? `${prompt}\u0000${text}` : text);
  const scores = new Map<string, number>();
  for (const { prompt, text } of items) {
    const k = key(prompt, text);
    if (!scores.has(k)) scores.set(k, forward(model.params, featurize(model.featurizer, { prompt, text })));
  }
  return (prompt, text) => {
    const k = key(prompt, text);
    let score = scores.get(k);
    if (score === undefined) {
      score = forward(model.params, featurize(model.featurizer, { prompt, text }));
      scores.set(k, score);
    }
    return score;
  };
}
