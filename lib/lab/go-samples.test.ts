import { describe, expect, it } from "vitest";
import { generatePrompts } from "../go/generate";
import { samplePolicyMoves } from "./go-samples";

describe("policy samples for the Goodhart curve", () => {
  const [prompt] = generatePrompts({ size: 9, prompts: 1, seed: 3, candidates: { min: 2, max: 2 } });
  const before = { position: prompt?.meta.position ?? "", toPlay: prompt?.meta.toPlay ?? "B", komi: 7.5 };

  it("draws m legal moves of the side to move, the same for the same seed", () => {
    const a = samplePolicyMoves(before, 20, 5);
    expect(a).toHaveLength(20);
    expect(samplePolicyMoves(before, 20, 5)).toEqual(a);
    for (const s of a) {
      expect(s.after.toPlay).not.toBe(before.toPlay);
      expect(s.after.position).not.toBe(before.position);
    }
    expect(new Set(a.map((s) => s.move)).size).toBeGreaterThan(3);
  });
});
