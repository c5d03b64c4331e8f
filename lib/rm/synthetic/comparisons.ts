import type { Comparison } from "../train/comparison";
import { normal, sfc32 } from "../train/random";

// Synthetic preference data with a known answer, for the learning test and the bench: the true
// utility of a text is the sum of hidden per-word utilities, and votes follow a Bradley–Terry
// (or Rao–Kupper, with ties) model on the utility gap at a known temperature.

export type SyntheticWorld = {
  vocabulary: string[];
  wordUtility: Map<string, number>;
  /** Votes follow P(A beats B) = σ((uA − uB)/temperature − tieThreshold). */
  temperature: number;
  /** Rao–Kupper threshold η of the simulated labelers; 0 means they never answer "tie". */
  tieThreshold: number;
};

const SYLLABLES =
  "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu".split(
    " ",
  );

export function createSyntheticWorld(
  seed: number,
  options: { vocabularySize?: number; temperature?: number; tieThreshold?: number } = {},
): SyntheticWorld {
  const random = sfc32(seed);
  const words = new Set<string>();
  while (words.size < (options.vocabularySize ?? 200)) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = "";
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  const vocabulary = [...words];
  return {
    vocabulary,
    wordUtility: new Map(vocabulary.map((w) => [w, normal(random)])),
    temperature: options.temperature ?? 1,
    tieThreshold: options.tieThreshold ?? 0,
  };
}

export function trueUtility(world: SyntheticWorld, text: string): number {
  let u = 0;
  for (const word of text.split(" ")) u += world.wordUtility.get(word) ?? 0;
  return u;
}

export type SyntheticPair = { prompt: string; a: string; b: string; votesA: number; votesB: number; ties: number };

/**
 * `prompts` prompts, each with `candidatesPerPrompt` texts of minWords..maxWords words, and
 * `judgmentsPerPrompt` votes on pairs drawn at random among that prompt's candidates.
 */
export function syntheticJudgments(
  world: SyntheticWorld,
  options: {
    seed: number;
    prompts: number;
    candidatesPerPrompt: number;
    judgmentsPerPrompt: number;
    minWords?: number;
    maxWords?: number;
    promptPrefix?: string;
  },
): { comparisons: Comparison[]; pairs: SyntheticPair[] } {
  const random = sfc32(options.seed);
  const { vocabulary } = world;
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  const sentence = (length: number) => Array.from({ length }, pick).join(" ");
  const minWords = options.minWords ?? 8;
  const maxWords = options.maxWords ?? 16;
  const comparisons: Comparison[] = [];
  const pairs = new Map<string, SyntheticPair>();
  for (let p = 0; p < options.prompts; p++) {
    const prompt = `${options.promptPrefix ?? "prompt"} ${p}: ${sentence(6)}?`;
    const candidates = Array.from({ length: options.candidatesPerPrompt }, () =>
      sentence(minWords + Math.floor(random() * (maxWords - minWords + 1))),
    );
    for (let j = 0; j < options.judgmentsPerPrompt; j++) {
      const i = Math.floor(random() * candidates.length);
      const k = (i + 1 + Math.floor(random() * (candidates.length - 1))) % candidates.length;
      const a = candidates[i] as string;
      const b = candidates[k] as string;
      const gap = (trueUtility(world, a) - trueUtility(world, b)) / world.temperature;
      const pA = sigmoid(gap - world.tieThreshold);
      const pB = sigmoid(-gap - world.tieThreshold);
      const u = random();
      const key = `${p}\u0000${i < k ? `${i}\u0000${k}` : `${k}\u0000${i}`}`;
      const pair = pairs.get(key) ?? { prompt, a: i < k ? a : b, b: i < k ? b : a, votesA: 0, votesB: 0, ties: 0 };
      pairs.set(key, pair);
      if (u < pA) {
        comparisons.push({ prompt, chosen: a, rejected: b });
        if (pair.a === a) pair.votesA++;
        else pair.votesB++;
      } else if (u < pA + pB) {
        comparisons.push({ prompt, chosen: b, rejected: a });
        if (pair.a === b) pair.votesA++;
        else pair.votesB++;
      } else {
        comparisons.push({ prompt, chosen: a, rejected: b, tie: true });
        pair.ties++;
      }
    }
  }
  return { comparisons, pairs: [...pairs.values()] };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
