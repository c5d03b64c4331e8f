import { mulberry32 } from "../random";

/**
 * Hill-climbing over word edits against a score function (the current reward model): from a
 * start text, try deleting a word, inserting a vocabulary word or replacing a word with one, keep
 * the best `beam` texts, and stop when no edit improves the best score. The trajectory records the
 * best score after every step, so it never decreases: a step that finds nothing better ends the
 * climb instead of being taken.
 */

export type Edit = { op: "start" | "insert" | "delete" | "replace"; at: number; word?: string };
export type Step = { step: number; score: number; text: string; edit: Edit };
export type Trajectory = { steps: Step[]; best: { text: string; score: number } };

export type ClimbOptions = {
  start: string;
  vocabulary: readonly string[];
  /** Scores many texts at once (one ONNX batch); higher is better. */
  score: (texts: string[]) => Promise<number[]> | number[];
  maxSteps?: number;
  beam?: number;
  /** Candidate edits tried per beam text and step, drawn with a seeded PRNG from all possible ones. */
  neighbors?: number;
  maxWords?: number;
  seed?: number;
};

type Node = { tokens: string[]; score: number; edit: Edit };

function neighborsOf(
  tokens: readonly string[],
  vocabulary: readonly string[],
  count: number,
  maxWords: number,
  random: () => number,
): { tokens: string[]; edit: Edit }[] {
  const out: { tokens: string[]; edit: Edit }[] = [];
  const seen = new Set<string>();
  const word = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  // Bounded retries: a short text has few distinct neighbours.
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const r = random();
    let next: string[];
    let edit: Edit;
    if (tokens.length > 0 && r < 0.25) {
      const at = Math.floor(random() * tokens.length);
      next = tokens.filter((_, i) => i !== at);
      edit = { op: "delete", at };
    } else if (tokens.length > 0 && r < 0.6 && vocabulary.length > 0) {
      const at = Math.floor(random() * tokens.length);
      const w = word();
      next = tokens.map((t, i) => (i === at ? w : t));
      edit = { op: "replace", at, word: w };
    } else if (tokens.length < maxWords && vocabulary.length > 0) {
      const at = Math.floor(random() * (tokens.length + 1));
      const w = word();
      next = [...tokens.slice(0, at), w, ...tokens.slice(at)];
      edit = { op: "insert", at, word: w };
    } else continue;
    const key = next.join(" ");
    if (key === tokens.join(" ") || seen.has(key)) continue;
    seen.add(key);
    out.push({ tokens: next, edit });
  }
  return out;
}

export async function hillClimb(options: ClimbOptions): Promise<Trajectory> {
  const { vocabulary, score } = options;
  const maxSteps = options.maxSteps ?? 30;
  const beamWidth = Math.max(1, options.beam ?? 1);
  const perText = options.neighbors ?? 48;
  const maxWords = options.maxWords ?? 120;
  const random = mulberry32(options.seed ?? 1);
  const startTokens = options.start.split(/\s+/).filter(Boolean);
  const [startScore] = await score([startTokens.join(" ")]);
  let beam: Node[] = [
    { tokens: startTokens, score: startScore ?? Number.NEGATIVE_INFINITY, edit: { op: "start", at: 0 } },
  ];
  const steps: Step[] = [
    { step: 0, score: beam[0]?.score ?? 0, text: startTokens.join(" "), edit: { op: "start", at: 0 } },
  ];
  for (let step = 1; step <= maxSteps; step++) {
    const children = beam.flatMap((node) => neighborsOf(node.tokens, vocabulary, perText, maxWords, random));
    if (children.length === 0) break;
    const scores = await score(children.map((c) => c.tokens.join(" ")));
    const scored: Node[] = children.map((c, i) => ({ ...c, score: scores[i] ?? Number.NEGATIVE_INFINITY }));
    // Parents stay in the pool, so the beam's best can only rise.
    const pool = [...beam, ...scored].sort((a, b) => b.score - a.score);
    const unique: Node[] = [];
    const keys = new Set<string>();
    for (const n of pool) {
      const key = n.tokens.join(" ");
      if (keys.has(key)) continue;
      keys.add(key);
      unique.push(n);
      if (unique.length === beamWidth) break;
    }
    const best = unique[0] as Node;
    const previous = steps[steps.length - 1] as Step;
    if (!(best.score > previous.score)) break;
    beam = unique;
    steps.push({ step, score: best.score, text: best.tokens.join(" "), edit: best.edit });
  }
  const last = steps[steps.length - 1] as Step;
  return { steps, best: { text: last.text, score: last.score } };
}
