import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { JUDGMENT_SEPARATOR, PAIR_SEPARATOR, parsePackedPairs, talliesFromPacked } from "./packed";
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

/** The text the database sends for these votes. */
function pack(votes: readonly Vote[]): { labelerIds: string[]; text: string } {
  const labelerIds = [...new Set(votes.map((v) => v.labelerId))].sort();
  const byPair = new Map<string, string[]>();
  for (const v of votes)
    byPair.set(v.pairId, [...(byPair.get(v.pairId) ?? []), `${v.labelerId}${CHOICES.indexOf(v.choice)}`]);
  return {
    labelerIds,
    text: [...byPair.values()].map((judgments) => judgments.join(JUDGMENT_SEPARATOR)).join(PAIR_SEPARATOR),
  };
}

const indexOf = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i]));

describe("packed pairs", () => {
  it("parse into codes and pair boundaries", () => {
    const labelers = indexOf(["a", "b7", "c"]);
    const text = [["b71", "a0", "c3"], ["c2"], ["a1"]]
      .map((pair) => pair.join(JUDGMENT_SEPARATOR))
      .join(PAIR_SEPARATOR);
    const { codes, starts } = parsePackedPairs(text, labelers);
    expect([...codes]).toEqual([1 * 4 + 1, 0 * 4 + 0, 2 * 4 + 3, 2 * 4 + 2, 0 * 4 + 1]);
    expect([...starts]).toEqual([0, 3, 4, 5]);
    expect([...parsePackedPairs("", labelers).starts]).toEqual([0]);
    expect(() => parsePackedPairs("x1", labelers)).toThrow(/unknown labeler: x/);
  });

  it.each([1, 2, 3])("give exactly the tallies of the votes themselves (seed %i)", (seed) => {
    const votes = randomVotes(seed);
    const { labelerIds, text } = pack(votes);
    const tallies = talliesFromPacked(labelerIds, parsePackedPairs(text, indexOf(labelerIds)));
    const expected = talliesOf(votes);
    expect(tallies).toEqual(expected);
    expect(tallies.cohen.length).toBeGreaterThan(30);
  });
});
