import { describe, expect, it } from "vitest";
import { stateFromPosition } from "./candidate";
import { fromGtp, type Point } from "./coords";
import { generatePrompts, isBlunder, type MoveKind } from "./generate";
import { parsePosition, toPositionString } from "./position";
import { boardFromState } from "./state";
import { winProbability } from "./winprob";

const options = { size: 9, prompts: 40, seed: 11, candidates: { min: 2, max: 4 } };

describe("generatePrompts", () => {
  const prompts = generatePrompts(options);

  it("is deterministic for a seed, and the first prompts do not depend on the total", () => {
    expect(generatePrompts(options)).toEqual(prompts);
    expect(generatePrompts({ ...options, prompts: 5 })).toEqual(prompts.slice(0, 5));
    expect(generatePrompts({ ...options, seed: 12, prompts: 5 })).not.toEqual(prompts.slice(0, 5));
  });

  it("offers 2 to 4 different moves of the side to move, each board one legal move after the prompt", () => {
    const counts = new Set<number>();
    for (const prompt of prompts) {
      counts.add(prompt.candidates.length);
      expect(new Set(prompt.candidates.map((c) => c.id)).size).toBe(prompt.candidates.length);
      const before = parsePosition(prompt.meta.position, { toPlay: prompt.meta.toPlay });
      for (const candidate of prompt.candidates) {
        const after = before.clone().play(fromGtp(candidate.lastMove, 9) as Point);
        const state = stateFromPosition(candidate);
        expect(state.toPlay).toBe(after.toPlay);
        expect(state.position).toBe(toPositionString(after, "/"));
      }
    }
    expect([...counts].sort()).toEqual([2, 3, 4]);
  });

  it("stops games at varied move numbers and mixes blunders with ordinary and tactical moves", () => {
    const moveNumbers = prompts.map((p) => p.meta.moveNumber);
    expect(Math.max(...moveNumbers) - Math.min(...moveNumbers)).toBeGreaterThan(20);
    const kinds = prompts.flatMap((p) => p.candidates.map((c) => c.meta.kind));
    const blunders = kinds.filter((k) => isBlunder(k));
    expect(blunders.length).toBeGreaterThan(5);
    expect(kinds.filter((k) => !isBlunder(k)).length).toBeGreaterThan(blunders.length);
    expect(new Set<MoveKind>(kinds).size).toBeGreaterThanOrEqual(5);
    const withOneBlunder = prompts.filter((p) => p.candidates.filter((c) => isBlunder(c.meta.kind)).length === 1);
    expect(withOneBlunder.length).toBeGreaterThan(prompts.length / 4);
    for (const c of prompts.flatMap((p) => p.candidates)) {
      expect(c.source).toBe(isBlunder(c.meta.kind) ? "blunder" : "policy");
    }
  });

  it("makes blunders that cost the mover more win probability than the other candidates", () => {
    const loss: Record<"blunder" | "policy", number[]> = { blunder: [], policy: [] };
    for (const prompt of prompts) {
      const mover = prompt.meta.toPlay;
      const values = prompt.candidates.map((c) => {
        const p = winProbability(boardFromState(stateFromPosition(c)), { playouts: 300, seed: 1 }).pBlackWins;
        return { source: c.source, value: mover === "B" ? p : 1 - p };
      });
      const best = Math.max(...values.map((v) => v.value));
      for (const v of values) loss[v.source].push(best - v.value);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(loss.blunder)).toBeGreaterThan(mean(loss.policy) + 0.02);
  });
});
