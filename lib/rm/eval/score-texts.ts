import { type Embeddings, featuresDependOnPrompt, featurize } from "../features/featurize";
import type { RewardModel } from "../train/model";
import { forward } from "../train/model";

/**
 * Scores texts with the plain TypeScript forward pass, featurizing each distinct (prompt, text)
 * once. Returns a lookup by prompt and text.
 */
export function scoreTexts(
  model: RewardModel,
  items: Iterable<{ prompt: string; text: string }>,
  embeddings?: Embeddings,
): (prompt: string, text: string) => number {
  const withPrompt = featuresDependOnPrompt(model.featurizer);
  const key = (prompt: string, text: string) => (withPrompt ? `${prompt}\u0000${text}` : text);
  const scores = new Map<string, number>();
  const score = (prompt: string, text: string) => {
    const k = key(prompt, text);
    let reward = scores.get(k);
    if (reward === undefined) {
      reward = forward(model.params, featurize(model.featurizer, { prompt, text }, embeddings));
      scores.set(k, reward);
    }
    return reward;
  };
  for (const { prompt, text } of items) score(prompt, text);
  return score;
}
