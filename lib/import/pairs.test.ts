import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { planPromptPairs } from "./pairs";

const four = ["a", "b", "c", "d"];

describe("planPromptPairs", () => {
  it("plans every pair of a new prompt up to the cap, in the given order", () => {
    const pairs = planPromptPairs({
      candidates: four,
      fresh: new Set(four),
      existing: [],
      gold: [],
      cap: 6,
      random: Math.random,
    });
    expect(pairs.map((p) => p.a + p.b)).toEqual(["ab", "ac", "ad", "bc", "bd", "cd"]);
  });

  it("pairs a new candidate with the stored ones, keeping the prompt within the cap", () => {
    const existing = [
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ] as const;
    const input = { candidates: four, fresh: new Set(["d"]), existing, gold: [], random: mulberry32(3) };
    expect(planPromptPairs({ ...input, cap: 10 }).map((p) => p.a + p.b)).toEqual(["ad", "bd", "cd"]);
    const capped = planPromptPairs({ ...input, cap: 5 });
    expect(capped).toHaveLength(2);
    for (const pair of capped) expect(pair.b).toBe("d");
    expect(planPromptPairs({ ...input, cap: 3 })).toEqual([]);
  });

  it("turns a planned pair gold, in the pair's order, and adds gold pairs the sample left out", () => {
    const gold = [
      { a: "c", b: "a", answer: "A" as const },
      { a: "d", b: "b", answer: "TIE" as const },
    ];
    const all = planPromptPairs({
      candidates: four,
      fresh: new Set(four),
      existing: [],
      gold,
      cap: 6,
      random: Math.random,
    });
    expect(all).toHaveLength(6);
    expect(all.filter((p) => p.gold)).toEqual([
      { a: "a", b: "c", gold: "B" },
      { a: "b", b: "d", gold: "TIE" },
    ]);
    const capped = planPromptPairs({
      candidates: four,
      fresh: new Set(four),
      existing: [],
      gold,
      cap: 1,
      random: () => 0,
    });
    expect(capped).toEqual([
      { a: "a", b: "b", gold: null },
      { a: "a", b: "c", gold: "B" },
      { a: "b", b: "d", gold: "TIE" },
    ]);
  });

  it("leaves a stored pair as it is when a re-import names it gold", () => {
    const pairs = planPromptPairs({
      candidates: ["a", "b", "c"],
      fresh: new Set(["c"]),
      existing: [["a", "b"]],
      gold: [{ a: "b", b: "a", answer: "A" }],
      cap: 6,
      random: Math.random,
    });
    expect(pairs).toEqual([
      { a: "a", b: "c", gold: null },
      { a: "b", b: "c", gold: null },
    ]);
  });
});
