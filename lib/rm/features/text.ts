import type { FeaturizerInput, SparseVector } from "./featurize";
import { hashPair, hashString } from "./hash";
import { type HashedTextSpec, scalarSlot } from "./spec";
import { tokenize } from "./tokenize";

// Each feature family hashes with its own seed, so a word and a character n-gram with the same
// spelling do not share a slot by construction.
const family = { unigram: 0x1, ngram: 0x2, char: 0x3, overlap: 0x4 } as const;
const BEGIN_WORD = "\u0002";
const END_WORD = "\u0003";

/**
 * Collects signed hashed contributions. The dense scratch row (one per `dims`) plus a generation
 * stamp makes summing collisions O(1) per feature with no per-call allocation of `dims` size.
 */
class Accumulator {
  readonly sums: Float64Array;
  readonly stamp: Int32Array;
  generation = 0;
  touched = new Int32Array(1024);
  count = 0;

  constructor(readonly dims: number) {
    this.sums = new Float64Array(dims);
    this.stamp = new Int32Array(dims);
  }

  start(): void {
    this.generation++;
    this.count = 0;
  }

  add(slot: number, value: number): void {
    if (this.stamp[slot] !== this.generation) {
      this.stamp[slot] = this.generation;
      this.sums[slot] = 0;
      if (this.count === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.count++] = slot;
    }
    this.sums[slot] = (this.sums[slot] as number) + value;
  }
}

let scratch: Accumulator | undefined;

function accumulator(dims: number): Accumulator {
  if (!scratch || scratch.dims !== dims) scratch = new Accumulator(dims);
  scratch.start();
  return scratch;
}

/** The hashed feature vector of one candidate text (optionally in the context of its prompt). */
export function featurizeText(spec: HashedTextSpec, input: FeaturizerInput): SparseVector {
  const acc = accumulator(spec.dims);
  const reserved = spec.reservedSlots;
  const hashedSpace = spec.dims - reserved;
  const seed = spec.hashSeed;
  // Bit 31 gives the sign (so collisions cancel in expectation instead of piling up), the other
  // bits the slot.
  const add = (h: number, weight: number) =>
    acc.add(reserved + ((h & 0x7fffffff) % hashedSpace), h & 0x80000000 ? -weight : weight);

  const { tokens, isWord } = tokenize(input.text, spec.maxChars);
  const tokenHashes = tokens.map((t) => hashString(t, seed));

  const unigramSeed = hashPair(seed, family.unigram);
  for (const h of tokenHashes) add(hashPair(unigramSeed, h), spec.words.weight);
  for (let n = 2; n <= spec.words.maxN; n++) {
    const ngramSeed = hashPair(hashPair(seed, family.ngram), n);
    for (let i = 0; i + n <= tokenHashes.length; i++) {
      let h = ngramSeed;
      for (let j = 0; j < n; j++) h = hashPair(h, tokenHashes[i + j] as number);
      add(h, spec.words.weight);
    }
  }

  if (spec.chars.weight > 0) {
    const charSeed = hashPair(seed, family.char);
    const { minN, maxN, weight } = spec.chars;
    tokens.forEach((token, t) => {
      if (!isWord[t]) return;
      const padded = BEGIN_WORD + token + END_WORD;
      for (let n = minN; n <= maxN; n++) {
        for (let s = 0; s + n <= padded.length; s++) add(hashString(padded, charSeed, s, s + n), weight);
      }
    });
  }

  const words = new Set(tokens.filter((_, t) => isWord[t]));
  const promptWords = input.prompt === undefined ? undefined : wordsOf(input.prompt, spec.maxChars);
  let shared = 0;
  if (promptWords) {
    const overlapSeed = hashPair(seed, family.overlap);
    for (const word of words) {
      if (!promptWords.has(word)) continue;
      shared++;
      if (spec.promptOverlap.weight > 0) add(hashPair(overlapSeed, hashString(word, seed)), spec.promptOverlap.weight);
    }
  }

  const scalars = new Float64Array(reserved);
  if (spec.scalars) {
    const total = tokens.length;
    const distinct = new Set(tokens).size;
    scalars[scalarSlot.logLength] = Math.log2(1 + total) / 10;
    scalars[scalarSlot.repetition] = total ? 1 - distinct / total : 0;
    scalars[scalarSlot.distinctRatio] = total ? distinct / total : 0;
    scalars[scalarSlot.longestRun] = Math.log2(longestRun(tokens)) / 4;
    if (promptWords) {
      scalars[scalarSlot.promptOverlap] = words.size ? shared / words.size : 0;
      scalars[scalarSlot.promptCoverage] = promptWords.size ? shared / promptWords.size : 0;
    }
  }
  return finish(acc, scalars);
}

/** Sorts, drops slots whose contributions cancelled exactly, L2-normalizes the hashed part. */
function finish(acc: Accumulator, scalars: Float64Array): SparseVector {
  const slots = acc.touched.subarray(0, acc.count).sort();
  let squares = 0;
  let nonzero = 0;
  for (const slot of slots) {
    const v = acc.sums[slot] as number;
    if (v !== 0) {
      squares += v * v;
      nonzero++;
    }
  }
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  let scalarCount = 0;
  for (const v of scalars) if (v !== 0) scalarCount++;
  const indices = new Int32Array(scalarCount + nonzero);
  const values = new Float32Array(scalarCount + nonzero);
  let k = 0;
  scalars.forEach((v, slot) => {
    if (v === 0) return;
    indices[k] = slot;
    values[k++] = v;
  });
  for (const slot of slots) {
    const v = acc.sums[slot] as number;
    if (v === 0) continue;
    indices[k] = slot;
    values[k++] = v * scale;
  }
  return { indices, values };
}

/** Longest run of one token repeated back to back; 1 for text without repeats (and for empty text). */
function longestRun(tokens: string[]): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < tokens.length; i++) {
    run = tokens[i] === tokens[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

// Candidates of one prompt are featurized one after another: remembering the last prompt's words
// saves re-tokenizing it for each of them.
let lastPrompt: { text: string; maxChars: number; words: Set<string> } | undefined;

function wordsOf(prompt: string, maxChars: number): Set<string> {
  if (lastPrompt?.text === prompt && lastPrompt.maxChars === maxChars) return lastPrompt.words;
  const { tokens, isWord } = tokenize(prompt, maxChars);
  const words = new Set(tokens.filter((_, t) => isWord[t]));
  lastPrompt = { text: prompt, maxChars, words };
  return words;
}
