import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { packCode, parsePackedPairs, talliesFromPacked } from "./packed";
import { talliesOf } from "./report";
import { CHOICES, type Vote } from "./votes";

/** Random votes: pairs with 1..6 distinct labelers among ids that do not sort like their numbers. */
function randomVotes(seed: number): Vote[] {
  const random = mulberry32(seed);
  const labelers = Array.from({ length: 12 }, (_, i) => `lab-${(i * 7) % 12}-${String.fromCharCode(97 + i)}`);
  const votes: Vote[] = [];
  for (let p = 0; p < 400; p++) {
    const shuffled = [...labelers].sort(() => random() - 0.5);
    const size = 1 + Math.floor(random() * 6);
    for (const labelerId of shuffled.slice(0, size))
      votes.push({ pairId: `pair-${p}`, labelerId, choice: CHOICES[Math.floor(random() * 4)] ?? "A" });
  }
  return votes;
}

/** The text the database sends for these votes: codes of a pair separated by spaces, pairs by commas. */
function pack(votes: readonly Vote[]): { labelerIds: string[]; text: string } {
  const labelerIds = [...new Set(votes.map((v) => v.labelerId))].sort();
  const byPair = new Map<string, number[]>();
  for (const v of votes) {
    const code = packCode(labelerIds.indexOf(v.labelerId), CHOICES.indexOf(v.choice));
    byPair.set(v.pairId, [...(byPair.get(v.pairId) ?? []), code]);
  }
  return { labelerIds, text: [...byPair.values()].map((codes) => codes.join(" ")).join(",") };
}

describe("packed pairs", () => {
  it("parse into codes and pair boundaries", () => {
    const { codes, starts } = parsePackedPairs("5 12 0,7,33 1");
    expect([...codes]).toEqual([5, 12, 0, 7, 33, 1]);
    expect([...starts]).toEqual([0, 3, 4, 6]);
    expect([...parsePackedPairs("").starts]).toEqual([0]);
  });

  it.each([1, 2, 3])("give exactly the tallies of the votes themselves (seed %i)", (seed) => {
    const votes = randomVotes(seed);
    const { labelerIds, text } = pack(votes);
    const tallies = talliesFromPacked(labelerIds, parsePackedPairs(text));
    const expected = talliesOf(votes);
    expect(tallies).toEqual(expected);
    expect(tallies.cohen.length).toBeGreaterThan(30);
  });
});
